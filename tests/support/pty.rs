//! The real binary in a real pseudo-terminal: a tmux server of the test's own (its own socket),
//! typed at with send-keys and read with capture-pane, as a person would use newsdesk.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// newsdesk on `db` as `user` in a `width`×`height` window, with extra environment
    /// (`NAME=value`, no shell quoting).
    pub fn start(name: &str, width: u16, height: u16, db: &Path, user: &str, env: &[&str]) -> Tmux {
        let socket = format!("nd-{name}-{}", std::process::id());
        // An empty LANGUAGE: the machine's own list must not choose the language under test.
        let cmd = format!("NEWSDESK_DB={} USER={user} LANGUAGE= {BIN}", db.display());
        let mut args: Vec<String> = ["-L", &socket, "-f", "/dev/null", "new-session", "-d"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for e in env {
            args.push("-e".into());
            args.push(e.to_string());
        }
        let ok = Command::new("tmux")
            .args(&args)
            .args([
                "-s",
                "t",
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
                &cmd,
            ])
            .env("TERM", "xterm-256color")
            .status()
            .expect("tmux must be installed to run the pty journeys")
            .success();
        assert!(ok, "tmux could not start");
        Tmux { socket }
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .unwrap()
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Waits until the screen shows `text` and returns the screen; fails with the screen if it
    /// never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("screen never showed {text:?}:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    /// Types text literally (Vietnamese included), as a terminal would send it.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", text]);
    }

    pub fn pane_pid(&self) -> u32 {
        let out = self.tmux(&["display-message", "-p", "-t", "t", "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// Whether a process still runs (a zombie does not count).
pub fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
}

/// `newsdesk --db DB ARGS…` as user hoa, expected to succeed; returns what it printed.
pub fn cli(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("USER", "hoa")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `newsdesk --db DB ARGS…` for a command printing JSON (`show ID --json`).
pub fn cli_json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&cli(db, args)).unwrap_or(serde_json::Value::Null)
}

/// A database with one article, made through the CLI: (folder, database path). The body is
/// read from `body.md` in the folder.
pub fn newsroom_with(title: &str, body: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    let body_file = dir.path().join("body.md");
    std::fs::write(&body_file, body).unwrap();
    cli(
        &db,
        &[
            "new",
            "--title",
            title,
            "--body-file",
            body_file.to_str().unwrap(),
        ],
    );
    (dir, db)
}
