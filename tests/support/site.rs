//! Fixtures shared by the site export tests: a newsroom in a temp folder with a fixed clock
//! and user, exported with the library (no binary), and helpers to look at the output tree.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};
use newsdesk::app::export::{Exported, export_site};
use newsdesk::domain::{Actor, Article, ArticleFields, Status};
use newsdesk::store::Store;
use tempfile::TempDir;

// `examples/bench_render.rs` includes these generators by path too.
#[path = "../site_support/hostile.rs"]
pub mod hostile;

/// 26 November 2026, `h:00` UTC: the newsroom's fixed clock.
pub fn at(day: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, h, 0, 0).unwrap()
}

pub fn actor(now: DateTime<Utc>) -> Actor {
    Actor::new("hoa", now)
}

/// When the fixture is exported.
pub fn now() -> DateTime<Utc> {
    at(26, 12)
}

pub struct Site {
    pub dir: TempDir,
    pub store: Store,
}

impl Site {
    pub fn new() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("n.db")).unwrap();
        Site { dir, store }
    }

    /// A site of `n` published articles, `Tin số i`, one minute apart from 1 November, in
    /// `sections` by turns, with the body `body(i)`.
    pub fn with_published(n: usize, sections: &[&str], body: impl Fn(usize) -> String) -> Site {
        use newsdesk::domain::frontmatter::Imported;
        let mut site = Site::new();
        let docs: Vec<Imported> = (0..n)
            .map(|i| {
                let section = sections[i % sections.len()];
                let mut f = fields(&format!("Tin số {i}"), section, &["thi đua"], &body(i));
                f.publish_at = Some(at(1, 0) + Duration::minutes(i as i64));
                Imported {
                    fields: f,
                    status: Some(Status::Published),
                    draft: false,
                }
            })
            .collect();
        for r in site
            .store
            .import_many(&docs, false, &actor(at(1, 0)))
            .unwrap()
        {
            r.unwrap();
        }
        site
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn set(&mut self, key: &str, value: &str) {
        let v = newsdesk::site::settings::validate(key, value).unwrap();
        self.store.set_setting(key, &v).unwrap();
    }

    pub fn draft(&mut self, f: ArticleFields) -> Article {
        self.store
            .create(&f, Status::Draft, &actor(at(1, 8)))
            .unwrap()
    }

    /// Publishes at `when` (also the time of the move).
    pub fn published(&mut self, f: ArticleFields, when: DateTime<Utc>) -> Article {
        let a = self.draft(f);
        self.store
            .set_status(a.id, Status::Published, Some(when), &actor(when))
            .unwrap()
    }

    pub fn export(&mut self) -> Exported {
        self.export_at(now())
    }

    pub fn export_at(&mut self, when: DateTime<Utc>) -> Exported {
        let out = self.out();
        export_site(&mut self.store, Some(&out), None, &actor(when)).unwrap()
    }

    pub fn read(&self, rel: &str) -> String {
        let p = self.out().join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }
}

pub fn fields(title: &str, section: &str, tags: &[&str], body: &str) -> ArticleFields {
    ArticleFields {
        title: title.into(),
        lede: format!("Tóm tắt: {title}"),
        body: body.into(),
        byline: "Nguyễn Thị Hoa".into(),
        signed_by: "Ban Tuyên giáo Huyện ủy".into(),
        section: section.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..Default::default()
    }
}

/// The fixture newsroom: five published articles in three sections, and one article in every
/// other state (one of them scheduled for a time the export has reached).
pub struct Fixture {
    pub site: Site,
    pub published: Vec<Article>,
    pub hidden: Vec<Article>,
    pub due: Article,
}

