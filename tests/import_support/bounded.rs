//! Runs a command as a child under a memory limit (RLIMIT_AS) and a timeout: a hostile file
//! that makes the importer allocate without end or wait forever fails the check instead of
//! taking the machine or the test run with it.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Address space for one import: the debug binary imports the sample in under 128 MiB.
pub const MEMORY: u64 = 512 << 20;

/// What a bounded run did.
#[derive(Debug)]
pub struct Run {
    /// The exit code; `None` when a signal ended it (an abort, or our kill on time-out).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    pub timed_out: bool,
}

impl Run {
    /// `Ok` when the run ended by itself with exit 0 or 1 and printed no panic.
    pub fn bounded(&self) -> Result<(), String> {
        if self.timed_out {
            return Err(format!("still running after {:?}, killed", self.elapsed));
        }
        if !matches!(self.code, Some(0 | 1)) || self.stderr.contains("panicked") {
            return Err(format!(
                "ended with {:?} (want exit 0 or 1, no panic):\n{}",
                self.code, self.stderr
            ));
        }
        Ok(())
    }
}

/// Spawns `cmd` with its address space capped at `memory` bytes, kills it after `timeout`.
pub fn run(mut cmd: Command, memory: u64, timeout: Duration) -> Run {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: between fork and exec the closure only calls setrlimit, which is
    // async-signal-safe, and allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            let limit = libc::rlimit {
                rlim_cur: memory as libc::rlim_t,
                rlim_max: memory as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn the child");
    // Drained on threads so a chatty child never blocks on a full pipe.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut text);
            }
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > timeout => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break None,
        }
    };
    Run {
        code: status.and_then(|s| s.code()),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        elapsed: start.elapsed(),
        timed_out,
    }
}
