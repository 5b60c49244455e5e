//! A database that is ours but cannot be opened says what is true (damaged, a folder you may
//! not write, a full disk) and names the file; "name another file with --db" is only for a
//! file that is not a newsdesk database. The file is left byte for byte as it was.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use support::cli::{Desk, SAMPLE, command, expect_code, stderr};

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A closed database with the sample articles, all in the main file (no write-ahead log).
fn sample_db(desk: &Desk) -> Vec<u8> {
    desk.ok(&["import", SAMPLE]);
    let wal = desk.path("n.db-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
    std::fs::read(&desk.db).unwrap()
}

fn says_damaged(err: &str, db: &Path) {
    let shown = db.display().to_string();
    assert!(err.contains("damaged") && err.contains(&shown), "{err}");
    assert!(err.contains("integrity_check"), "{err}");
    assert!(
        !err.contains("--db") && !err.contains("not a newsdesk"),
        "{err}"
    );
}

#[test]
fn a_database_cut_short_is_called_damaged_and_left_untouched() {
    let desk = Desk::new();
    let whole = sample_db(&desk);
    for len in [whole.len() / 2, 4096, 60] {
        let cut = whole.get(..len).unwrap().to_vec();
        std::fs::write(&desk.db, &cut).unwrap();
        for args in [&["list"][..], &["new", "--title", "Bài mới"][..]] {
            let err = desk.fails(args);
            says_damaged(&err, &desk.db);
            assert_eq!(
                std::fs::read(&desk.db).unwrap(),
                cut,
                "{len} bytes: touched"
            );
        }
    }
    // In Vietnamese too, naming the same file.
    std::fs::write(&desk.db, whole.get(..whole.len() / 2).unwrap()).unwrap();
    let err = desk.fails(&["--lang", "vi", "list"]);
    assert!(
        err.contains("bị hỏng") && err.contains("integrity_check"),
        "{err}"
    );
}

#[test]
fn another_programs_file_is_still_not_ours() {
    let desk = Desk::new();
    std::fs::write(&desk.db, "name,phone\nhoa,0123\n").unwrap();
    let err = desk.fails(&["list"]);
    assert!(err.contains("not a newsdesk database"), "{err}");
}

/// Runs `newsdesk --db DB ARGS` as an unprivileged user (root may write anywhere). The binary
/// is copied beside the database first: the build folder may be one nobody can enter.
fn as_nobody(db: &Path, args: &[&str]) -> std::process::Output {
    let mut c = if is_root() {
        let bin = db
            .parent()
            .and_then(Path::parent)
            .expect("the desk folder")
            .join("newsdesk");
        if !bin.exists() {
            std::fs::copy(env!("CARGO_BIN_EXE_newsdesk"), &bin).expect("copy the binary");
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(bin);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_newsdesk"))
    };
    let template = command();
    for (k, v) in template.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c.env("HOME", "/nonexistent");
    c.arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run newsdesk")
}

#[test]
fn a_database_in_a_folder_you_may_not_write_says_so() {
    let desk = Desk::new();
    let whole = sample_db(&desk);
    let folder = desk.path("shared");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("newsroom.db");
    std::fs::write(&db, &whole).unwrap();
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    mode(desk.dir.path(), 0o755).unwrap();
    mode(&db, 0o666).unwrap();
    mode(&folder, 0o555).unwrap();
    for args in [&["list"][..], &["new", "--title", "Bài mới"][..]] {
        let out = as_nobody(&db, args);
        expect_code(&out, 1, args);
        let err = stderr(&out);
        assert!(
            err.contains("folder")
                && err.contains("permission denied")
                && err.contains("newsroom.db"),
            "{err}"
        );
        assert!(
            !err.contains("--db") && !err.contains("not a newsdesk"),
            "{err}"
        );
    }
    mode(&folder, 0o755).unwrap();
    assert_eq!(std::fs::read(&db).unwrap(), whole);
}

#[test]
fn a_database_on_a_full_disk_says_the_disk_is_full() {
    if !is_root() {
        eprintln!("skipped: filling a file system of our own needs root (CI runs as root)");
        return;
    }
    let desk = Desk::new();
    let whole = sample_db(&desk);
    let mnt = desk.path("full");
    std::fs::create_dir(&mnt).unwrap();
    let copy = desk.path("copy.db");
    std::fs::write(&copy, &whole).unwrap();
    // A private mount namespace: a 1 MiB file system, the database, then filler to the brim.
    let script = format!(
        "mount -t tmpfs -o size=1m tmpfs {m} && cp {c} {m}/n.db && \
         (dd if=/dev/zero of={m}/fill bs=4k 2>/dev/null; true) && \
         \"$0\" --db {m}/n.db list; echo \"list=$?\"; \
         \"$0\" --db {m}/n.db new --title x; echo \"new=$?\"; \
         cmp {c} {m}/n.db && echo same",
        m = mnt.display(),
        c = copy.display(),
    );
    let mut c = Command::new("unshare");
    c.args(["-m", "sh", "-c", &script, env!("CARGO_BIN_EXE_newsdesk")]);
    for (k, v) in command().get_envs() {
        if let Some(v) = v {
            c.env(k, v);
        }
    }
    let out = c.output().expect("run unshare");
    let (text, err) = (String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(
        text.contains("list=1") && text.contains("new=1"),
        "{text}\n{err}"
    );
    assert!(
        text.contains("same"),
        "the database changed:\n{text}\n{err}"
    );
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("n.db")).collect();
    assert_eq!(lines.len(), 2, "{err}");
    for l in lines {
        assert!(l.contains("disk") && l.contains("full"), "{l}");
        assert!(!l.contains("--db") && !l.contains("not a newsdesk"), "{l}");
    }
}
