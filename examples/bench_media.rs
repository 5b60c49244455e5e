//! Photo benchmark, two measures:
//!
//! 1. Renditions: N camera-sized photos (4000 × 3000 JPEG, a different picture each) are
//!    checked as `media add` checks them, stored, and their renditions made as the export makes
//!    them (`Library::prepare`, on all cores).
//! 2. Export: the same N-article site twice, without photos and with a lead photo and a gallery
//!    photo per article (2 × N distinct photos), exported fully once, then exported with nothing
//!    changed, alternating between the two sites so both see the same machine load.
//!
//!     cargo run --release --example bench_media -- [--photos 100] [--n 10000] [--runs 9] [--dir /tmp/x]
//!
//! Setup shortcut for measure 2: the 2 × N photos are 40 pictures made distinct by a JPEG
//! comment segment (so 2 × N hashes and 6 × N rendition files), their renditions are linked in
//! the cache from the 40 pictures' own (same pixels, same bytes), and their originals are not
//! written (gigabytes the export never reads once renditions are cached). Making renditions is
//! what measure 1 times.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, TimeZone, Utc};
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use newsdesk::app::export::export_site;
use newsdesk::domain::frontmatter::Imported;
use newsdesk::domain::{Actor, ArticleFields, Status};
use newsdesk::media::{Image, Library, inspect, sha256_hex};
use newsdesk::store::{NewMedia, PhotoText, Store};

mod support;
use support::SECTIONS;

type Res<T = ()> = Result<T, Box<dyn Error>>;

const WORDS: &str = "nhân dân vận cán bộ đảng viên kinh tế xã hội phát triển huyện nghị người \
    thực hiện công tác chính quyền nông nghiệp tổ chức triển khai đại thẩm định thôn mới giáo dục \
    y văn hóa thể thao an ninh môi trường đất đai";

/// A photo-like picture: gradients with grain, different for every seed.
fn picture(width: u32, height: u32, seed: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let n = x.wrapping_mul(7919) ^ y.wrapping_mul(104_729) ^ seed.wrapping_mul(2_654_435_761);
        let grain = (n.wrapping_mul(2_246_822_519) >> 27) as u8;
        Rgb([
            ((x * 255 / width) as u8).wrapping_add(grain),
            ((y * 255 / height) as u8).wrapping_add(seed as u8 * 37),
            (((x + y) / 8) as u8) ^ grain,
        ])
    })
}

fn jpeg(img: &RgbImage, quality: u8) -> Res<Vec<u8>> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality).encode_image(img)?;
    Ok(out)
}

fn actor() -> Actor {
    let at = Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).single();
    Actor::new("bench", at.unwrap_or_default())
}

/// Measure 1: add and make renditions for `n` camera photos.
fn renditions(dir: &Path, n: usize) -> Res {
    let lib = Library::beside(&dir.join("camera").join("n.db"));
    let t = Instant::now();
    let files: Vec<Vec<u8>> = (0..n)
        .map(|i| jpeg(&picture(4000, 3000, 1000 + i as u32), 90))
        .collect::<Res<_>>()?;
    let mb = files.iter().map(Vec::len).sum::<usize>() as f64 / 1e6 / n as f64;
    println!(
        "made {n} camera photos (4000×3000, {mb:.1} MB each) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let mut images = Vec::new();
    for bytes in &files {
        let i = inspect(bytes, 25).map_err(|e| e.to_string())?;
        let hash = sha256_hex(bytes);
        lib.store(&hash, i.format, bytes)?;
        images.push(Image {
            hash,
            format: i.format,
            width: i.width,
            height: i.height,
            alpha: i.alpha,
        });
    }
    let add_s = t.elapsed().as_secs_f64();
    println!(
        "add (size, magic, header, full decode, SHA-256, atomic store): {add_s:.1} s, {:.0} ms a photo, one core",
        add_s * 1000.0 / n as f64
    );
    let _ = fs::remove_dir_all(lib.cache_dir());
    let t = Instant::now();
    let made = lib.prepare(&images).map_err(|f| f.reason)?;
    let s = t.elapsed().as_secs_f64();
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    println!(
        "renditions: {made} files (480, 960, 1600) for {n} photos in {s:.1} s on {cores} cores: {:.0} ms a photo ({:.0} ms of CPU)",
        s * 1000.0 / n as f64,
        s * 1000.0 * cores as f64 / n as f64
    );
    let t = Instant::now();
    let again = lib.prepare(&images).map_err(|f| f.reason)?;
    println!(
        "renditions again: {again} made, {:.1} ms (existence checks by name)",
        t.elapsed().as_secs_f64() * 1000.0
    );
    for (k, r) in images[0].renditions().iter().enumerate() {
        let total: u64 = images
            .iter()
            .filter_map(|i| fs::metadata(lib.cached(&i.renditions()[k].name)).ok())
            .map(|m| m.len())
            .sum();
        println!(
            "  {} px: {:.0} KB on average",
            r.width,
            total as f64 / 1e3 / n as f64
        );
    }
    let decoded = image::load_from_memory(&fs::read(lib.cached(&images[0].renditions()[1].name))?)?;
    let mut lossless = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut lossless).encode(
        decoded.to_rgb8().as_raw(),
        decoded.width(),
        decoded.height(),
        image::ExtendedColorType::Rgb8,
    )?;
    println!(
        "  the 960 px rendition as lossless WebP (the image crate's only WebP encoder): {:.0} KB",
        lossless.len() as f64 / 1e3
    );
    Ok(())
}

