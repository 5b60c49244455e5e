//! The personal config file as the binary finds it (`$XDG_CONFIG_HOME/newsdesk/config.toml`)
//! and `--lang`: a typo is reported on one line and never stops newsdesk.

use std::path::Path;
use std::process::{Command, Output};

fn newsdesk(config_home: &Path, args: &[&str]) -> Output {
    let db = config_home.join("newsdesk.db");
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["--db", db.to_str().unwrap()])
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("HOME", config_home)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run newsdesk")
}

fn write_config(home: &Path, text: &str) -> std::path::PathBuf {
    let dir = home.join("newsdesk");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn a_bad_config_is_reported_on_one_line_and_newsdesk_runs_on() {
    let home = tempfile::tempdir().unwrap();
    let file = write_config(home.path(), "typing = \"telx\"\ncolour = \"blue\"\n");
    let out = newsdesk(home.path(), &["list"]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    let shown = file.display().to_string();
    assert!(
        lines.iter().all(|l| l.contains(&shown)),
        "each names the file: {err}"
    );
    assert!(
        err.contains("typing = \"telx\" is not allowed: use \"en\", \"telex\" or \"vni\""),
        "{err}"
    );
    assert!(err.contains("unknown key “colour”"), "{err}");
}

#[test]
fn the_config_file_chooses_the_language_and_the_flag_overrides_it() {
    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), "lang = \"vi\"\nw_alone = \"x\"\n");
    // The problem is reported in the language the file chose.
    let out = newsdesk(home.path(), &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("w_alone = \"x\" không hợp lệ: chọn \"u\" hoặc \"w\""),
        "{err}"
    );
    let out = newsdesk(home.path(), &["--lang", "en", "list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("w_alone = \"x\" is not allowed: use \"u\" or \"w\""),
        "{err}"
    );
}

#[test]
fn a_missing_config_is_silent_and_a_bad_flag_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let out = newsdesk(home.path(), &["list"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let out = newsdesk(home.path(), &["--lang", "fr", "list"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("possible values: vi, en"), "{err}");
}
