//! Builds stopped at every step (as a kill would stop them), and the order in which a build
//! is made durable and switched in.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::site::plan::Kind;

thread_local! {
    /// The step at which the export on this thread stops, as if killed there.
    pub(super) static CRASH_AT: Cell<Option<&'static str>> = const { Cell::new(None) };
}

#[test]
fn only_slug_paths_are_written() {
    for ok in [
        "index.html",
        "dan-van/tin-a/index.html",
        "sitemap-2.xml",
        "tag/x/page/2/index.html",
    ] {
        assert!(check_rel(ok).is_ok(), "{ok}");
    }
    for bad in [
        "",
        "/etc/passwd",
        "../x",
        "a/../../x",
        "a//b",
        "A/b",
        "a/./b",
        "a b",
    ] {
        assert!(check_rel(bad).is_err(), "{bad}");
    }
}

/// Version `v` of a small site: a page that changes, pages that do not, a page that moves.
fn site(v: u32) -> Vec<(String, String)> {
    let mut pages = vec![
        ("index.html".to_string(), format!("trang chủ, bản {v}")),
        ("a/index.html".to_string(), "bài a".to_string()),
        ("style.css".to_string(), "body{}".to_string()),
        (format!("n/{v}/index.html"), format!("bài mới {v}")),
    ];
    pages.extend((0..20).map(|i| (format!("t/{i}/index.html"), format!("bài {i}"))));
    pages
}

fn page(path: &str, text: &str) -> Page {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    Page {
        path: path.to_string(),
        kind: Kind::Robots,
        fp: h.finish(),
    }
}

/// Builds version `v` the way `site::export` does: reused when the manifest allows it.
fn export(out: &Path, v: u32) -> Result<()> {
    let output = Output::open(out)?;
    let mut build = output.start()?;
    for (path, text) in site(v) {
        let p = page(&path, &text);
        if !(output.reusable(&p) && build.reuse(&p)?) {
            build.put(&p, text.as_bytes())?;
        }
    }
    build.finish().map(|_| ())
}

/// Every file the export path shows, by path.
fn shown(out: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, String>) {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if fs::symlink_metadata(&p).unwrap().is_dir() {
                walk(root, &p, into);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                into.insert(rel, fs::read_to_string(&p).unwrap());
            }
        }
    }
    let root = fs::canonicalize(out).unwrap();
    let mut m = BTreeMap::new();
    walk(&root, &root, &mut m);
    m
}

fn expected(v: u32) -> BTreeMap<String, String> {
    site(v).into_iter().collect()
}

/// Killed (or failed) at each step of build 4, with build 3 live and build 2 to roll back
/// to: before the switch both are intact; after it, build 4 is live and 3 is the rollback.
#[test]
fn a_build_stopped_at_any_step_keeps_the_live_and_the_rollback_build() {
    let steps = [
        "files (failed)",
        "files (killed)",
        "swept",
        "synced",
        "marked",
        "switched",
        "recorded",
    ];
    for step in steps {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        for v in 1..=3 {
            export(&out, v).unwrap();
        }
        match step {
            "files (failed)" | "files (killed)" => {
                let output = Output::open(&out).unwrap();
                let mut build = output.start().unwrap();
                for (path, text) in site(4).into_iter().take(10) {
                    build.put(&page(&path, &text), text.as_bytes()).unwrap();
                }
                if step == "files (killed)" {
                    std::mem::forget(build);
                }
            }
            _ => {
                CRASH_AT.with(|c| c.set(Some(step)));
                let e = export(&out, 4);
                CRASH_AT.with(|c| c.set(None));
                assert!(
                    matches!(&e, Err(SiteError::Read(k)) if k == "killed"),
                    "{step}: {e:?}"
                );
            }
        }
        let switched = matches!(step, "switched" | "recorded");
        let (live, before): (u32, u32) = if switched { (4, 3) } else { (3, 2) };
        assert_eq!(shown(&out), expected(live), "{step}: the live site");
        let r = rollback(&out).unwrap();
        assert_eq!(
            (r.number, r.forward()),
            (u64::from(before), false),
            "{step}"
        );
        assert_eq!(shown(&out), expected(before), "{step}: the rollback build");
        let r = rollback(&out).unwrap();
        assert_eq!((r.number, r.forward()), (u64::from(live), true), "{step}");
        assert_eq!(shown(&out), expected(live), "{step}: forward again");
        // The next export goes through, and the one it replaced is the rollback build.
        export(&out, 5).unwrap();
        assert_eq!(shown(&out), expected(5), "{step}");
        rollback(&out).unwrap();
        assert_eq!(
            shown(&out),
            expected(live),
            "{step}: rollback after the next export"
        );
        let kept = Output::open(&out).unwrap().numbered().len();
        assert!(kept <= 3, "{step}: {kept} builds kept");
    }
}