fn article(i: usize) -> ArticleFields {
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let w = |k: usize| words[(i * 7 + k * 13) % words.len()];
    let sentence = |k: usize, n: usize| (0..n).map(|j| w(k + j)).collect::<Vec<_>>().join(" ");
    let body: Vec<String> = (0..6)
        .map(|p| format!("{}.", sentence(p * 40, 40)))
        .collect();
    ArticleFields {
        slug: Some(format!("bai-{i}")),
        title: format!("{} số {i}", sentence(1, 8)),
        lede: sentence(3, 30),
        body: body.join("\n\n"),
        byline: "Nguyễn Thị Hoa".into(),
        section: SECTIONS[i % SECTIONS.len()].into(),
        tags: vec![w(5).into()],
        publish_at: Some(base_time() + chrono::Duration::minutes(i as i64 * 7)),
        ..Default::default()
    }
}

fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
}

fn fill(db: &Path, n: usize) -> Res<Store> {
    let mut store = Store::open(db)?;
    let have: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    if have as usize == n {
        return Ok(store);
    }
    for start in (0..n).step_by(1000) {
        let docs: Vec<Imported> = (start..(start + 1000).min(n))
            .map(|i| Imported {
                fields: article(i),
                status: Some(Status::Published),
                draft: false,
            })
            .collect();
        for r in store.import_many(&docs, false, &actor())? {
            r?;
        }
    }
    Ok(store)
}

