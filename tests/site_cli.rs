//! `newsdesk site` and `newsdesk export` as an editor types them: settings with clear refusals,
//! export, nothing-changed, rollback and sync, run through the built binary.

mod support;

use support::cli::*;

#[test]
fn settings_are_set_shown_and_refused_with_reasons() {
    let d = Desk::new();
    assert_eq!(d.ok(&["site", "get", "per_page"]).trim(), "20");
    d.ok(&["site", "set", "title", "Cổng thông tin huyện"]);
    d.ok(&["site", "set", "base_url", "https://tin.example.vn/"]);
    assert_eq!(
        d.ok(&["site", "get", "base_url"]).trim(),
        "https://tin.example.vn"
    );
    let show = d.ok(&["site", "show"]);
    assert!(show.contains("title = Cổng thông tin huyện"), "{show}");
    assert!(show.contains("timezone = +07:00 (default)"), "{show}");
    let e = d.fails(&["site", "set", "colour", "red"]);
    assert!(
        e.contains("unknown site setting “colour”") && e.contains("footer_responsible"),
        "{e}"
    );
    let e = d.fails(&["site", "get", "colour"]);
    assert!(e.contains("title, tagline, base_url"), "{e}");
    let e = d.fails(&["site", "set", "base_url", "ftp://x.vn"]);
    assert!(e.contains("http:// or https://"), "{e}");
    let e = d.fails(&["site", "set", "per_page", "0"]);
    assert!(e.contains("1 to 500"), "{e}");
    let e = d.fails(&["site", "set", "language", "fr"]);
    assert!(e.contains("vi or en"), "{e}");
    d.ok(&["site", "set", "title"]);
    assert_eq!(d.ok(&["site", "get", "title"]).trim(), "newsdesk");
}

#[test]
fn export_then_nothing_changed_then_rollback() {
    let d = Desk::with_sample();
    let e = d.fails(&["export"]);
    assert!(e.contains("--out") && e.contains("export_dir"), "{e}");
    let out = d.path("public");
    let out_s = out.to_str().unwrap();
    let first = d.ok(&[
        "export",
        "--out",
        out_s,
        "--base-url",
        "https://tin.example.vn",
    ]);
    assert!(first.contains("written, 0 unchanged, 0 removed"), "{first}");
    assert!(out.join("index.html").exists() && out.join("feed.xml").exists());
    assert!(
        std::fs::symlink_metadata(&out)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    d.ok(&["site", "set", "export_dir", out_s]);
    d.ok(&["site", "set", "base_url", "https://tin.example.vn"]);
    let second = d.ok(&["export"]);
    assert!(second.contains("nothing changed"), "{second}");
    let e = d.fails(&["export", "--rollback"]);
    assert!(e.contains("no earlier build"), "{e}");
    d.ok(&["site", "set", "title", "Tin Thạch Lâm"]);
    let third = d.ok(&["export"]);
    assert!(third.contains("0 removed"), "{third}");
    assert!(
        std::fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("Tin Thạch Lâm")
    );
    d.ok(&["export", "--rollback"]);
    assert!(
        !std::fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("Tin Thạch Lâm")
    );
}

#[test]
fn sync_runs_the_command_and_reports_failure() {
    let d = Desk::with_sample();
    let out = d.path("public");
    let out_s = out.to_str().unwrap();
    let e = d.fails(&["export", "--out", out_s, "--sync"]);
    assert!(e.contains("no sync command"), "{e}");
    d.ok(&[
        "site",
        "set",
        "sync_command",
        "echo synced {out}; ls {out}/index.html",
    ]);
    let s = d.ok(&["export", "--out", out_s, "--sync"]);
    assert!(
        s.contains(&format!("synced {out_s}")) && s.contains("exit code 0"),
        "{s}"
    );
    d.ok(&["site", "set", "sync_command", "echo trying; exit 3"]);
    let run = d.run(&["export", "--out", out_s, "--sync"]);
    expect_code(&run, 1, "failed sync");
    let e = stderr(&run);
    assert!(
        e.contains("sync command failed (exit code 3)") && e.contains("export is in place"),
        "{e}"
    );
    assert!(stdout(&run).contains("trying"));
    assert!(out.join("index.html").exists());
}

/// A second export with nothing changed answers from the live build's record without planning
/// the site; any change to the articles, the settings or the templates takes the long way.
#[test]
fn an_export_with_nothing_to_do_stops_early() {
    let d = Desk::with_sample();
    let out = d.path("public");
    let out_s = out.to_str().unwrap();
    d.ok(&["export", "--out", out_s]);
    let builds = d.path("public.builds");
    let records = |ext: &str| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(&builds)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .collect()
    };
    assert_eq!(
        records("state").len(),
        1,
        "the live build records its state"
    );
    // Without the manifest the long way would rebuild every page: the shortcut never reads it.
    for m in records("manifest") {
        std::fs::remove_file(m).unwrap();
    }
    let second = d.ok(&["export", "--out", out_s]);
    assert!(second.contains("nothing changed"), "{second}");

    // An article changes: its pages are written again.
    d.ok(&[
        "status",
        "tham-dinh-danh-gia-mo-hinh-dan-van-kheo-nam-2023",
        "archived",
    ]);
    let third = d.ok(&["export", "--out", out_s]);
    assert!(!third.contains("nothing changed"), "{third}");
    assert!(
        !out.join("dan-van/tham-dinh-danh-gia-mo-hinh-dan-van-kheo-nam-2023")
            .exists(),
        "the archived article left the site"
    );

    // A template override changes: the long way again.
    let templates = d.path("templates");
    std::fs::create_dir_all(&templates).unwrap();
    d.ok(&["site", "set", "templates_dir", templates.to_str().unwrap()]);
    let same = d.ok(&["export", "--out", out_s]);
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/templates/404.html"
    ))
    .unwrap();
    std::fs::write(
        templates.join("404.html"),
        base.replace("{% endblock %}", "<p>Thạch Lâm</p>{% endblock %}"),
    )
    .unwrap();
    let changed = d.ok(&["export", "--out", out_s]);
    assert!(!changed.contains("nothing changed"), "{same} / {changed}");
    assert!(
        std::fs::read_to_string(out.join("404.html"))
            .unwrap()
            .contains("Thạch Lâm")
    );
}
