//! Publishing from the command line as an editor (or an attacker) meets it: an export path
//! that is a file, rollback messages that say which build, a sync command that never ends,
//! and `export-md` into a folder with a planted link.

mod support;

use std::time::{Duration, Instant};

use support::cli::*;

#[test]
fn an_export_path_that_is_a_file_is_called_a_file() {
    let d = Desk::with_sample();
    let file = d.write("notes.txt", "ghi chú");
    let e = d.fails(&["export", "--out", file.to_str().unwrap()]);
    assert!(
        e.contains("notes.txt is a file, not a folder")
            && !e.contains("a folder newsdesk did not make"),
        "{e}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "ghi chú");
    // A link someone else made (to their web root, say) is not replaced either.
    let www = d.path("www");
    std::fs::create_dir(&www).unwrap();
    std::fs::write(www.join("index.html"), "trang cũ").unwrap();
    let link = d.path("site");
    std::os::unix::fs::symlink(&www, &link).unwrap();
    let e = d.fails(&["export", "--out", link.to_str().unwrap()]);
    assert!(
        e.contains("is a link newsdesk did not make") && e.contains(www.to_str().unwrap()),
        "{e}"
    );
    assert_eq!(std::fs::read_link(&link).unwrap(), www);
    assert_eq!(
        std::fs::read_dir(&www).unwrap().count(),
        1,
        "nothing written in the link's folder"
    );
}

#[test]
fn rollback_says_which_build_it_switches_to() {
    let d = Desk::with_sample();
    let out = d.path("public");
    let out_s = out.to_str().unwrap();
    d.ok(&["export", "--out", out_s]);
    d.ok(&["site", "set", "title", "Tin Thạch Lâm"]);
    d.ok(&["export", "--out", out_s]);
    let back = d.ok(&["export", "--rollback", "--out", out_s]);
    assert!(back.contains("back to the earlier build 1"), "{back}");
    let forward = d.ok(&["export", "--rollback", "--out", out_s]);
    assert!(
        forward.contains("forward to the newer build 2") && !forward.contains("earlier"),
        "{forward}"
    );
    assert!(
        std::fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("Tin Thạch Lâm")
    );
    let vi = stdout(&d.run(&["--lang", "vi", "export", "--rollback", "--out", out_s]));
    assert!(vi.contains("bản dựng trước đó số 1"), "{vi}");
}

/// Whether process `pid` is still running (a zombie waiting for its parent counts as gone).
fn running(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

#[test]
fn a_sync_command_that_never_ends_is_stopped_at_the_timeout() {
    let d = Desk::with_sample();
    let show = d.ok(&["site", "show"]);
    assert!(show.contains("sync_timeout = 10m (default)"), "{show}");
    for bad in ["0", "ten", "5x", "25h"] {
        let e = d.fails(&["site", "set", "sync_timeout", bad]);
        assert!(e.contains("sync_timeout"), "{bad}: {e}");
    }
    assert_eq!(
        d.ok(&["site", "set", "sync_timeout", "90"]).trim(),
        "sync_timeout = 90s"
    );
    assert_eq!(
        d.ok(&["site", "set", "sync_timeout", "120s"]).trim(),
        "sync_timeout = 2m"
    );
    d.ok(&["site", "set", "sync_timeout", "1"]);
    let pids = d.path("pids");
    let cmd = format!(
        "sleep 100 & echo $! >> {p}; sh -c 'sleep 100 & echo $! >> {p}; sleep 100' & echo $! >> {p}; echo $$ >> {p}; sleep 100",
        p = pids.display()
    );
    d.ok(&["site", "set", "sync_command", &cmd]);
    let out = d.path("public");
    let started = Instant::now();
    let run = d.run(&["export", "--out", out.to_str().unwrap(), "--sync"]);
    let took = started.elapsed();
    expect_code(&run, 1, "sync past its timeout");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let e = stderr(&run);
    assert!(
        e.contains("did not finish within 1s")
            && e.contains("sync_timeout")
            && e.contains("export is in place"),
        "{e}"
    );
    assert!(out.join("index.html").exists());
    let text = std::fs::read_to_string(&pids).unwrap();
    let pids: Vec<i32> = text.lines().filter_map(|l| l.trim().parse().ok()).collect();
    assert!(pids.len() >= 4, "{text}");
    let deadline = Instant::now() + Duration::from_secs(5);
    while pids.iter().any(|p| running(*p)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let left: Vec<_> = pids.iter().filter(|p| running(**p)).collect();
    assert!(left.is_empty(), "still running: {left:?}");
}

#[test]
fn export_md_never_writes_through_a_planted_link() {
    let d = Desk::with_sample();
    let dir = d.path("md");
    std::fs::create_dir(&dir).unwrap();
    let outside = d.write("outside.txt", "không được ghi đè");
    let link = dir.join(format!("{DAN_VAN}.md"));
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    // A hard link to a file outside is not written through either.
    let other = d.write("other.txt", "cũng không");
    let hard = dir.join("thu-ngan-sach-10-thang-nam-2026-dat-86-9-du-toan.md");
    let slugs = d.slugs();
    assert!(
        slugs
            .iter()
            .any(|s| format!("{s}.md") == hard.file_name().unwrap().to_str().unwrap()),
        "{slugs:?}"
    );
    std::fs::hard_link(&other, &hard).unwrap();
    let run = d.run(&["export-md", dir.to_str().unwrap()]);
    expect_code(&run, 1, "export-md with a planted link");
    let e = stderr(&run);
    assert!(
        e.contains(&format!("{}", link.display())) && e.contains("symbolic link"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "không được ghi đè"
    );
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "cũng không");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&hard).unwrap().contains("title"));
    let written = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(written, slugs.len(), "every other article is written");
    let o = stdout(&run);
    assert!(
        o.contains(&format!("wrote {} articles", slugs.len() - 1)),
        "{o}"
    );
}

/// The sync command runs in a process group of its own (so a timeout can stop all of it), yet
/// from a terminal it still gets the terminal: a password prompt reads what is typed.
#[test]
fn a_sync_command_run_from_a_terminal_can_ask_for_a_password() {
    let d = Desk::with_sample();
    d.ok(&[
        "site",
        "set",
        "sync_command",
        "printf 'mật khẩu: '; read -r x </dev/tty; echo \"nhận: $x\"",
    ]);
    let socket = format!("nd-sync-{}", std::process::id());
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("tmux runs")
    };
    let line = format!(
        "LANG=C.UTF-8 XDG_CONFIG_HOME=/nonexistent {} --db {} export --out {} --sync; echo EXIT:$?; sleep 60",
        env!("CARGO_BIN_EXE_newsdesk"),
        d.db.display(),
        d.path("public").display()
    );
    let started = tmux(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "150",
        "-y",
        "30",
        &line,
    ]);
    assert!(started.status.success(), "tmux could not start");
    let screen =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned();
    let wait_for = |text: &str| {
        let until = Instant::now() + Duration::from_secs(20);
        loop {
            let s = screen();
            if s.contains(text) {
                return s;
            }
            assert!(Instant::now() < until, "never showed {text:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait_for("mật khẩu:");
    tmux(&["send-keys", "-t", "t", "bí-mật", "Enter"]);
    let s = wait_for("EXIT:");
    tmux(&["kill-server"]);
    assert!(s.contains("nhận: bí-mật") && s.contains("EXIT:0"), "{s}");
}
