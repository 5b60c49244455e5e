//! Store benchmark: import throughput, search latency and the first list page, on N synthetic
//! Vietnamese articles. Prints a Markdown table ready for BENCHMARKS.md.
//!
//!     cargo run --release --example bench_store -- --n 10000 [--dir /tmp/x] [--queries 200]
//!
//! Without --dir the work files go to a temporary folder that is removed at the end; with it,
//! the Markdown files (`md/`) and the database (`bench.db`) are kept there.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, Utc};
use newsdesk::domain::frontmatter::{Imported, parse_document};
use newsdesk::domain::query::SearchQuery;
use newsdesk::domain::time::format_time;
use newsdesk::domain::{Actor, Status, text};
use newsdesk::store::{ImportOutcome, ListQuery, Sort, Store};

mod support;
use support::Rng;

type Res<T = ()> = Result<T, Box<dyn Error>>;

/// Documents per `import_many` call: what `newsdesk import` hands the store.
const BATCH: usize = newsdesk::app::import::BATCH;
/// Kinds of search, as `Vocab::query` makes them.
const KINDS: [&str; 4] = ["no marks", "prefix", "with marks", "filtered"];

/// Frequent little words, most frequent first.
const SMALL_WORDS: &str = "của và các là có được trong những cho với đã đang sẽ này đó một \
    hai ba nhiều theo tại từ về để khi cũng như đến trên ra vào không rất hơn nhất đều cùng mà \
    thì nên vì do bởi năm tháng ngày";

