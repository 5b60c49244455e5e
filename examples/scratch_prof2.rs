use std::time::Instant;
use newsdesk::store::Store;
fn main() {
    let s = Store::open(std::path::Path::new("/tmp/bm/photos-10000/n.db")).unwrap();
    let c = s.connection();
    for _ in 0..3 {
        let t = Instant::now();
        let mut st = c.prepare_cached("SELECT article_id, role, hash, caption, alt FROM article_media WHERE article_id IN (SELECT id FROM articles WHERE status = 'published') ORDER BY article_id, role, position").unwrap();
        let n: usize = st.query_map([], |r| { let h: String = r.get(2)?; Ok(h.len()) }).unwrap().map(|x| x.unwrap()).sum();
        let a = t.elapsed();
        let t = Instant::now();
        let mut st = c.prepare_cached("SELECT hash, format, width, height, alpha, caption, alt, credit FROM media").unwrap();
        let m: usize = st.query_map([], |r| { let h: String = r.get(0)?; let c: String = r.get(5)?; Ok(h.len() + c.len()) }).unwrap().map(|x| x.unwrap()).sum();
        let b = t.elapsed();
        let t = Instant::now();
        let _ = s.published_media().unwrap();
        let d = t.elapsed();
        println!("uses {a:?} ({n}) library {b:?} ({m}) published_media {d:?}");
    }
}
