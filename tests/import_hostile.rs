//! The hostile-input corpus (`tests/hostile/`: `ok-*` files must import, `no-*` files must be
//! refused) and the files that are not files at all, imported by the real binary as a child
//! bounded in memory and time: one line naming each refused file, the rest imported, exit 1,
//! never a panic, an abort or a hang.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use support::cli::Desk;
use support::import::bounded::{self, Run};
use support::import::{count_before, plain_env};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");

/// `newsdesk --db DB import ARGS…` under the memory limit, killed after a minute.
fn import(desk: &Desk, args: &[&Path]) -> Run {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    plain_env(&mut c);
    c.arg("--db").arg(&desk.db).arg("import").args(args);
    bounded::run(c, bounded::MEMORY, Duration::from_secs(60))
}

/// The stderr line about `path`, if any.
fn line_about<'a>(run: &'a Run, path: &Path) -> Option<&'a str> {
    let prefix = format!("{}: ", path.display());
    run.stderr.lines().find(|l| l.starts_with(&prefix))
}

/// Files too big to keep in the repository, written next to the corpus copy.
fn write_big_files(dir: &Path) {
    let body = "Nội dung.\n";
    let keys = |n: usize| (0..n).map(|i| format!("k{i}: v\n")).collect::<String>();
    let files: [(&str, String); 5] = [
        (
            "no-huge-scalar.md",
            format!(
                "---\ntitle: To\nsummary: {}\n---\n{body}",
                "x".repeat(200_000)
            ),
        ),
        (
            "no-huge-key-count.md",
            format!("---\ntitle: Nhiều khóa\n{}---\n{body}", keys(20_000)),
        ),
        (
            "ok-many-keys.md",
            format!("---\ntitle: Hai nghìn khóa\n{}---\n{body}", keys(2_000)),
        ),
        (
            "ok-nested-html-1mb.md",
            format!(
                "---\ntitle: HTML lồng nhau\n---\n{}x{}\n",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
        ),
        (
            "no-over-16-mib.md",
            format!("---\ntitle: Quá lớn\n---\n{}\n", "chữ ".repeat(17 << 18)),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write a big file");
    }
}

#[test]
fn every_hostile_file_is_imported_or_refused_by_name() {
    let desk = Desk::new();
    let folder = desk.path("in");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let mut names: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(CORPUS).expect("the corpus") {
        let from = entry.expect("an entry").path();
        let to = folder.join(from.file_name().expect("a name"));
        std::fs::copy(&from, &to).expect("copy");
    }
    write_big_files(&folder);
    for entry in std::fs::read_dir(&folder).expect("the copy") {
        names.push(entry.expect("an entry").path());
    }
    names.sort();
    let run = import(&desk, &[&folder]);
    run.bounded().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let mut good: u64 = 0;
    for path in &names {
        let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
        match (name.starts_with("ok-"), line_about(&run, path)) {
            (true, None) => good += 1,
            (true, Some(l)) => panic!("{name} should import, got: {l}"),
            (false, Some(_)) => {}
            (false, None) => panic!("{name} was not refused:\n{}", run.stderr),
        }
    }
    assert!(
        good >= 10 && good < names.len() as u64,
        "{good} of {}",
        names.len()
    );
    let said = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(count_before(&said, "new"), Some(good), "{said}");
    assert_eq!(
        count_before(&said, "failed"),
        Some(names.len() as u64 - good),
        "{said}"
    );
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

#[cfg(unix)]
#[test]
fn only_regular_files_are_read_and_the_rest_still_import() {
    let desk = Desk::new();
    let good = desk.write("in/good.md", "---\ntitle: Tin tốt\n---\nNội dung.\n");
    let fifo = desk.path("in/pipe.md");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("a C path");
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
    let named_fifo = desk.path("named.md");
    let c = std::ffi::CString::new(named_fifo.as_os_str().as_encoded_bytes()).expect("a C path");
    // SAFETY: as above.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
    let zero = Path::new("/dev/zero");
    let other = desk.write("other.md", "---\ntitle: Tin khác\n---\nNội dung.\n");

    let run = import(&desk, &[zero, &named_fifo, &desk.path("in"), &other]);
    run.bounded().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for path in [zero, &named_fifo, &fifo] {
        let line = line_about(&run, path)
            .unwrap_or_else(|| panic!("no line about {}:\n{}", path.display(), run.stderr));
        assert!(line.contains("not a regular file"), "{line}");
    }
    assert!(line_about(&run, &good).is_none(), "{}", run.stderr);
    assert_eq!(count_before(&run.stdout, "new"), Some(2), "{}", run.stdout);
    assert!(run.elapsed < Duration::from_secs(20), "{:?}", run.elapsed);
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_limit() {
    let desk = Desk::new();
    let big = desk.write(
        "big.md",
        format!("---\ntitle: To\n---\n{}", "a".repeat(17 << 20)),
    );
    let run = import(&desk, &[&big]);
    run.bounded().unwrap_or_else(|e| panic!("{e}"));
    let line = line_about(&run, &big).unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(line.contains("16 MiB"), "{line}");
}

#[test]
fn a_nul_in_front_matter_refuses_the_file_at_its_line() {
    let desk = Desk::new();
    let f = desk.write("x.md", "---\ntitle: X\0\ndraft: true\n---\nbody\n");
    let err = desk.fails(&["import", f.to_str().expect("utf-8")]);
    assert!(
        err.contains("x.md: line 2") && err.contains("U+0000"),
        "{err}"
    );
    assert!(
        desk.list().is_empty(),
        "nothing may be imported: {:?}",
        desk.slugs()
    );
}

#[test]
fn draft_takes_yes_and_no_words_and_refuses_the_rest() {
    let desk = Desk::new();
    let cases = [
        ("\"yes\"", Some("draft")),
        ("Yes", Some("draft")),
        ("on", Some("draft")),
        ("1", Some("draft")),
        ("\"no\"", Some("published")),
        ("OFF", Some("published")),
        ("false", Some("published")),
        ("maybe", None),
        ("\"\"", None),
    ];
    for (i, (value, want)) in cases.iter().enumerate() {
        let f = desk.write(
            &format!("d{i}.md"),
            format!("---\ntitle: Tin {i}\nslug: tin-{i}\ndraft: {value}\n---\nNội dung.\n"),
        );
        let path = f.to_str().expect("utf-8");
        match want {
            Some(status) => {
                desk.ok(&["import", path]);
                assert_eq!(desk.show(&format!("tin-{i}"))["status"], *status, "{value}");
            }
            None => {
                let err = desk.fails(&["import", path]);
                assert!(
                    err.contains("draft") && err.contains(value.trim_matches('"')),
                    "{err}"
                );
            }
        }
    }
}

#[test]
fn dates_outside_years_1000_to_9999_are_refused_at_every_door() {
    let desk = Desk::new();
    for (i, date) in ["-0001-01-01", "+10000-01-01", "0999-12-31"]
        .iter()
        .enumerate()
    {
        let f = desk.write(
            &format!("d{i}.md"),
            format!("---\ntitle: Tin {i}\ndate: {date}\n---\nNội dung.\n"),
        );
        let err = desk.fails(&["import", f.to_str().expect("utf-8")]);
        assert!(err.contains("1000–9999") && err.contains(date), "{err}");
    }
    assert!(desk.list().is_empty());
    desk.ok(&["new", "--title", "Hẹn giờ", "--slug", "hen-gio"]);
    for at in ["+10000-01-01", "9999-12-31T23:00:00-05:00"] {
        let err = desk.fails(&["status", "hen-gio", "scheduled", "--at", at]);
        assert!(err.contains("1000–9999"), "{at}: {err}");
    }
    assert_eq!(desk.show("hen-gio")["status"], "draft");
}

#[test]
fn slugs_of_digits_only_or_too_long_are_refused_with_their_reason() {
    let desk = Desk::new();
    let digits = desk.write("d.md", "---\ntitle: Số\nslug: \"2023\"\n---\nx\n");
    let err = desk.fails(&["import", digits.to_str().expect("utf-8")]);
    assert!(err.contains("digits"), "{err}");
    let err = desk.fails(&["new", "--title", "Số", "--slug", "2023"]);
    assert!(err.contains("digits"), "{err}");
    let long = "a".repeat(250);
    let err = desk.fails(&["new", "--title", "Dài", "--slug", &long]);
    assert!(
        err.contains("250 characters long") && err.contains("200"),
        "{err}"
    );
    // A title of digits makes a slug that is not a number, so the article is reachable by it.
    desk.ok(&["new", "--title", "2023"]);
    assert_eq!(desk.slugs(), ["bai-2023"]);
    assert_eq!(desk.show("bai-2023")["title"], "2023");
}

#[cfg(unix)]
#[test]
fn a_body_file_is_read_only_when_regular_and_within_the_limit() {
    let desk = Desk::new();
    let fifo = desk.path("body.md");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("a C path");
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
    let big = desk.write("big.md", "a".repeat((16 << 20) + 1));
    for (path, says) in [
        (Path::new("/dev/zero"), "not a regular file"),
        (fifo.as_path(), "not a regular file"),
        (big.as_path(), "16 MiB"),
    ] {
        let mut c = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
        plain_env(&mut c);
        c.arg("--db")
            .arg(&desk.db)
            .args(["new", "--title", "Tin", "--body-file"]);
        c.arg(path);
        let run = bounded::run(c, bounded::MEMORY, Duration::from_secs(20));
        run.bounded()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(run.code, Some(1), "{}: {}", path.display(), run.stderr);
        assert!(
            run.stderr.contains(&path.display().to_string()) && run.stderr.contains(says),
            "{}: {}",
            path.display(),
            run.stderr
        );
    }
    assert!(desk.list().is_empty());
}
