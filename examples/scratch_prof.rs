use std::time::Instant;
use newsdesk::store::Store;
use newsdesk::site::plan::Plan;
fn main() {
    let s = Store::open(std::path::Path::new("/tmp/bm/photos-10000/n.db")).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let h = s.published_headers().unwrap();
        let a = t.elapsed();
        let t = Instant::now();
        let m = s.published_media().unwrap();
        let b = t.elapsed();
        let t = Instant::now();
        let mut plan = Plan::new(h, 20, "Tin");
        let c = t.elapsed();
        let t = Instant::now();
        plan.attach_media(m);
        let d = t.elapsed();
        let t = Instant::now();
        let pages = plan.pages(1);
        let e = t.elapsed();
        let man: String = pages.iter().map(|p| format!("{:016x} {}\n", p.fp, p.path)).collect();
        let t = Instant::now();
        let map: std::collections::HashMap<String, u64> = man.lines().filter_map(|l| { let (f, p) = l.split_once(' ')?; Some((p.to_string(), u64::from_str_radix(f, 16).ok()?)) }).collect();
        let f = t.elapsed();
        println!("headers {a:?} media {b:?} plan {c:?} attach {d:?} pages {e:?} ({}) manifest {f:?} ({})", pages.len(), map.len());
    }
}
#[allow(dead_code)]
fn plan_of() {}
