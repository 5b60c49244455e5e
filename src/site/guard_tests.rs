//! The guards: the built-in templates never come near their fuel on the largest pages, a
//! panic is caught and named, dates out of range are refused before rendering.

use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::{Article, Status};
use crate::site::render::Renderer;
use crate::site::{Settings, Templates};

fn article(id: i64, section: &str, tags: usize, lede: usize, body: &str) -> Article {
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap() + chrono::Duration::hours(id);
    Article {
        id,
        slug: format!("bai-viet-so-{id}"),
        title: format!("Bài viết số {id}: {}", "tiêu đề dài ".repeat(10)),
        lede: "Tóm tắt có dấu tiếng Việt. ".repeat(lede / 30 + 1),
        body: body.into(),
        byline: "Nguyễn Thị Hoa".into(),
        signed_by: "Ban Tuyên giáo".into(),
        section: section.into(),
        tags: (0..tags).map(|t| format!("từ khóa {t}")).collect(),
        status: Status::Published,
        publish_at: Some(at),
        created_at: at,
        created_by: "hoa".into(),
        updated_at: at + chrono::Duration::hours(2),
        updated_by: "hoa".into(),
        version: 2,
    }
}

/// The largest pages a site makes: a list of 500, an article with a 1 MB body (Markdown, and
/// raw HTML nested past the cap), many tags, sections and related articles, a long footer.
fn largest_site() -> (Settings, Vec<Article>, Vec<(i64, String)>) {
    let mut s = Settings {
        per_page: 500,
        tagline: "Tin tức – sự kiện ".repeat(20),
        ..Settings::default()
    };
    s.footer.extra = (0..20).map(|i| format!("Dòng chân trang {i}")).collect();
    s.footer.agency = "Huyện ủy".into();
    let mut articles: Vec<Article> = (1..=600)
        .map(|id| {
            let section = format!("Chuyên mục {}", id % 60);
            article(id, &section, 12, 600, "")
        })
        .collect();
    articles.push(article(601, "Chuyên mục 1", 200, 100_000, ""));
    let markdown = "Đoạn văn có **chữ đậm**, [liên kết](https://a.vn) và `mã`.\n\n".repeat(16_000);
    let html = "<div><b>x</b>".repeat(80_000);
    let bodies = vec![(1, markdown), (2, html)];
    (s, articles, bodies)
}

#[test]
fn builtin_templates_use_a_fraction_of_their_fuel() {
    let (settings, articles, bodies) = largest_site();
    let plan = Plan::new(articles, settings.per_page, "Tin tức");
    let templates = Templates::builtin();
    let log = FuelLog::default();
    let renderer = Renderer::new(&templates, &settings, &plan)
        .unwrap()
        .logging_fuel(&log);
    for page in plan.pages(0) {
        let body = match page.kind {
            Kind::Article(i) => bodies
                .iter()
                .find(|(id, _)| *id == plan.entry(i).id)
                .map(|(_, b)| b.as_str()),
            Kind::Media(..) => continue,
            _ => None,
        };
        renderer.render(&page, body).unwrap();
    }
    let log = log.into_inner().unwrap();
    let mut worst = (0.0f64, "");
    for (path, used, fuel) in &log {
        // Four times what the largest page uses, at the least: templates may change a little.
        assert!(used * 4 <= *fuel, "{path}: used {used} of {fuel}");
        let share = *used as f64 / *fuel as f64;
        if share > worst.0 {
            worst = (share, path);
        }
    }
    let max = |f: &dyn Fn(&str) -> bool| {
        log.iter()
            .filter(|(p, _, _)| f(p))
            .map(|(p, used, fuel)| (used, fuel, p))
            .max()
    };
    // `cargo test --lib fuel -- --nocapture` prints what BENCHMARKS.md records.
    println!(
        "pages {}, worst used/budget {:.3} ({})",
        log.len(),
        worst.0,
        worst.1
    );
    println!("largest list page: {:?}", max(&|p| p == "index.html"));
    println!(
        "largest article: {:?}",
        max(&|p| p.ends_with("/index.html"))
    );
    println!("404: {:?}", max(&|p| p == "404.html"));
    assert!(log.len() > 600);
}

#[test]
fn a_panic_names_the_page_and_its_article() {
    let plan = Plan::new(vec![article(7, "Dân vận", 0, 10, "")], 20, "Tin tức");
    let pages = plan.pages(0);
    let page = pages
        .iter()
        .find(|p| matches!(p.kind, Kind::Article(_)))
        .unwrap();
    let err = caught(&plan, page, || -> Result<()> { panic!("boom") }).unwrap_err();
    match err {
        SiteError::Page {
            page: path,
            article: Some(a),
            problem: PageProblem::Panicked(m),
        } => {
            assert_eq!(path, page.path);
            assert_eq!(
                (a.id, a.slug.as_str(), m.as_str()),
                (7, "bai-viet-so-7", "boom")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(caught(&plan, page, || Ok(1)).unwrap(), 1);
}

#[test]
fn dates_out_of_range_are_named_before_rendering() {
    let mut late = article(3, "Dân vận", 0, 10, "");
    late.publish_at = Some(Utc.with_ymd_and_hms(9999, 12, 31, 20, 0, 0).unwrap());
    let plan = Plan::new(vec![article(2, "A", 0, 10, ""), late], 20, "Tin tức");
    let err = check_dates(&plan, Settings::default().timezone).unwrap_err();
    let SiteError::Page {
        article: Some(a),
        problem: PageProblem::Date { field, year },
        ..
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!((a.id, field, year), (3, DateField::Published, 10000));
    assert!(check_dates(&plan, chrono::FixedOffset::east_opt(0).unwrap()).is_ok());
}