/// The steps logged for exports under `dir`, in order.
fn steps_under(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    durable::LOG
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, p)| p.starts_with(dir))
        .cloned()
        .collect()
}

/// Checks the order of the last build's durability steps: everything of build `n` synced
/// (each new file and changed folder and the manifest, or the whole file system), then the
/// completion mark and the builds folder, then the switch of the link, then the link's folder.
fn check_order(dir: &Path, n: u64, new_files: &[&str], whole: bool) {
    let builds = dir.join("public.builds");
    let build = builds.join(n.to_string());
    let steps = steps_under(dir);
    let at = |step: &str, path: &Path| {
        steps
            .iter()
            .rposition(|(s, p)| *s == step && p == path)
            .unwrap_or_else(|| panic!("no {step} of {}: {steps:?}", path.display()))
    };
    let mark = at("mark complete", &builds.join(format!("{n}.complete")));
    let switch = at("switch", &dir.join("public"));
    let start = steps[..mark]
        .iter()
        .rposition(|(s, p)| *s == "switch" && p == &dir.join("public"))
        .map_or(0, |i| i + 1);
    let this = &steps[start..mark];
    let synced = |path: &Path| this.iter().any(|(s, p)| *s == "fsync" && p == path);
    if whole {
        assert!(
            this.iter().any(|(s, p)| *s == "syncfs" && p == &builds),
            "{this:?}"
        );
    } else {
        assert!(!this.iter().any(|(s, _)| *s == "syncfs"), "{this:?}");
        assert!(synced(&builds.join(format!("{n}.manifest"))), "{this:?}");
        for f in new_files {
            let path = build.join(f);
            assert!(synced(&path), "{f} not synced: {this:?}");
            assert!(
                synced(path.parent().unwrap()),
                "{f}'s folder not synced: {this:?}"
            );
        }
    }
    // The mark, with the build's name, made durable by a sync of the builds folder.
    assert_eq!(
        steps.get(mark + 1),
        Some(&("fsync folder", builds.clone())),
        "{steps:?}"
    );
    assert!(mark < switch, "{steps:?}");
    assert_eq!(
        steps.get(switch + 1),
        Some(&("fsync folder", dir.to_path_buf())),
        "{steps:?}"
    );
}

/// The build's files reach the disk before it is marked complete, and it is marked complete
/// before the live link is renamed; the link's folder is synced after.
#[test]
fn a_build_is_durable_before_it_goes_live() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    export(&out, 1).unwrap();
    check_order(
        dir.path(),
        1,
        &["index.html", "n/1/index.html", "t/7/index.html"],
        false,
    );
    export(&out, 2).unwrap();
    check_order(dir.path(), 2, &["index.html", "n/2/index.html"], false);
    // Many files written: the whole file system is synced in one call instead.
    let output = Output::open(&out).unwrap();
    let mut build = output.start().unwrap();
    for i in 0..300 {
        let path = format!("m/{i}/index.html");
        build.put(&page(&path, "nhiều"), b"nhieu").unwrap();
    }
    build.finish().unwrap();
    drop(output);
    check_order(dir.path(), 3, &[], true);
}
