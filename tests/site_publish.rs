//! Publishing safely: a failed or killed export keeps the live build and the rollback build,
//! publishes no due article, never propagates a file changed in the live build, and repairs a
//! live build whose files were never made durable (an unclean stop).

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use newsdesk::app::export::export_site;
use newsdesk::domain::{ArticleFields, Status};
use support::site::*;

/// Saves a new lede on published article `which`, so the next export makes a build.
fn edit(f: &mut Fixture, which: usize, lede: &str) {
    let a = f.site.store.get(f.published[which].id).unwrap();
    let fields = ArticleFields {
        lede: lede.into(),
        ..a.fields()
    };
    f.site
        .store
        .save(a.id, &fields, a.version, &actor(at(26, 11)))
        .unwrap();
}

/// A template that fails while article pages render (after the build folder is made).
fn break_article_template(site: &mut Site) {
    let templates = site.dir.path().join("tpl");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("article.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n{{ article.titel }}\n{% endblock %}\n",
    )
    .unwrap();
    site.set("templates_dir", templates.to_str().unwrap());
}

fn try_export(site: &mut Site) -> Result<newsdesk::app::export::Exported, String> {
    let out = site.out();
    export_site(&mut site.store, Some(&out), None, &actor(now())).map_err(|e| e.to_string())
}

/// Three exports: the live build, the one before it (for `--rollback`), and an older one.
/// Returns the trees of the last two, oldest first.
fn three_builds(f: &mut Fixture) -> (Tree, Tree) {
    f.site.export();
    edit(f, 0, "Lần sửa thứ nhất.");
    f.site.export();
    let before = tree(&f.site.out());
    edit(f, 1, "Lần sửa thứ hai.");
    f.site.export();
    (before, tree(&f.site.out()))
}

#[test]
fn a_failed_build_keeps_the_rollback_build() {
    let mut f = fixture();
    let (earlier, live) = three_builds(&mut f);
    let link = std::fs::read_link(f.site.out()).unwrap();
    edit(&mut f, 2, "Lần sửa thứ ba.");
    break_article_template(&mut f.site);
    let err = try_export(&mut f.site).unwrap_err();
    assert!(err.contains("article.html"), "{err}");
    assert_eq!(std::fs::read_link(f.site.out()).unwrap(), link);
    assert!(
        bytes(&tree(&f.site.out())) == bytes(&live),
        "the live site changed"
    );
    newsdesk::site::rollback(&f.site.out()).expect("the rollback build is still there");
    assert!(
        bytes(&tree(&f.site.out())) == bytes(&earlier),
        "the rollback build was damaged"
    );
}

#[test]
fn a_failed_build_publishes_no_due_article() {
    let mut f = fixture();
    three_builds(&mut f);
    let due = f
        .site
        .draft(fields("Tin đến giờ đăng", "Dân vận", &[], "Nội dung."));
    let due = f
        .site
        .store
        .set_status(
            due.id,
            Status::Scheduled,
            Some(at(26, 10)),
            &actor(at(2, 8)),
        )
        .unwrap();
    let history = f.site.store.history(due.id).unwrap().len();
    break_article_template(&mut f.site);
    try_export(&mut f.site).unwrap_err();
    let after = f.site.store.get(due.id).unwrap();
    assert_eq!(
        after.status,
        Status::Scheduled,
        "published by a failed export"
    );
    assert_eq!(after.version, due.version);
    assert_eq!(f.site.store.history(due.id).unwrap().len(), history);
    assert!(!f.site.read("index.html").contains("Tin đến giờ đăng"));

    // The next good export publishes it, on the site and in the store, with its own time.
    f.site.set("templates_dir", "");
    let done = f.site.export();
    assert_eq!(
        done.published.iter().map(|a| a.id).collect::<Vec<_>>(),
        [due.id]
    );
    let a = f.site.store.get(due.id).unwrap();
    assert_eq!(
        (a.status, a.publish_at),
        (Status::Published, Some(at(26, 10)))
    );
    assert!(f.site.read("index.html").contains("Tin đến giờ đăng"));
    // What the site shows is what the store now says: nothing to rewrite.
    let again = f.site.export();
    assert!(again.published.is_empty());
    assert_eq!(again.report.written, 0, "{:?}", again.report);
}

/// A large site, so that an export runs long enough to be killed half way.
fn large_site(n: usize) -> Site {
    Site::with_published(n, &["Dân vận", "Kinh tế", "Xã hội"], |_| {
        "Nội dung của bài, **đậm** và [liên kết](https://example.vn). ".repeat(20)
    })
}

fn builds_dir(site: &Site) -> PathBuf {
    site.dir.path().join("public.builds")
}

/// Files in the folder of the build being made (`<n>.tmp`), if there is one.
fn files_in_progress(builds: &Path) -> usize {
    let Ok(rd) = std::fs::read_dir(builds) else {
        return 0;
    };
    rd.flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .map(|e| count_files(&e.path()))
        .sum()
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |rd| {
        rd.flatten()
            .map(|e| match e.file_type() {
                Ok(t) if t.is_dir() => count_files(&e.path()),
                _ => 1,
            })
            .sum()
    })
}

