//! The sync command after an export, with its output in a log file of this session's (the
//! terminal app cannot let a command write over its screen) and a timeout.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::{AppError, AppResult};
use crate::site::sync::Ended;

/// The most of the sync log read back for its last line.
const TAIL: u64 = 8192;

/// How the sync command ended.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncRun {
    /// Its exit code (`None`: a signal ended it).
    pub code: Option<i32>,
    /// It ran past the timeout and was stopped.
    pub timed_out: bool,
    /// The last line it wrote, control characters removed.
    pub last_line: String,
    /// Everything it wrote.
    pub log: PathBuf,
    pub secs: f64,
}

/// Runs `cmd` on the live folder with its output in a fresh log file, stopping it after
/// `timeout`.
pub fn run_logged(cmd: &str, live: &Path, timeout: Duration) -> AppResult<SyncRun> {
    let started = Instant::now();
    // One log per session, made anew by each sync (the terminal app runs one at a time), so
    // a day of exports leaves one file behind, not one per export.
    let log = std::env::temp_dir().join(format!("newsdesk-sync-{}.log", std::process::id()));
    let file = create_log(&log).map_err(|e| AppError::SyncLog {
        path: log.clone(),
        err: e.to_string(),
    })?;
    let ended = crate::site::sync::run_logged(cmd, live, file, timeout)?;
    let (code, timed_out) = match ended {
        Ended::Exited(code) => (code, false),
        Ended::TimedOut => (None, true),
    };
    Ok(SyncRun {
        code,
        timed_out,
        last_line: last_line(&log),
        log,
        secs: started.elapsed().as_secs_f64(),
    })
}

/// A fresh file only this user can read; one made by someone else (or a link) is refused.
fn create_log(path: &Path) -> std::io::Result<File> {
    let _ = std::fs::remove_file(path);
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// The last line with text in the log, without escape sequences or control characters
/// (what the command wrote must not reach the terminal as commands).
fn last_line(path: &Path) -> String {
    let mut bytes = Vec::new();
    if let Ok(mut f) = File::open(path) {
        let len = f.metadata().map_or(0, |m| m.len());
        let _ = f.seek(SeekFrom::Start(len.saturating_sub(TAIL)));
        let _ = f.read_to_end(&mut bytes);
    }
    let text = String::from_utf8_lossy(&bytes);
    let line = text
        .split(['\n', '\r'])
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or_default();
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            // CSI (ESC [ … final byte) and two-character escapes.
            '\u{1b}' => {
                if chars.next() == Some('[') {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.trim().chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_line_skips_blank_lines_carriage_returns_and_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("sync.log");
        std::fs::write(&log, "sending\n 10%\r 100%\x1b[2K\n\n").unwrap();
        assert_eq!(last_line(&log), "100%");
        std::fs::write(&log, "\x1b[31mrsync error\x1b[0m: code 23\x07\n").unwrap();
        assert_eq!(last_line(&log), "rsync error: code 23");
        std::fs::write(&log, "").unwrap();
        assert_eq!(last_line(&log), "");
    }

    #[test]
    fn the_sync_runs_with_its_output_in_the_log_and_stops_at_the_timeout() {
        let live = tempfile::tempdir().unwrap();
        let run = run_logged(
            "printf 'sending\\n\\033[1mdone\\n'; exit 3",
            live.path(),
            Duration::from_secs(30),
        )
        .unwrap();
        assert_eq!((run.code, run.timed_out), (Some(3), false));
        assert_eq!(run.last_line, "done");
        assert!(
            std::fs::read_to_string(&run.log)
                .unwrap()
                .starts_with("sending")
        );
        let run = run_logged("sleep 30", live.path(), Duration::from_millis(300)).unwrap();
        assert!(run.timed_out && run.code.is_none(), "{run:?}");
        assert!(run.secs < 20.0, "{run:?}");
    }
}
