//! Site export benchmark: N synthetic published articles → full export (time, peak memory),
//! an export with no change, an export after editing one article; and, when `hugo` is on the
//! PATH, the same corpus built by Hugo with equivalent minimal templates, in the same run.
//!
//!     cargo run --release --example bench_export -- --n 10000 [--dir /tmp/x] [--no-hugo]
//!         [--rounds 3] [--no-settle] [--edits 5] [--keep]
//!
//! Without --dir the work files go to a temporary folder removed at the end. With --dir the
//! database and the Hugo site's content are kept and reused by the next run with the same N.
//! Each round builds both sites into folders never used before; everything built is removed
//! at the end, after the last measure; --keep leaves it (for A/B runs back to back without the
//! settle wait: then remove the --dir yourself).

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use newsdesk::app::export::export_site;
use newsdesk::domain::frontmatter::Imported;
use newsdesk::domain::{Actor, ArticleFields, Status, slugify};
use newsdesk::store::Store;

mod support;
use support::{Rng, SECTIONS};

type Res<T = ()> = Result<T, Box<dyn Error>>;

const WORDS: &str = "nhân dân dân vận cán bộ đảng viên kinh tế xã hội phát triển huyện xã hội nghị \
    người dân thực hiện công tác chính quyền nông nghiệp tổ chức triển khai đại hội thẩm định \
    nông thôn mới giáo dục y tế văn hóa thể thao an ninh quốc phòng môi trường đất đai xây dựng \
    giao thông đầu tư doanh nghiệp hợp tác xã sản xuất chăn nuôi trồng trọt cà phê hồ tiêu lúa gạo \
    phong trào thi đua tuyên truyền vận động đồng bào chính sách việc làm thu nhập đời sống của và \
    các là có được trong những cho với đã đang sẽ này đó một hai ba nhiều theo tại từ về để khi";
const TAGS: [&str; 12] = [
    "thi đua",
    "ngân sách",
    "chuyển đổi số",
    "nông thôn mới",
    "dân vận khéo",
    "an sinh",
    "cải cách hành chính",
    "giảm nghèo",
    "đại hội",
    "tiếp công dân",
    "hội nghị",
    "kỷ niệm",
];

/// A sentence of `lo` to `lo + spread - 1` words.
fn sentence(rng: &mut Rng, words: &[&str], lo: usize, spread: usize) -> String {
    let n = lo + rng.below(spread.max(1));
    let mut s: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
    let first = s[0].to_string();
    let mut cap: String = first
        .chars()
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    cap.extend(first.chars().skip(1));
    s[0] = &cap;
    format!("{}.", s.join(" "))
}

fn article(rng: &mut Rng, i: usize, words: &[&str]) -> ArticleFields {
    let title = format!(
        "{} số {i}",
        sentence(rng, words, 6, 8).trim_end_matches('.')
    );
    let mut body = String::new();
    let paragraphs = 5 + rng.below(5);
    for p in 0..paragraphs {
        if p == 2 {
            body.push_str(&format!(
                "## {}\n\n",
                sentence(rng, words, 5, 1).trim_end_matches('.')
            ));
        }
        let n = 2 + rng.below(3);
        let text: Vec<String> = (0..n).map(|_| sentence(rng, words, 12, 12)).collect();
        body.push_str(&text.join(" "));
        body.push_str("\n\n");
    }
    if i.is_multiple_of(10) {
        body.push_str("| Chỉ tiêu | Kết quả |\n|:--|--:|\n| Thu ngân sách | 86,9% |\n\n");
    }
    let t1 = TAGS[rng.below(TAGS.len())];
    let t2 = TAGS[rng.below(TAGS.len())];
    ArticleFields {
        slug: Some(format!(
            "{}-{i}",
            slugify(&title)
                .chars()
                .take(50)
                .collect::<String>()
                .trim_end_matches('-')
        )),
        title,
        lede: sentence(rng, words, 25, 15),
        body,
        byline: "Nguyễn Thị Hoa".into(),
        signed_by: "Ban Dân vận Huyện ủy".into(),
        section: SECTIONS[rng.below(SECTIONS.len())].into(),
        tags: vec![t1.into(), t2.into()],
        publish_at: Some(base_time() + chrono::Duration::minutes(i as i64 * 7)),
    }
}

fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
}

fn actor() -> Actor {
    Actor::new(
        "bench",
        Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default(),
    )
}

/// Peak resident memory of a process so far, in MB (`VmHWM`).
fn peak_mb(pid: &str) -> f64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Forgets the peak so far (Linux: writing 5 to clear_refs resets VmHWM).
fn reset_peak() {
    let _ = fs::write("/proc/self/clear_refs", "5");
}

fn fill(db: &Path, n: usize) -> Res<Store> {
    let mut store = Store::open(db)?;
    let have: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    if have as usize == n {
        println!("reusing {} ({n} articles)", db.display());
        return Ok(store);
    }
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut rng = Rng(42);
    let started = Instant::now();
    for start in (0..n).step_by(1000) {
        let docs: Vec<Imported> = (start..(start + 1000).min(n))
            .map(|i| Imported {
                fields: article(&mut rng, i, &words),
                status: Some(Status::Published),
                draft: false,
            })
            .collect();
        for r in store.import_many(&docs, false, &actor())? {
            r?;
        }
    }
    println!(
        "generated {n} articles in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(store)
}

/// Writes the corpus as a Hugo site with minimal templates doing what ours do.
fn hugo_site(store: &Store, dir: &Path, per_page: usize) -> Res {
    let layouts = dir.join("layouts/_default");
    fs::create_dir_all(&layouts)?;
    fs::write(
        dir.join("hugo.toml"),
        format!(
            "baseURL = 'https://example.com/'\nlanguageCode = 'vi'\ntitle = 'Bench'\n\
         [pagination]\npagerSize = {per_page}\n[taxonomies]\ntag = 'tags'\n"
        ),
    )?;
    let base = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>\
        <meta name=\"description\" content=\"{{ .Summary | plainify }}\"><link rel=\"canonical\" href=\"{{ .Permalink }}\">\
        <link rel=\"stylesheet\" href=\"/style.css\"></head><body><nav>{{ range .Site.Sections }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</nav>\
        <main>{{ block \"main\" . }}{{ end }}</main><footer>{{ .Site.Title }}</footer></body></html>";
    fs::write(layouts.join("baseof.html"), base)?;
    fs::write(
        layouts.join("single.html"),
        "{{ define \"main\" }}<nav><a href=\"/\">Trang chủ</a> › {{ .Section }}</nav><h1>{{ .Title }}</h1>\
        <p><time>{{ .Date.Format \"02/01/2006 15:04\" }}</time> · {{ .Params.byline }}</p><p><b>{{ .Params.lede }}</b></p>{{ .Content }}\
        <p style=\"text-align:right\">{{ .Params.signed_by }}</p>{{ range .Params.tags }}<a href=\"/tags/{{ . | urlize }}/\">{{ . }}</a>{{ end }}\
        <ul>{{ range first 5 .CurrentSection.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    )?;
    let list = "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<h2><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></h2>\
        <time>{{ .Date.Format \"02/01/2006 15:04\" }}</time><p>{{ .Params.lede }}</p>{{ end }}{{ template \"_internal/pagination.html\" . }}{{ end }}";
    fs::write(layouts.join("list.html"), list)?;
    fs::write(
        dir.join("layouts/index.html"),
        list.replace(
            "{{ range .Paginator.Pages }}",
            "{{ range (.Paginate .Site.RegularPages).Pages }}",
        ),
    )?;
    let mut after = None;
    let mut made = std::collections::HashSet::new();
    loop {
        let page = store.published_page(after, 1000, true)?;
        for a in &page {
            let section = dir.join("content").join(slugify(&a.section));
            if made.insert(section.clone()) {
                fs::create_dir_all(&section)?;
                fs::write(
                    section.join("_index.md"),
                    format!("+++\ntitle = {:?}\n+++\n", a.section),
                )?;
            }
            let at = a.publish_at.unwrap_or_default().to_rfc3339();
            fs::write(
                section.join(format!("{}.md", a.slug)),
                format!(
                    "+++\ntitle = {:?}\ndate = {at}\nslug = {:?}\ntags = {:?}\nbyline = {:?}\nsigned_by = {:?}\nlede = {:?}\n+++\n{}",
                    a.title, a.slug, a.tags, a.byline, a.signed_by, a.lede, a.body
                ),
            )?;
        }
        match page.last() {
            Some(last) if page.len() == 1000 => {
                after = Some((last.publish_at.unwrap_or_default(), last.id))
            }
            _ => break,
        }
    }
    Ok(())
}

/// Runs Hugo on `site` into `public`; returns (seconds, peak MB) from polling its /proc status.
fn run_hugo(site: &Path, public: &Path) -> Res<(f64, f64)> {
    let started = Instant::now();
    let mut child = Command::new("hugo")
        .args(["--quiet", "-s"])
        .arg(site)
        .args(["-d"])
        .arg(public)
        .stdout(Stdio::null())
        .spawn()?;
    let pid = child.id().to_string();
    let mut peak: f64 = 0.0;
    loop {
        peak = peak.max(peak_mb(&pid));
        if let Some(status) = child.try_wait()? {
            if !status.success() {
                return Err(format!("hugo failed: {status}").into());
            }
            return Ok((started.elapsed().as_secs_f64(), peak));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// ext4 without a journal (this VM's disk) checks, for every inode it hands out, whether the
/// candidate was freed recently — within 60 s, or 360 s while its inode-table block is dirty —
/// and walks past each one that was, a buffer lookup apiece. A build started soon after a
/// whole site was deleted pays that walk on every file and folder it makes (a 10,000-article
/// export went from 0.7 s to 3–4 s, Hugo's build from 5 s to 7 s), so this benchmark deletes
/// only at the end of a run and the next run waits until that deletion is old enough (a
/// minute more than the kernel's six, for the removal's own length).
const SETTLE: Duration = Duration::from_secs(420);

fn removal_stamp() -> PathBuf {
    std::env::temp_dir().join("newsdesk-bench-export.removed")
}

/// Waits out the rest of `SETTLE` after the previous run's removal.
fn settle() {
    let since = fs::read_to_string(removal_stamp())
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .and_then(|at| {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            now.checked_sub(Duration::from_secs(at))
        });
    if let Some(since) = since
        && since < SETTLE
    {
        let wait = SETTLE - since;
        println!(
            "waiting {} s: the previous run removed its sites {} s ago (see SETTLE; --no-settle skips)",
            wait.as_secs(),
            since.as_secs()
        );
        std::thread::sleep(wait);
    }
}

/// Reads a file, or every file below a folder, into the page cache.
fn warm(path: &Path) {
    if path.is_dir() {
        for e in fs::read_dir(path).into_iter().flatten().flatten() {
            warm(&e.path());
        }
    } else if let Ok(mut f) = fs::File::open(path) {
        let _ = std::io::copy(&mut f, &mut std::io::sink());
    }
}

/// Removes what a run built, then records when, for the next run's `settle`.
fn remove_built(paths: &[PathBuf]) {
    for p in paths {
        let _ = fs::remove_file(p);
        let _ = fs::remove_dir_all(p);
    }
    let _ = Command::new("sync").status();
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        let _ = fs::write(removal_stamp(), now.as_secs().to_string());
    }
}

fn main() -> Res {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| support::arg(&args, name);
    let flag = |name: &str| args.iter().any(|a| a == name);
    let n: usize = arg("--n").map_or(Ok(10_000), |s| s.parse())?;
    let rounds: usize = arg("--rounds")
        .map_or(Ok(3), |s| s.parse::<usize>())?
        .max(1);
    let tmp = tempfile::tempdir()?;
    let dir = arg("--dir").map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
    fs::create_dir_all(&dir)?;
    let mut store = fill(&dir.join(format!("bench-{n}.db")), n)?;
    let a = actor();
    let per_page = newsdesk::site::Settings::default().per_page;

    let hugo = !flag("--no-hugo")
        && Command::new("hugo")
            .arg("version")
            .output()
            .is_ok_and(|o| o.status.success());
    let hdir = dir.join(format!("hugo-{n}"));
    if hugo && !hdir.join("complete").exists() {
        let _ = fs::remove_dir_all(&hdir);
        hugo_site(&store, &hdir, per_page)?;
        fs::write(hdir.join("complete"), "")?;
    }
    if !flag("--no-settle") {
        settle();
    }
    // Both tools start from warm caches: the wait above is long enough for the kernel to
    // drop what it read before.
    warm(&dir.join(format!("bench-{n}.db")));
    if hugo {
        warm(&hdir.join("content"));
    }

    let pid = std::process::id();
    let mut built: Vec<PathBuf> = Vec::new();
    let (mut ours_s, mut hugo_s) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        let out = dir.join(format!("public-{pid}-{round}"));
        built.push(out.clone());
        built.push(dir.join(format!("public-{pid}-{round}.builds")));
        reset_peak();
        let t = Instant::now();
        let full = export_site(&mut store, Some(&out), None, &a).map_err(|e| e.to_string())?;
        let full_s = t.elapsed().as_secs_f64();
        let full_mb = peak_mb("self");
        ours_s.push(full_s);
        print!(
            "round {round}: full export {} files in {full_s:.2} s ({:.0} articles/s), peak RSS {full_mb:.0} MB",
            full.report.pages,
            n as f64 / full_s
        );
        if hugo {
            let public = hdir.join(format!("public-{pid}-{round}"));
            built.push(public.clone());
            let (secs, mb) = run_hugo(&hdir, &public)?;
            hugo_s.push(secs);
            print!(
                "; hugo {secs:.2} s, peak RSS {mb:.0} MB: newsdesk {:.1}× faster, {:.0}× less memory",
                secs / full_s,
                mb / full_mb.max(1.0)
            );
        }
        println!();
    }
    if hugo {
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let (ours, theirs) = (median(&mut ours_s), median(&mut hugo_s));
        println!(
            "median of {rounds}: newsdesk {ours:.2} s, hugo {theirs:.2} s: {:.1}× faster",
            theirs / ours
        );
    } else {
        println!("hugo: not run (not installed, or --no-hugo)");
    }

    let out = dir.join(format!("public-{pid}-1"));
    let t = Instant::now();
    let same = export_site(&mut store, Some(&out), None, &a).map_err(|e| e.to_string())?;
    let same_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "no-change export: {same_ms:.0} ms ({} written)",
        same.report.written
    );

    // The first edits after a full export build fresh folders (every page linked) until there
    // is a spare build to recycle (the third build on: live, rollback and spare are kept);
    // from then on only changed files are touched.
    let edits: i64 = arg("--edits").map_or(Ok(5), |s| s.parse())?;
    for k in 0..edits {
        let id: i64 = store.connection().query_row(
            "SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET ?1",
            [(n as i64 / edits) * k],
            |r| r.get(0),
        )?;
        let art = store.get(id)?;
        let fields = ArticleFields {
            lede: format!("{} (đã sửa)", art.lede),
            ..art.fields()
        };
        store.save(id, &fields, art.version, &a)?;
        let t = Instant::now();
        let edit = export_site(&mut store, Some(&out), None, &a).map_err(|e| e.to_string())?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        println!(
            "one-edit export #{}: {ms:.0} ms ({} written, {} unchanged, {} removed)",
            k + 1,
            edit.report.written,
            edit.report.unchanged,
            edit.report.removed
        );
    }
    drop(store);
    let _ = tmp.close();
    if flag("--keep") {
        println!(
            "kept what it built (--keep): {} folders under {}",
            built.len(),
            dir.display()
        );
    } else {
        remove_built(&built);
    }
    Ok(())
}
