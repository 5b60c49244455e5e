//! Ctrl-X end to end: the real binary in tmux exports the sample site (and syncs it) in the
//! background, shows the summary, and the files are on disk.

use std::path::Path;

mod support;

use support::pty::{Tmux, cli};

#[test]
fn ctrl_x_exports_the_sample_site_syncs_it_and_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let public = dir.path().join("public");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    cli(&db, &["import", samples.to_str().unwrap()]);
    cli(
        &db,
        &["site", "set", "export_dir", public.to_str().unwrap()],
    );
    cli(
        &db,
        &[
            "site",
            "set",
            "sync_command",
            "ls {out}/index.html && echo synced-ok",
        ],
    );

    let t = tmux_on("export", &db);
    t.wait_for("Thu ngân sách 10 tháng");
    t.keys(&["C-x"]);
    let question = t.wait_for("Export the site and sync?");
    assert!(question.contains(public.to_str().unwrap()), "{question}");
    t.keys(&["y"]);
    let screen = t.wait_for("Site exported in");
    assert!(
        screen.contains("synced in") && screen.contains("(exit code 0): synced-ok (log "),
        "{screen}"
    );
    assert!(
        !screen.contains("export rendering"),
        "the bar is gone:\n{screen}"
    );
    assert!(public.join("index.html").is_file());
    let page = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(page.contains("Thu ngân sách 10 tháng"), "{page}");

    // The sync's whole output is in the log the summary names.
    let log = screen
        .split("(log ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("the log path")
        .to_string();
    let output = std::fs::read_to_string(&log).unwrap();
    assert!(output.contains("index.html\nsynced-ok"), "{output}");

    // Again: nothing changed, nothing written; the site is still there.
    t.keys(&["C-x"]);
    t.wait_for("Export the site and sync?");
    t.keys(&["y"]);
    t.wait_for("Site up to date");
    assert!(public.join("index.html").is_file());
    t.keys(&["C-q"]);
    // This session's log (the second sync wrote it again).
    let _ = std::fs::remove_file(&log);
}

/// newsdesk on `db` in a 200×30 window (wide enough for the whole summary line).
fn tmux_on(name: &str, db: &Path) -> Tmux {
    Tmux::start(name, 200, 30, db, "hoa", &[])
}