pub fn fixture() -> Fixture {
    let mut site = Site::new();
    site.set("title", "Cổng thông tin huyện Thạch Lâm");
    site.set("tagline", "Tin tức – sự kiện của huyện");
    site.set("base_url", "https://thachlam.example.vn/");
    site.set("per_page", "2");
    site.set("footer_agency", "Huyện ủy Thạch Lâm");
    site.set("footer_address", "Số 1 Trần Hưng Đạo, thị trấn Thạch Lâm");
    site.set("footer_phone", "0220 3 123 456");
    site.set("footer_email", "bbt@thachlam.example.vn");
    site.set("footer_responsible", "Trần Văn Minh");
    site.set(
        "footer_extra",
        "Giấy phép số 12/GP-STTTT\\nGhi rõ nguồn khi phát hành lại",
    );
    let body = "Đoạn mở đầu với **chữ đậm** và [liên kết](https://example.vn/a).\n\n## Tiêu đề phụ\n\n| Chỉ tiêu | Kết quả |\n|:--|--:|\n| Thu ngân sách | 86,9% |\n\nGhi chú[^1].\n\n[^1]: Số liệu đến 31/10.\n";
    let specs: [(&str, &str, &[&str], DateTime<Utc>); 5] = [
        (
            "Thẩm định mô hình “Dân vận khéo”",
            "Dân vận",
            &["Dân vận khéo", "thi đua"],
            at(20, 1),
        ),
        (
            "Thu ngân sách 10 tháng đạt 86,9% dự toán",
            "Kinh tế – Xã hội",
            &["ngân sách"],
            at(21, 2),
        ),
        ("Đối thoại với nông dân", "Dân vận", &["thi đua"], at(22, 3)),
        (
            "Pomelo growers eye export markets",
            "News",
            &["kinh tế"],
            at(23, 4),
        ),
        // Same publish time as the one before: the id breaks the tie.
        ("Lịch tiếp công dân tháng 12", "Dân vận", &[], at(23, 4)),
    ];
    let published = specs
        .iter()
        .map(|(title, section, tags, when)| {
            site.published(fields(title, section, tags, body), *when)
        })
        .collect();
    let mut hidden = vec![site.draft(fields("Bản nháp bí mật", "Dân vận", &["nháp-ẩn"], body))];
    let review = site.draft(fields(
        "Bài chờ duyệt bí mật",
        "Dân vận",
        &["duyệt-ẩn"],
        body,
    ));
    hidden.push(
        site.store
            .set_status(review.id, Status::Review, None, &actor(at(2, 8)))
            .unwrap(),
    );
    let future = site.draft(fields(
        "Bài hẹn giờ tương lai",
        "Tương lai",
        &["hẹn-ẩn"],
        body,
    ));
    hidden.push(
        site.store
            .set_status(
                future.id,
                Status::Scheduled,
                Some(now() + Duration::days(3)),
                &actor(at(2, 8)),
            )
            .unwrap(),
    );
    let old = site.published(
        fields("Bài đã lưu trữ", "Lưu trữ", &["lưu-trữ-ẩn"], body),
        at(3, 8),
    );
    hidden.push(
        site.store
            .set_status(old.id, Status::Archived, None, &actor(at(4, 8)))
            .unwrap(),
    );
    let due = site.draft(fields(
        "Bài hẹn giờ đã đến giờ",
        "Dân vận",
        &["thi đua"],
        body,
    ));
    let due = site
        .store
        .set_status(due.id, Status::Scheduled, Some(at(26, 6)), &actor(at(2, 8)))
        .unwrap();
    Fixture {
        site,
        published,
        hidden,
        due,
    }
}

/// An output tree: each file's path → (bytes, inode, mtime in ns).
pub type Tree = BTreeMap<String, (Vec<u8>, u64, i128)>;

/// Every file under `dir` (following the top link) → (bytes, inode, mtime in ns).
pub fn tree(dir: &Path) -> Tree {
    let mut out = BTreeMap::new();
    let root = std::fs::canonicalize(dir).unwrap();
    walk(&root, &root, &mut out);
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Tree) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        let m = std::fs::symlink_metadata(&p).unwrap();
        if m.is_dir() {
            walk(root, &p, out);
        } else {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            let mtime = i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec());
            out.insert(rel, (std::fs::read(&p).unwrap(), m.ino(), mtime));
        }
    }
}

/// Files whose inode differs between two trees, plus files only in one of them.
pub fn changed(a: &Tree, b: &Tree) -> Vec<String> {
    let mut out: Vec<String> = b
        .iter()
        .filter(|(k, v)| a.get(*k).is_none_or(|old| old.1 != v.1 || old.2 != v.2))
        .map(|(k, _)| k.clone())
        .collect();
    out.extend(
        a.keys()
            .filter(|k| !b.contains_key(*k))
            .map(|k| format!("-{k}")),
    );
    out.sort();
    out
}

/// Bytes only: what a reader gets.
pub fn bytes(t: &Tree) -> Vec<(String, Vec<u8>)> {
    t.iter().map(|(k, v)| (k.clone(), v.0.clone())).collect()
}

/// Checks that python3's XML parser accepts each file.
pub fn assert_xml(files: &[PathBuf]) {
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys, xml.etree.ElementTree as E\nfor f in sys.argv[1:]: E.parse(f)")
        .args(files)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "not well-formed XML: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