/// `newsdesk export` killed with SIGKILL half way through a build that rewrites every page:
/// the live site and the build `--rollback` switches to are both exactly as they were.
#[test]
fn an_export_killed_half_way_leaves_the_live_and_the_rollback_build() {
    let mut site = large_site(1500);
    let out = site.out();
    site.export();
    site.set("tagline", "Bản dựng thứ hai");
    site.export();
    let earlier = bytes(&tree(&out));
    site.set("tagline", "Bản dựng thứ ba");
    site.export();
    let live = bytes(&tree(&out));
    let link = std::fs::read_link(&out).unwrap();
    // Every page changes: the build writes them all.
    site.set("tagline", "Bản dựng bị dừng giữa chừng");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--db")
        .arg(site.dir.path().join("n.db"))
        .args(["export", "--out"])
        .arg(&out)
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent/newsdesk-tests")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let builds = builds_dir(&site);
    let started = Instant::now();
    while files_in_progress(&builds) < 50 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the export finished before it could be killed: make the site larger"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no build began"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(status.code().is_none(), "killed, not finished: {status:?}");
    assert_eq!(std::fs::read_link(&out).unwrap(), link);
    assert!(bytes(&tree(&out)) == live, "the live site changed");
    newsdesk::site::rollback(&out).expect("the rollback build survived the kill");
    assert!(
        bytes(&tree(&out)) == earlier,
        "the rollback build was damaged"
    );
    newsdesk::site::rollback(&out).unwrap();
    // The next export finishes the job.
    let done = site.export();
    assert!(done.report.written > 1000, "{:?}", done.report);
    assert!(
        site.read("index.html")
            .contains("Bản dựng bị dừng giữa chừng")
    );
}

/// A page of the fixture no edit in these tests touches.
const QUIET: &str = "dan-van/doi-thoai-voi-nong-dan/index.html";

/// A file changed in place in the live build (same inode, so also in every build that shares
/// it) is written again by the next build, never linked into it.
#[test]
fn a_file_changed_in_the_live_build_is_rewritten_not_propagated() {
    let mut f = fixture();
    f.site.export();
    for round in 0..4 {
        let good = f.site.read(QUIET);
        std::fs::write(f.site.out().join(QUIET), "defaced").unwrap();
        edit(&mut f, 3, &format!("Sửa lần {round}."));
        f.site.export();
        assert_eq!(f.site.read(QUIET), good, "round {round}");
    }
}

/// A live file replaced by a symbolic link to a file outside the site: the next build has the
/// page as a file of its own, and the file outside is neither read into the site nor changed.
#[test]
fn a_symlink_planted_in_the_live_build_is_never_followed_or_copied() {
    let mut f = fixture();
    f.site.export();
    let secret = f.site.dir.path().join("secret.txt");
    for round in 0..4 {
        let good = f.site.read(QUIET);
        std::fs::write(&secret, "bí mật").unwrap();
        let live_file = f.site.out().join(QUIET);
        std::fs::remove_file(&live_file).unwrap();
        std::os::unix::fs::symlink(&secret, &live_file).unwrap();
        edit(&mut f, 3, &format!("Sửa lần {round}."));
        f.site.export();
        let placed = std::fs::symlink_metadata(f.site.out().join(QUIET)).unwrap();
        assert!(placed.is_file(), "round {round}: {placed:?}");
        assert_eq!(f.site.read(QUIET), good, "round {round}");
        assert_eq!(std::fs::read_to_string(&secret).unwrap(), "bí mật");
    }
}

/// The live build's number and folder (`public.builds/<n>`).
fn live_build(site: &Site) -> (u64, PathBuf) {
    let target = std::fs::read_link(site.out()).unwrap();
    let n = target
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    (n, site.dir.path().join(target))
}

/// After an unclean stop (a power loss before the build's files reached the disk) the live
/// build is not marked complete; the next export checks its files against what it should hold
/// and writes again those that differ, even with nothing changed in the database.
#[test]
fn a_live_build_never_marked_complete_is_checked_and_repaired() {
    let mut f = fixture();
    f.site.export();
    edit(&mut f, 0, "Lần sửa thứ nhất.");
    f.site.export();
    let good = f.site.read(QUIET);
    let (n, dir) = live_build(&f.site);
    let marker = builds_dir(&f.site).join(format!("{n}.complete"));
    let _ = std::fs::remove_file(&marker);
    // What a lost write leaves: the right size and time, the wrong bytes.
    let page = dir.join(QUIET);
    let meta = std::fs::metadata(&page).unwrap();
    std::fs::write(&page, vec![0u8; meta.len() as usize]).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&page)
        .unwrap()
        .set_modified(meta.modified().unwrap())
        .unwrap();
    let done = f.site.export();
    assert_eq!(f.site.read(QUIET), good);
    assert_eq!(done.report.written, 1, "{:?}", done.report);
    let (m, _) = live_build(&f.site);
    assert!(builds_dir(&f.site).join(format!("{m}.complete")).exists());
    // Marked complete again: the next export with nothing changed stops at once.
    let again = f.site.export();
    assert!(again.report.build.is_none(), "{:?}", again.report);
}
