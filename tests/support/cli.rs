//! The built `newsdesk` binary run against a database in a temporary folder, and what a user
//! would see of it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

use super::import::plain_env;

/// The eight sample articles shipped with the crate.
pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample");

/// The sample article the search tests look for.
pub const DAN_VAN: &str = "tham-dinh-danh-gia-mo-hinh-dan-van-kheo-nam-2023";

/// A temporary folder holding `n.db`.
pub struct Desk {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Desk {
    pub fn new() -> Desk {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("n.db");
        Desk { dir, db }
    }

    /// A desk with `assets/sample` imported.
    pub fn with_sample() -> Desk {
        let d = Desk::new();
        d.ok(&["import", SAMPLE]);
        d
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        nd(&self.db, args)
    }

    /// Runs and expects exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        expect_code(&out, 0, args);
        stdout(&out)
    }

    /// Runs and expects exit 1; returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        expect_code(&out, 1, args);
        stderr(&out)
    }

    /// Runs a `--json` command and parses its output.
    pub fn json(&self, args: &[&str]) -> Value {
        let text = self.ok(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{args:?} printed invalid JSON ({e}):\n{text}"))
    }

    pub fn show(&self, key: &str) -> Value {
        self.json(&["show", key, "--json"])
    }

    /// `list --json` with a limit large enough for any test.
    pub fn list(&self) -> Vec<Value> {
        match self.json(&["list", "--json", "--limit", "1000"]) {
            Value::Array(items) => items,
            other => panic!("list --json printed {other}"),
        }
    }

    pub fn slugs(&self) -> Vec<String> {
        let mut slugs: Vec<String> = self
            .list()
            .iter()
            .map(|a| a["slug"].as_str().expect("slug").to_string())
            .collect();
        slugs.sort();
        slugs
    }

    /// Writes `text` to `rel` (creating folders) and returns the full path.
    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write fixture");
        path
    }
}

/// The binary with a predictable environment: no `$NEWSDESK_DB`, user `hoa`, Vietnam's zone,
/// English messages (whatever the machine's locale or personal config file says).
pub fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    plain_env(&mut c);
    c.env_remove("COLUMNS").stdin(Stdio::null());
    c
}

/// `newsdesk --db DB ARGS…`
pub fn nd(db: &Path, args: &[&str]) -> Output {
    command()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run newsdesk")
}

/// `newsdesk --db DB ARGS…` with `input` on standard input.
pub fn nd_stdin(db: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = command()
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn newsdesk");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait for newsdesk")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the exit code, showing everything the command printed when it is wrong.
pub fn expect_code(out: &Output, code: i32, what: &(impl std::fmt::Debug + ?Sized)) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what:?}: want exit {code}\n--- stdout\n{}\n--- stderr\n{}",
        stdout(out),
        stderr(out)
    );
    assert_no_panic(out, what);
}

pub fn assert_no_panic(out: &Output, what: &(impl std::fmt::Debug + ?Sized)) {
    let err = stderr(out);
    assert!(
        !err.contains("panicked") && out.status.code() != Some(101),
        "{what:?} panicked:\n{err}"
    );
}

/// The `show --json` object without what differs between two databases holding the same
/// content: ids, versions, and who/when created and saved.
pub fn content_of(mut article: Value) -> Value {
    let obj = article.as_object_mut().expect("an object");
    for key in [
        "id",
        "version",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
    ] {
        assert!(obj.remove(key).is_some(), "show --json lacks {key}");
    }
    article
}

/// `newsdesk --db DB ARGS…` in a child with at most `mem_mb` of address space, killed after
/// `secs` seconds: a case that would read without end or blow up shows as a failure here
/// instead of taking the machine down. Panics if the time runs out.
pub fn nd_bounded(db: &Path, args: &[&str], mem_mb: u64, secs: u64) -> Output {
    use std::os::unix::process::CommandExt;
    let limit = mem_mb * 1024 * 1024;
    let mut c = command();
    c.arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe and touches only the child's own limits.
    unsafe {
        c.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = c.spawn().expect("spawn newsdesk");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    loop {
        if child.try_wait().expect("wait for newsdesk").is_some() {
            return child.wait_with_output().expect("collect newsdesk's output");
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().expect("collect newsdesk's output");
            panic!(
                "{args:?} still running after {secs} s\n--- stderr\n{}",
                stderr(&out)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