/// Content words and compounds of one to three syllables, roughly most frequent first.
const PHRASES: &str = "nhân dân|dân vận|cán bộ|đảng viên|Đảng ủy|kinh tế|xã hội|phát triển|\
    huyện|xã|hội nghị|người dân|thực hiện|công tác|chính quyền|nông nghiệp|tổ chức|Mặt trận Tổ quốc|\
    triển khai|đại hội|thẩm định|Huyện ủy|Tỉnh ủy|Thành ủy|phường|thị trấn|tỉnh|nông thôn mới|\
    công nghiệp|thương mại|du lịch|giáo dục|y tế|văn hóa|thể thao|an ninh|quốc phòng|trật tự|\
    an toàn giao thông|môi trường|tài nguyên|đất đai|xây dựng|giao thông|hạ tầng|đầu tư|\
    doanh nghiệp|hợp tác xã|sản xuất|chăn nuôi|trồng trọt|thủy sản|lâm nghiệp|cà phê|hồ tiêu|\
    cao su|lúa gạo|thanh long|sầu riêng|Hội Nông dân|Hội Phụ nữ|Đoàn Thanh niên|Cựu chiến binh|\
    công đoàn|chi bộ|nghị quyết|chỉ thị|kế hoạch|chương trình|phong trào|thi đua|khen thưởng|\
    tuyên truyền|vận động|đồng bào|dân tộc thiểu số|vùng sâu|vùng xa|biên giới|hộ nghèo|giảm nghèo|\
    an sinh|chính sách|bảo hiểm|việc làm|thu nhập|đời sống|nhà ở|nhà văn hóa|trường học|học sinh|\
    giáo viên|bệnh viện|trạm y tế|bác sĩ|tiêm chủng|dịch bệnh|phòng chống|thiên tai|lũ lụt|hạn hán|\
    mưa bão|sạt lở|cứu trợ|tình nguyện|hiến máu|từ thiện|quyên góp|ủng hộ|Tết|mùa xuân|lễ hội|\
    truyền thống|di tích|lịch sử|cách mạng|kỷ niệm|tuần|quý|sơ kết|tổng kết|hoàn thành|chỉ tiêu|\
    nhiệm vụ|giải pháp|trọng tâm|đột phá|chuyển đổi số|cải cách hành chính|một cửa|dịch vụ công|\
    trực tuyến|minh bạch|tiếp công dân|khiếu nại|tố cáo|hòa giải|cơ sở|thôn|bản|buôn|làng|\
    tổ dân phố|khu dân cư|gia đình|văn minh|đoàn kết|đồng thuận|tích cực|hiệu quả|bền vững|\
    tăng trưởng|ngân sách|vốn|tín dụng|ngân hàng|giải ngân|dự án|công trình|khởi công|khánh thành|\
    bàn giao|nghiệm thu|đường|cầu|điện|nước sạch|thủy lợi|kênh mương|chợ|sân vận động|lãnh đạo|\
    chỉ đạo|đồng chí|Bí thư|Phó Bí thư|Chủ tịch|Ủy ban nhân dân|Hội đồng nhân dân|đại biểu|cử tri|\
    tiếp xúc|kiến nghị|giám sát|phản biện|kiểm tra|thanh tra|kỷ luật|biểu dương|gương điển hình|\
    tiên tiến|người tốt việc tốt|học tập|làm theo|tư tưởng|đạo đức|phong cách|Hồ Chí Minh|\
    quân đội|công an|biên phòng|dân quân|tự vệ|huấn luyện|diễn tập|tuyển quân|thanh niên|phụ nữ|\
    trẻ em|người cao tuổi|thương binh|liệt sĩ|tri ân|nghĩa tình|khéo léo|gần dân|hiểu dân|trọng dân|\
    lắng nghe|chia sẻ|giúp đỡ|hỗ trợ|tặng quà|tham gia|phối hợp|ký kết|thống nhất|đề xuất|báo cáo|\
    đánh giá|góp ý|thảo luận|biểu quyết|thông qua|ban hành|hướng dẫn|quy định|pháp luật|khuyến nông|\
    giống mới|năng suất|sản lượng|thị trường|tiêu thụ|xuất khẩu|nhập khẩu|hàng hóa|giá cả|\
    mô hình|liên kết|chuỗi giá trị|thương hiệu|sản phẩm|chất lượng|đào tạo|nghề|lao động|ruộng|\
    rẫy|rừng|sông|suối|núi|đèo|Tây Nguyên|miền Trung|Đắk Nông|Gia Lai|Kon Tum|Lâm Đồng|Quảng Ngãi|\
    khắc phục|hậu quả|sửa chữa|nâng cấp|mở rộng|đẩy mạnh|tăng cường|nâng cao|nhận thức|ý thức|\
    trách nhiệm|gương mẫu|tiêu biểu|xuất sắc|vinh dự|tự hào|ấm áp|vui mừng|phấn khởi|khó khăn|\
    vướng mắc|tồn tại|hạn chế|nguyên nhân|bài học|kinh nghiệm|thời gian tới|mục tiêu|định hướng|\
    tầm nhìn|chiến lược|quy hoạch|địa phương|trung ương|cấp ủy|mặt trận|đoàn thể|hội viên|đoàn viên";

/// ASCII words that turn up in Vietnamese news.
const ASCII_WORDS: &str = "COVID-19 online website app Zalo Facebook smartphone startup OCOP \
    GDP AI 5G QR logo marketing livestream e-commerce ha km VietGAP";

/// Most frequent first.
const SECTIONS: &str = "Dân vận|Tin hoạt động|Kinh tế – Xã hội|Xây dựng Đảng|\
    Văn hóa – Thể thao|Quốc phòng – An ninh|Gương điển hình|Nông thôn mới";
const SIGNERS: &str = "Ban Dân vận Huyện ủy|Văn phòng Huyện ủy|Ủy ban Mặt trận Tổ quốc huyện|\
    Hội Nông dân huyện|Ban Tuyên giáo Huyện ủy";
/// 60 % published, 15 % draft, 10 % review, 10 % archived, 5 % scheduled.
const STATUS_MIX: &str = "published published published published published published \
    published published published published published published draft draft draft review \
    review archived archived scheduled";
const FAMILY: &str = "Nguyễn Trần Lê Phạm Hoàng Võ Đặng Bùi Đỗ Y";
const MIDDLE: &str = "Văn Thị Minh Đức Thu Hữu Ngọc";
const GIVEN: &str = "An Bình Cường Dũng Hà Hạnh Hùng Lan Long Mai Nam Phương Quang Sơn Thảo \
    Trang Tuấn Việt Yến Blúp";

