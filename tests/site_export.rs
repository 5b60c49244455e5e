//! Site export in the Zola style: fixture articles in a temp database → export into a temp
//! folder → assertions on the files, and snapshots of an article page, the home page, a
//! section page and the feed. Clock and user are injected, so every run gives the same bytes.

mod support;

use newsdesk::domain::{ArticleFields, Status};
use support::site::*;

#[test]
fn exports_the_fixture_site() {
    let mut f = fixture();
    let done = f.site.export();
    assert_eq!(
        done.published.len(),
        1,
        "the due scheduled article is published"
    );
    let r = &done.report;
    assert_eq!((r.unchanged, r.removed), (0, 0));
    assert_eq!(r.written, r.pages);
    let t = tree(&f.site.out());
    for want in [
        "index.html",
        "page/2/index.html",
        "page/3/index.html",
        "dan-van/index.html",
        "dan-van/page/2/index.html",
        "dan-van/feed.xml",
        "dan-van/tham-dinh-mo-hinh-dan-van-kheo/index.html",
        "dan-van/bai-hen-gio-da-den-gio/index.html",
        "kinh-te-xa-hoi/thu-ngan-sach-10-thang-dat-86-9-du-toan/index.html",
        "news/pomelo-growers-eye-export-markets/index.html",
        "tag/thi-dua/index.html",
        "tag/thi-dua/page/2/index.html",
        "tag/dan-van-kheo/index.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "style.css",
    ] {
        assert!(
            t.contains_key(want),
            "{want} missing; have {:?}",
            t.keys().collect::<Vec<_>>()
        );
    }
    assert!(!t.contains_key("page/4/index.html"));
    let site = &f.site;
    insta::assert_snapshot!(
        "article",
        site.read("dan-van/tham-dinh-mo-hinh-dan-van-kheo/index.html")
    );
    insta::assert_snapshot!("home", site.read("index.html"));
    insta::assert_snapshot!("section", site.read("dan-van/index.html"));
    insta::assert_snapshot!("feed", site.read("feed.xml"));
    let xml: Vec<_> = t
        .keys()
        .filter(|k| k.ends_with(".xml"))
        .map(|k| site.out().join(k))
        .collect();
    assert!(xml.len() >= 5);
    assert_xml(&xml);
}

#[test]
fn newest_first_with_the_id_breaking_ties() {
    let mut f = fixture();
    f.site.export();
    let home = f.site.read("index.html");
    let p2 = f.site.read("page/2/index.html");
    // Same publish time: the later id comes first, across a page break.
    assert!(
        home.contains("Lịch tiếp công dân tháng 12") && !home.contains("Pomelo"),
        "{home}"
    );
    let a = p2.find("Pomelo growers eye export markets").unwrap();
    let b = p2.find("Đối thoại với nông dân").unwrap();
    assert!(a < b, "{p2}");
    assert!(f.site.read("page/3/index.html").contains("Thẩm định"));
}

#[test]
fn scheduled_and_due_is_published_with_a_history_entry() {
    let mut f = fixture();
    let done = f.site.export();
    let a = f.site.store.get(f.due.id).unwrap();
    assert_eq!(a.status, Status::Published);
    assert_eq!(a.publish_at, Some(at(26, 6)), "keeps its scheduled time");
    assert_eq!(a.updated_by, "hoa");
    assert_eq!(done.published[0].id, f.due.id);
    let history = f.site.store.history(f.due.id).unwrap();
    assert!(
        history.iter().any(|h| h.status == Status::Scheduled),
        "{history:?}"
    );
    assert!(f.site.read("index.html").contains("Bài hẹn giờ đã đến giờ"));
}

#[test]
fn nothing_unpublished_appears_anywhere() {
    let mut f = fixture();
    f.site.export();
    let t = tree(&f.site.out());
    for a in &f.hidden {
        for (path, (bytes, _, _)) in &t {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text.contains(&a.title),
                "{} ({}) in {path}",
                a.title,
                a.status
            );
            assert!(!text.contains(&a.slug), "{} in {path}", a.slug);
            assert!(!path.contains(&a.slug), "{path}");
        }
    }
    for gone in [
        "tuong-lai",
        "luu-tru",
        "tag/nhap-an",
        "tag/duyet-an",
        "tag/hen-an",
        "tag/luu-tru-an",
    ] {
        assert!(!t.keys().any(|k| k.starts_with(gone)), "{gone}");
    }
}

