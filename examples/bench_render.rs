//! Rendering time of hostile article bodies, class by class, at growing sizes: a body must
//! render in time linear in its size (and a 1 MB one in well under a second).
//!
//!     cargo run --release --example bench_render -- [--max-kb 1024] [--only divs]
//!     cargo run --release --example bench_render -- --site 10000 [--rounds 5]
//!
//! Sizes double from 16 KB up to --max-kb; a class stops growing once one size takes more
//! than 5 s (so the unfixed code finishes too). The last column is the time per KB at the
//! largest size over the time per KB at the smallest: about 1 when linear.
//!
//! With --site N it renders every page of N synthetic articles (3 KB Markdown bodies, 8
//! sections, 20 per page) in memory on one thread, nothing written: the cost of rendering
//! alone (templates, fuel, Markdown), the best of --rounds.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use newsdesk::domain::{Article, Status};
use newsdesk::site::plan::{Kind, Plan};
use newsdesk::site::render::Renderer;
use newsdesk::site::{Settings, Templates, markdown};

mod support;

#[path = "../tests/site_support/hostile.rs"]
mod hostile;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| support::arg(&args, name);
    let max_kb: usize = arg("--max-kb").and_then(|s| s.parse().ok()).unwrap_or(1024);
    let only = arg("--only");
    if let Some(n) = arg("--site").and_then(|s| s.parse().ok()) {
        let rounds = arg("--rounds").and_then(|s| s.parse().ok()).unwrap_or(5);
        site(n, rounds);
        return;
    }
    println!(
        "{:<26} {:>8} {:>10} {:>10} {:>8}",
        "class", "KB", "ms", "out KB", "growth"
    );
    for (name, make) in hostile::classes() {
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let mut kb = 16;
        let mut first: Option<f64> = None;
        while kb <= max_kb {
            let body = make(kb * 1024);
            let start = Instant::now();
            let html = markdown::to_html(&body);
            let took = start.elapsed();
            let per_kb = took.as_secs_f64() / (body.len() as f64 / 1024.0);
            let growth = per_kb / *first.get_or_insert(per_kb);
            println!(
                "{name:<26} {:>8} {:>10.1} {:>10} {:>8.1}",
                body.len() / 1024,
                took.as_secs_f64() * 1000.0,
                html.len() / 1024,
                growth
            );
            if took > Duration::from_secs(5) {
                println!("{name:<26} (stopped: more than 5 s)");
                break;
            }
            kb *= 4;
        }
    }
}

/// Renders every page of `n` synthetic articles, `rounds` times; prints the best.
fn site(n: i64, rounds: usize) {
    let body = "Đoạn văn có **chữ đậm**, [liên kết](https://a.vn) và nhiều chữ nữa cho đủ dài. "
        .repeat(6)
        + "\n\n";
    let body = body.repeat(6) + "| a | b |\n|:--|--:|\n| 1 | 2 |\n";
    let base = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let articles: Vec<Article> = (1..=n)
        .map(|id| Article {
            id,
            slug: format!("bai-{id}"),
            title: format!("Tiêu đề bài viết số {id} về dân vận khéo"),
            lede: "Tóm tắt bài viết với vài câu tiếng Việt có dấu. ".repeat(3),
            body: String::new(),
            byline: "Nguyễn Thị Hoa".into(),
            signed_by: "Ban Tuyên giáo".into(),
            section: format!("Chuyên mục {}", id % 8),
            tags: vec![format!("từ khóa {}", id % 12)],
            status: Status::Published,
            publish_at: Some(base + chrono::Duration::minutes(id)),
            created_at: base,
            created_by: "hoa".into(),
            updated_at: base + chrono::Duration::minutes(id),
            updated_by: "hoa".into(),
            version: 1,
        })
        .collect();
    let settings = Settings::default();
    let plan = Plan::new(articles, settings.per_page, "Tin tức");
    let templates = Templates::builtin();
    let renderer = Renderer::new(&templates, &settings, &plan).expect("renderer");
    let pages = plan.pages(0);
    let mut best = Duration::MAX;
    let mut bytes = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        bytes = 0;
        for page in &pages {
            let b = match page.kind {
                Kind::Article(_) => Some(body.as_str()),
                Kind::Media(..) => continue,
                _ => None,
            };
            bytes += renderer.render(page, b).expect("page").len();
        }
        best = best.min(start.elapsed());
    }
    println!(
        "{} pages ({} MB) rendered in {:.3} s (best of {rounds}, one thread)",
        pages.len(),
        bytes >> 20,
        best.as_secs_f64()
    );
}