/// What only this benchmark draws.
impl Rng {
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// Half uniform, half log-uniform (Zipf-like): the front of the list is far more common.
    fn skewed<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        if self.chance(50) {
            return self.pick(xs);
        }
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let i = ((xs.len() + 1) as f64).powf(unit) as usize;
        &xs[i.saturating_sub(1).min(xs.len() - 1)]
    }
}

struct Vocab {
    small: Vec<&'static str>,
    phrases: Vec<&'static str>,
    ascii: Vec<&'static str>,
    sections: Vec<&'static str>,
    signers: Vec<&'static str>,
    statuses: Vec<&'static str>,
    names: Vec<String>,
}

impl Vocab {
    fn new(rng: &mut Rng) -> Vocab {
        let words = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
        let bars = |s: &'static str| s.split('|').map(str::trim).collect::<Vec<_>>();
        let (fam, mid, given) = (words(FAMILY), words(MIDDLE), words(GIVEN));
        let names = (0..30)
            .map(|_| format!("{} {} {}", rng.pick(&fam), rng.pick(&mid), rng.pick(&given)))
            .collect();
        Vocab {
            small: words(SMALL_WORDS),
            phrases: bars(PHRASES),
            ascii: words(ASCII_WORDS),
            sections: bars(SECTIONS),
            signers: bars(SIGNERS),
            statuses: words(STATUS_MIX),
            names,
        }
    }

    fn distinct_words(&self) -> usize {
        let mut all: Vec<String> = (self.small.iter().chain(&self.phrases).chain(&self.ascii))
            .flat_map(|p| p.split_whitespace().map(str::to_lowercase))
            .collect();
        all.sort();
        all.dedup();
        all.len()
    }

    /// `lo..=hi` words of running text, capitalised, without the final full stop.
    fn words(&self, rng: &mut Rng, lo: usize, hi: usize, out: &mut String) {
        let (mut n, start, want) = (0, out.len(), rng.range(lo, hi));
        while n < want {
            if n > 0 {
                out.push_str(if rng.chance(8) { ", " } else { " " });
            }
            let mut w = match rng.below(100) {
                0..=34 => rng.skewed(&self.small).to_string(),
                35..=91 => rng.skewed(&self.phrases).to_string(),
                92..=95 => rng.pick(&self.ascii).to_string(),
                _ => rng.range(2, 2030).to_string(),
            };
            if n + w.split_whitespace().count() > want {
                w = rng.skewed(&self.small).to_string(); // a compound would overshoot
            }
            n += w.split_whitespace().count();
            out.push_str(&w);
        }
        if let Some(c) = out[start..].chars().next() {
            let upper: String = c.to_uppercase().collect();
            out.replace_range(start..start + c.len_utf8(), &upper);
        }
    }

    /// One Markdown file with YAML front matter, as `newsdesk import` reads it.
    fn document(&self, rng: &mut Rng, i: usize) -> String {
        let (mut title, mut summary) = (String::new(), String::new());
        self.words(rng, 6, 14, &mut title);
        self.words(rng, 15, 30, &mut summary);
        let secs = 1_672_506_000 + rng.below(4 * 365 * 86_400) as i64; // 2023–2026
        let date = format_time(DateTime::from_timestamp(secs, 0).unwrap_or_default(), vn());
        let tags: Vec<String> = (0..rng.range(1, 4))
            .map(|_| format!("\"{}\"", rng.skewed(&self.phrases).to_lowercase()))
            .collect();
        let slug = if i.is_multiple_of(10) {
            format!("slug: bai-{i}\n")
        } else {
            String::new()
        };
        let mut doc = format!(
            "---\ntitle: \"{title}\"\n{slug}date: {date}\nstatus: {}\nsection: \"{}\"\n\
             tags: [{}]\nauthor: \"{}\"\nsummary: \"{summary}.\"\nsigned_by: \"{}\"\n---\n\n",
            rng.pick(&self.statuses),
            rng.skewed(&self.sections),
            tags.join(", "),
            rng.pick(&self.names),
            rng.pick(&self.signers)
        );
        let (target, mut written) = (rng.range(300, 600), 0);
        while written < target {
            let mut left = rng.range(40, 110).min(target - written).max(8);
            written += left;
            while left > 0 {
                let n = if left < 24 { left } else { rng.range(8, 20) };
                self.words(rng, n, n, &mut doc);
                doc.push_str(". ");
                left -= n;
            }
            doc.pop();
            doc.push_str("\n\n");
        }
        doc
    }