#[test]
fn export_twice_gives_identical_trees_and_writes_nothing() {
    let mut f = fixture();
    f.site.export();
    let first = tree(&f.site.out());
    let again = f.site.export_at(now() + chrono::Duration::hours(1));
    assert_eq!(again.report.written, 0);
    assert_eq!(again.report.removed, 0);
    assert_eq!(again.report.unchanged, again.report.pages);
    assert!(
        again.report.build.is_none(),
        "no new build when nothing changed"
    );
    let second = tree(&f.site.out());
    assert_eq!(changed(&first, &second), Vec::<String>::new());
    // The same database exported somewhere else gives the same bytes.
    let other = f.site.dir.path().join("copy");
    newsdesk::app::export::export_site(&mut f.site.store, Some(&other), None, &actor(now()))
        .unwrap();
    let copy = tree(&other);
    assert_eq!(
        copy.keys().collect::<Vec<_>>(),
        first.keys().collect::<Vec<_>>()
    );
    for (k, v) in &first {
        assert!(
            copy[k].0 == v.0,
            "{k} differs between two exports of the same database"
        );
    }
}

#[test]
fn editing_one_article_rewrites_only_the_pages_that_show_it() {
    let mut f = fixture();
    f.site.export();
    let before = tree(&f.site.out());
    let page = "news/pomelo-growers-eye-export-markets/index.html";
    assert!(!f.site.read(page).contains("Cập nhật lúc"));
    // “Pomelo…” is alone in News, tagged “kinh tế”, and first on the second home page.
    let a = f.site.store.get(f.published[3].id).unwrap();
    let fields = ArticleFields {
        lede: "A new lede.".into(),
        ..a.fields()
    };
    f.site
        .store
        .save(a.id, &fields, a.version, &actor(at(26, 11)))
        .unwrap();
    let done = f.site.export();
    let after = tree(&f.site.out());
    assert_eq!(
        changed(&before, &after),
        [
            "feed.xml",
            "news/feed.xml",
            "news/index.html",
            "news/pomelo-growers-eye-export-markets/index.html",
            "page/2/index.html",
            "sitemap.xml",
            "tag/kinh-te/index.html",
        ]
    );
    assert_eq!((done.report.written, done.report.removed), (7, 0));
    // The change after publication shows beside the publication date.
    let html = f.site.read(page);
    assert!(
        html.contains(
            "· <span class=\"label\">Cập nhật lúc</span> <time datetime=\"2026-11-26T18:00:00+07:00\">26/11/2026 18:00</time>"
        ),
        "{html}"
    );
    // Unchanged files are the same inodes, with their old modification times.
    assert_eq!(before["style.css"].1, after["style.css"].1);
}

#[test]
fn articles_that_leave_are_removed_and_rollback_switches_back() {
    let mut f = fixture();
    f.site.export();
    let page = "news/pomelo-growers-eye-export-markets/index.html";
    assert!(f.site.out().join(page).exists());
    f.site
        .store
        .set_status(
            f.published[3].id,
            Status::Archived,
            None,
            &actor(at(26, 11)),
        )
        .unwrap();
    let done = f.site.export();
    assert!(done.report.removed >= 1, "{:?}", done.report);
    assert!(!f.site.out().join(page).exists());
    assert!(!f.site.read("feed.xml").contains("Pomelo"));
    let now_live = newsdesk::site::rollback(&f.site.out()).unwrap();
    assert!(now_live.ends_with("1"), "{}", now_live.display());
    assert!(
        f.site.out().join(page).exists(),
        "rolled back to the build that had it"
    );
    newsdesk::site::rollback(&f.site.out()).unwrap();
    assert!(!f.site.out().join(page).exists(), "and forward again");
}

#[test]
fn a_failed_build_leaves_the_live_site_as_it_was() {
    let mut f = fixture();
    f.site.export();
    let before = tree(&f.site.out());
    let link = std::fs::read_link(f.site.out()).unwrap();
    let templates = f.site.dir.path().join("tpl");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("article.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n{{ article.titel }}\n{% endblock %}\n",
    )
    .unwrap();
    f.site.set("templates_dir", templates.to_str().unwrap());
    // Something changed, so a build is attempted.
    let a = f.site.store.get(f.published[0].id).unwrap();
    f.site
        .store
        .save(
            a.id,
            &ArticleFields {
                lede: "x".into(),
                ..a.fields()
            },
            a.version,
            &actor(at(26, 11)),
        )
        .unwrap();
    let out = f.site.out();
    let err =
        newsdesk::app::export::export_site(&mut f.site.store, Some(&out), None, &actor(now()))
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("article.html") && err.contains("line 3"),
        "{err}"
    );
    assert_eq!(std::fs::read_link(f.site.out()).unwrap(), link);
    assert_eq!(changed(&before, &tree(&f.site.out())), Vec::<String>::new());
    let builds: Vec<_> = std::fs::read_dir(f.site.dir.path().join("public.builds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(builds.iter().all(|b| !b.ends_with(".tmp")), "{builds:?}");
}

#[test]
fn english_chrome_and_templates_override_by_name() {
    let mut f = fixture();
    f.site.set("language", "en");
    let templates = f.site.dir.path().join("tpl");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("404.html"), "{% extends \"base.html\" %}{% block content %}<h1>Lost: {{ t.not_found }}</h1>{% endblock %}").unwrap();
    f.site.set("templates_dir", templates.to_str().unwrap());
    f.site.export();
    let home = f.site.read("index.html");
    assert!(
        home.contains("<html lang=\"en\">") && home.contains(">Home<"),
        "{home}"
    );
    let article = f.site.read("dan-van/doi-thoai-voi-nong-dan/index.html");
    assert!(
        article.contains(">Sunday, 22 November 2026 10:00</time>")
            && article.contains("Related articles"),
        "{article}"
    );
    assert!(
        f.site
            .read("404.html")
            .contains("<h1>Lost: Page not found</h1>")
    );
}