/// `base` with a JPEG comment after SOI: the same pixels, another hash.
fn variant(base: &[u8], k: usize) -> Vec<u8> {
    let note = format!("newsdesk bench photo {k}");
    let mut out = base[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend_from_slice(&((note.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(note.as_bytes());
    out.extend_from_slice(&base[2..]);
    out
}

/// Gives every article a lead photo and a gallery photo, all distinct.
fn attach_photos(store: &mut Store, db: &Path) -> Res {
    if !store.media_list()?.is_empty() {
        return Ok(());
    }
    let t = Instant::now();
    let lib = Library::beside(db);
    let bases: Vec<(Vec<u8>, Image)> = (0..40)
        .map(|s| -> Res<(Vec<u8>, Image)> {
            let bytes = jpeg(&picture(1800, 1200, s), 85)?;
            let i = inspect(&bytes, 25).map_err(|e| e.to_string())?;
            let image = Image {
                hash: sha256_hex(&bytes),
                format: i.format,
                width: i.width,
                height: i.height,
                alpha: i.alpha,
            };
            lib.store(&image.hash, image.format, &bytes)?;
            Ok((bytes, image))
        })
        .collect::<Res<_>>()?;
    let base_images: Vec<Image> = bases.iter().map(|(_, i)| i.clone()).collect();
    lib.prepare(&base_images).map_err(|f| f.reason)?;
    store
        .connection()
        .pragma_update(None, "synchronous", "OFF")?;
    let ids: Vec<i64> = {
        let mut stmt = store
            .connection()
            .prepare("SELECT id FROM articles ORDER BY id")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    for (k, id) in ids.iter().enumerate() {
        for role in 0..2 {
            let (base, base_image) = &bases[(2 * k + role) % bases.len()];
            let bytes = variant(base, 2 * k + role);
            // The original is not written: the export never reads one whose renditions are
            // cached, and 2 × N originals would be gigabytes.
            let hash = sha256_hex(&bytes);
            let image = Image {
                hash: hash.clone(),
                ..base_image.clone()
            };
            for (mine, theirs) in image.renditions().iter().zip(base_image.renditions()) {
                let to = lib.cached(&mine.name);
                if !to.exists() {
                    fs::create_dir_all(to.parent().unwrap_or(Path::new(".")))?;
                    fs::hard_link(lib.cached(&theirs.name), &to)?;
                }
            }
            let new = NewMedia {
                hash: hash.clone(),
                name: format!("anh-{k}-{role}.jpg"),
                bytes: bytes.len() as u64,
                inspected: inspect(base, 25).map_err(|e| e.to_string())?,
                caption: format!("Ảnh minh họa {k}"),
                alt: format!("Toàn cảnh sự kiện {k}"),
                credit: "Văn Hùng".into(),
            };
            store.add_media(&new, &actor())?;
            if role == 0 {
                store.set_lead(*id, &hash, &PhotoText::default())?;
            } else {
                store.add_to_gallery(*id, &hash, None, &PhotoText::default())?;
            }
        }
    }
    store
        .connection()
        .pragma_update(None, "synchronous", "FULL")?;
    println!(
        "attached {} photos in {:.1} s (setup)",
        2 * ids.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Measure 2: unchanged exports of the site with and without photos, alternated.
fn exports(dir: &Path, n: usize, runs: usize) -> Res {
    let plain_db = dir.join(format!("plain-{n}")).join("n.db");
    let photo_db = dir.join(format!("photos-{n}")).join("n.db");
    fs::create_dir_all(photo_db.parent().unwrap_or(dir))?;
    let mut plain = fill(&plain_db, n)?;
    let mut photos = fill(&photo_db, n)?;
    attach_photos(&mut photos, &photo_db)?;
    let a = actor();
    let tag = std::process::id();
    let outs: [PathBuf; 2] = [
        dir.join(format!("out-plain-{tag}")),
        dir.join(format!("out-photos-{tag}")),
    ];
    let mut stores = [plain, photos];
    for (s, out) in stores.iter_mut().zip(&outs) {
        let t = Instant::now();
        let r = export_site(s, Some(out), None, &a)
            .map_err(|e| e.to_string())?
            .report;
        println!(
            "full export {}: {} files ({} written) in {:.2} s",
            out.display(),
            r.pages,
            r.written,
            t.elapsed().as_secs_f64()
        );
    }
    let mut times: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for k in 0..2 {
            let t = Instant::now();
            let r = export_site(&mut stores[k], Some(&outs[k]), None, &a)
                .map_err(|e| e.to_string())?
                .report;
            times[k].push(t.elapsed().as_secs_f64() * 1000.0);
            assert!(r.build.is_none() && r.renditions == 0);
        }
    }
    let [p, f] = &mut times;
    println!(
        "no-change export, {runs} runs alternated: without photos median {:.0} ms (min {:.0}), with photos median {:.0} ms (min {:.0})",
        median(p),
        p[0],
        median(f),
        f[0]
    );
    for out in &outs {
        let _ = fs::remove_file(out);
        let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
        let _ = fs::remove_dir_all(dir.join(format!("{}.builds", name.unwrap_or_default())));
    }
    plain = stores.into_iter().next().ok_or("no store")?;
    drop(plain);
    Ok(())
}

fn main() -> Res {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| support::arg(&args, name);
    let photos: usize = arg("--photos").map_or(Ok(100), |s| s.parse())?;
    let n: usize = arg("--n").map_or(Ok(10_000), |s| s.parse())?;
    let runs: usize = arg("--runs").map_or(Ok(9), |s| s.parse())?;
    let tmp = tempfile::tempdir()?;
    let dir = arg("--dir").map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
    fs::create_dir_all(&dir)?;
    if photos > 0 {
        renditions(&dir, photos)?;
    }
    if n > 0 {
        exports(&dir, n, runs)?;
    }
    Ok(())
}