    /// A search as an editor types it; `kind` 0 no marks, 1 prefix, 2 with marks, 3 filtered.
    /// A trailing space means the last word is finished (no prefix match).
    fn query(&self, rng: &mut Rng, kind: usize) -> String {
        let want = rng.range(1, 3);
        let mut words: Vec<&str> = Vec::new();
        while words.len() < want {
            words.extend(rng.skewed(&self.phrases).split_whitespace());
        }
        words.truncate(want);
        let marked = words.join(" ").to_lowercase();
        let plain = text::fold(&marked);
        match kind {
            0 => format!("{plain} "),
            1 => {
                let last = plain.rsplit(' ').next().unwrap_or_default().len();
                let cut = plain.len() - last + rng.range(2, last.max(2)).min(last);
                plain[..cut].to_string()
            }
            2 => format!("{marked} "),
            _ if rng.chance(50) => format!("status:published {plain} "),
            _ => format!("section:\"Dân vận\" {plain} "),
        }
    }
}

fn vn() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("+07:00 is a valid offset")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// (median, p95, max) in ms.
fn stats(times: &[Duration]) -> (f64, f64, f64) {
    let mut v: Vec<f64> = times.iter().copied().map(ms).collect();
    v.sort_by(f64::total_cmp);
    let p = |q: f64| v[((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (p(0.5), p(0.95), v[v.len() - 1])
}

fn machine() -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo.lines().find_map(|l| l.strip_prefix("model name"));
    let model = model.map_or("?", |m| m.trim_start_matches([' ', '\t', ':']));
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rustc = std::process::Command::new("rustc").arg("-V").output();
    let rustc = rustc.map_or(String::new(), |o| String::from_utf8_lossy(&o.stdout).into());
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let sqlite = rusqlite::version();
    format!(
        "{cores} × {model}; {}; SQLite {sqlite}; load {}",
        rustc.trim(),
        load.join(" ")
    )
}

fn size_mb(path: &Path) -> f64 {
    fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1_048_576.0)
}

fn main() -> Res {
    let (mut n, mut queries, mut dir) = (10_000usize, 200usize, None::<PathBuf>);
    let mut reuse = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--n" => n = value()?.parse()?,
            "--queries" => queries = value()?.parse()?,
            "--dir" => dir = Some(PathBuf::from(value()?)),
            // Search and list again on the database a previous run kept in --dir.
            "--reuse" => reuse = true,
            _ => {
                return Err(
                    format!("unknown {a}: use --n N [--dir D [--reuse]] [--queries Q]").into(),
                );
            }
        }
    }
    let temporary = dir.is_none();
    let tmp = std::env::temp_dir().join(format!("newsdesk-bench-{}", std::process::id()));
    let dir = dir.unwrap_or(tmp);
    let (md, db) = (dir.join("md"), dir.join("bench.db"));
    if reuse {
        let vocab = Vocab::new(&mut Rng(0x6E65_7773_6465_736B));
        println!(
            "\n### Store, reusing {}\n\nMachine: {}\n",
            db.display(),
            machine()
        );
        println!("| measure | result |\n| --- | --- |");
        return search_and_list(&db, &vocab, queries);
    }
    if md.exists() {
        fs::remove_dir_all(&md)?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", db.display()));
    }
    fs::create_dir_all(&md)?;

    // 1. Synthetic articles: the same N gives the same files on every run.
    let mut rng = Rng(0x6E65_7773_6465_736B);
    let vocab = Vocab::new(&mut rng);
    let t = Instant::now();
    let mut md_bytes = 0;
    for i in 0..n {
        let doc = vocab.document(&mut rng, i);
        md_bytes += doc.len();
        fs::write(md.join(format!("{i:07}.md")), doc)?;
    }
    let md_mb = md_bytes as f64 / 1_048_576.0;
    let words = vocab.distinct_words();
    let secs = t.elapsed().as_secs_f64();
    eprintln!("wrote {n} files ({md_mb:.0} MB, {words} distinct words) in {secs:.1} s to {md:?}");

    // 2. Import: list, read and parse the files, then store them in batches.
    let actor = Actor::new("bench", Utc::now());
    let mut store = Store::open(&db)?;
    let (mut parsing, mut storing) = (Duration::ZERO, Duration::ZERO);
    // CPU time too: on a shared machine wall time also counts other people's work.
    let mut storing_cpu = 0.0;
    let (mut created, mut updated, mut failed) = (0, 0, 0);
    let t_all = Instant::now();
    store.pause_search_merging()?;
    let mut paths: Vec<PathBuf> = fs::read_dir(&md)?
        .map(|e| Ok(e?.path()))
        .collect::<Res<_>>()?;
    paths.sort();
    parsing += t_all.elapsed();
    // As `newsdesk import` does: the next batch is read and parsed on a second thread while
    // the store writes this one.
    let stored = std::thread::scope(|scope| -> Res {
        let (send, batches) = std::sync::mpsc::sync_channel::<(Vec<Imported>, Duration)>(1);
        let paths = &paths;
        scope.spawn(move || {
            for chunk in paths.chunks(BATCH) {
                let t = Instant::now();
                let docs: Vec<Imported> = chunk
                    .iter()
                    .filter_map(|p| parse_document(&fs::read_to_string(p).ok()?, vn()).ok())
                    .collect();
                if send.send((docs, t.elapsed())).is_err() {
                    break;
                }
            }
        });
        for (b, (docs, parse_time)) in batches.into_iter().enumerate() {
            parsing += parse_time;
            let t = Instant::now();
            let cpu = cpu_seconds();
            for result in store.import_many(&docs, false, &actor)? {
                match result {
                    Ok(ImportOutcome::Created { .. }) => created += 1,
                    Ok(_) => updated += 1, // a title seen before: same slug, so a new revision
                    Err(_) => failed += 1,
                }
            }
            storing += t.elapsed();
            storing_cpu += cpu_seconds() - cpu;
            let done = (b + 1) * BATCH;
            eprintln!(
                "  {} stored, {:.0} articles/s so far",
                done.min(n),
                done as f64 / t_all.elapsed().as_secs_f64()
            );
        }
        Ok(())
    });
    stored?;
    failed += n - (created + updated + failed);
    let t = Instant::now();
    let cpu = cpu_seconds();
    store.optimize_search()?;
    storing += t.elapsed();
    storing_cpu += cpu_seconds() - cpu;
    let optimize = t.elapsed();
    let total = t_all.elapsed();
    drop(store);
    eprintln!("imported in {:.1} s", total.as_secs_f64());

    // 5. The report.
    let rate = |d: Duration| (n as f64 / d.as_secs_f64(), d.as_secs_f64());
    println!("\n### Store, N = {n}\n\nMachine: {}\n", machine());
    println!("| measure | result |\n| --- | --- |");
    println!("| articles | {n} files, {md_mb:.0} MB of Markdown, {words} distinct words |");
    println!(
        "| import batches | {BATCH} documents per import_many call, then optimize_search ({:.1} s, included below) |",
        optimize.as_secs_f64()
    );
    println!("| import outcome | {created} created, {updated} updated, {failed} failed |");
    let db_mb = size_mb(&db) + size_mb(&dir.join("bench.db-wal"));
    println!("| database file (+ WAL) | {db_mb:.1} MB |");
    for (label, d) in [
        ("import, whole pipeline (list, read, parse, store)", total),
        ("import, store only (Store::import_many)", storing),
        ("import, list + read + parse only", parsing),
    ] {
        let (per_s, secs) = rate(d);
        println!("| {label} | {per_s:.0} articles/s ({secs:.1} s) |");
    }
    println!(
        "| import, store only, per CPU second of this process | {:.0} articles/s ({storing_cpu:.1} s CPU) |",
        n as f64 / storing_cpu.max(0.001)
    );
    search_and_list(&db, &vocab, queries)?;
    if temporary {
        fs::remove_dir_all(&dir)?;
    } else {
        println!("\nFiles kept in {}", dir.display());
    }
    Ok(())
}