#[test]
fn recycled_builds_match_a_fresh_export_and_keep_the_previous_site_intact() {
    let mut f = fixture();
    f.site.export();
    let mut previous = bytes(&tree(&f.site.out()));
    for (n, which) in [3usize, 0, 2, 3, 1].into_iter().enumerate() {
        let a = f.site.store.get(f.published[which].id).unwrap();
        let title = format!("{} (sửa {n})", a.title);
        let tags = if n.is_multiple_of(2) {
            vec!["mới".to_string()]
        } else {
            a.tags.clone()
        };
        let fields = ArticleFields {
            title,
            tags,
            ..a.fields()
        };
        f.site
            .store
            .save(a.id, &fields, a.version, &actor(at(26, 11)))
            .unwrap();
        let done = f.site.export();
        assert!(done.report.written > 0);
        let live = bytes(&tree(&f.site.out()));
        let fresh = f.site.dir.path().join(format!("fresh-{n}"));
        newsdesk::app::export::export_site(&mut f.site.store, Some(&fresh), None, &actor(now()))
            .unwrap();
        assert!(
            live == bytes(&tree(&fresh)),
            "edit {n}: the live site differs from a fresh export"
        );
        // The build kept for rollback is exactly the site before this export.
        newsdesk::site::rollback(&f.site.out()).unwrap();
        assert!(
            bytes(&tree(&f.site.out())) == previous,
            "edit {n}: the previous build was damaged"
        );
        newsdesk::site::rollback(&f.site.out()).unwrap();
        assert!(bytes(&tree(&f.site.out())) == live);
        previous = live;
    }
    let builds = std::fs::read_dir(f.site.dir.path().join("public.builds"))
        .unwrap()
        .count();
    assert_eq!(
        builds, 12,
        "three builds (live, rollback, spare), their manifests and completion marks, the lock, \
         the rollback record and the live build's state record"
    );
}

/// More articles than the export renders at a time (its bodies are read one chunk ahead of
/// the rendering): every page still shows its own body, also when a file that went missing
/// from the live build is made again.
#[test]
fn every_page_of_a_large_site_shows_its_own_body() {
    let mut site = Site::with_published(700, &["Dân vận", "Kinh tế"], |i| {
        format!("Nội dung riêng của bài số {i}.")
    });
    let check = |site: &Site| {
        for i in 0..700 {
            let section = ["dan-van", "kinh-te"][i % 2];
            let page = site.read(&format!("{section}/tin-so-{i}/index.html"));
            assert!(
                page.contains(&format!("Nội dung riêng của bài số {i}.")),
                "page of article {i} lacks its body"
            );
        }
    };
    let first = site.export();
    assert!(first.report.pages > 700);
    check(&site);

    // A page gone from the live build is rendered again, body and all.
    std::fs::remove_file(site.out().join("kinh-te/tin-so-351/index.html")).unwrap();
    let a = site.store.find("tin-so-600").unwrap();
    let mut f = a.fields();
    f.lede = "Đã sửa.".into();
    site.store.save(a.id, &f, a.version, &actor(now())).unwrap();
    let again = site.export();
    // The lost page and the pages that show the edited lede, not the whole site.
    assert!(
        (2..20).contains(&again.report.written),
        "{:?}",
        again.report
    );
    check(&site);
}

#[test]
fn a_section_or_tag_of_digits_keeps_its_digits_in_the_address() {
    // Articles' own slugs never read as a number (`bai-2023`); section and tag folders are
    // not looked up by number, so a site's `/2024/` and `/tag/2023/` stay where they were.
    let mut site = Site::new();
    site.published(
        fields("Tổng kết năm", "2024", &["2023"], "Nội dung."),
        at(20, 8),
    );
    site.export();
    let out = site.out();
    assert!(out.join("2024/index.html").is_file());
    assert!(out.join("tag/2023/index.html").is_file());
    assert!(!out.join("tag/bai-2023").exists());
}