/// Steps 3 and 4: searches and list pages on fresh connections, with their report rows.
fn search_and_list(db: &std::path::Path, vocab: &Vocab, queries: usize) -> Res {
    // 3. Search, on a fresh connection.
    let store = Store::open(db)?;
    let mut qrng = Rng(0x5EA2_C400);
    let mut runs: Vec<(usize, String, Duration, usize)> = Vec::new();
    for i in 0..queries {
        let kind = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3][i % 20];
        let input = vocab.query(&mut qrng, kind);
        let t = Instant::now();
        let hits = store.search(&SearchQuery::parse(&input)?, 20, 0)?.len();
        runs.push((kind, input, t.elapsed(), hits));
    }
    drop(store);

    // 4. The first list page: each query on a fresh connection, then the median of 50 more.
    let t = Instant::now();
    drop(Store::open(db)?);
    let open_ms = ms(t.elapsed());
    let mut list_rows = Vec::new();
    for (name, status, sort) in [
        ("newest first", None, Sort::Updated),
        ("status = published", Some(Status::Published), Sort::Updated),
        ("Sort::Title", None, Sort::Title),
    ] {
        let mut q = ListQuery::default();
        (q.limit, q.status, q.sort) = (50, status, sort);
        let store = Store::open(db)?;
        let t = Instant::now();
        let rows = store.list(&q)?.len();
        let first = ms(t.elapsed());
        let mut times = Vec::new();
        for _ in 0..50 {
            let t = Instant::now();
            store.list(&q)?;
            times.push(t.elapsed());
        }
        let median = stats(&times).0;
        let label = format!("list, {name} ({rows} rows): first / median of 50");
        list_rows.push(format!("| {label} | {first:.2} / {median:.2} ms |"));
    }

    let (med, p95, max) = stats(&runs.iter().map(|r| r.2).collect::<Vec<_>>());
    let mean_hits = |rs: &[&(usize, String, Duration, usize)]| {
        rs.iter().map(|r| r.3).sum::<usize>() as f64 / rs.len().max(1) as f64
    };
    let all = runs.iter().collect::<Vec<_>>();
    let q = runs.len();
    println!("| search ({q} queries): median / p95 / max | {med:.2} / {p95:.2} / {max:.2} ms |");
    println!("| search: mean hits (limit 20) | {:.1} |", mean_hits(&all));
    println!("| Store::open of the built file | {open_ms:.2} ms |");
    println!("{}", list_rows.join("\n"));
    println!("\n| search kind | queries | median | p95 | max | mean hits |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (k, name) in KINDS.iter().enumerate() {
        let mine: Vec<_> = runs.iter().filter(|r| r.0 == k).collect();
        if !mine.is_empty() {
            let (m, p, x) = stats(&mine.iter().map(|r| r.2).collect::<Vec<_>>());
            let hits = mean_hits(&mine);
            let q = mine.len();
            println!("| {name} | {q} | {m:.2} ms | {p:.2} ms | {x:.2} ms | {hits:.1} |");
        }
    }
    runs.sort_by_key(|r| std::cmp::Reverse(r.2));
    println!("\nSlowest searches:");
    for (_, input, d, hits) in runs.iter().take(5) {
        println!("- `{}` {:.2} ms, {hits} hits", input.trim_end(), ms(*d));
    }
    Ok(())
}

/// User + system CPU time of this process, from /proc (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(") ").map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the stat line, in clock ticks (100 per second).
    (ticks(11) + ticks(12)) / 100.0
}
