//! Ctrl-X's export (and sync) on a thread of its own, with a store connection of its own (the
//! loop's is never shared). Progress and the summary come back as actions over a channel; the
//! loop waits on it only while a job runs (see `POLL`).

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use chrono::Utc;

use crate::app::Session as Context;
use crate::app::export::{export_site_with_progress, settings};
use crate::domain::Actor;
use crate::i18n::Lang;
use crate::site::sync::Ended;
use crate::site::{self, Phase, Progress};
use crate::store::Store;
use crate::tui::action::{Action, ExportSummary, SyncSummary};
use crate::tui::msg::{Msg, text};
use crate::words::describe_site;

/// How often the loop looks at the channel while a job runs (and only then): crossterm's
/// poll cannot be woken from another thread, so it waits in slices this long instead.
pub const POLL: Duration = Duration::from_millis(50);

const THREAD: &str = "newsdesk-export";

/// The most of the sync log read back for its last line.
const TAIL: u64 = 8192;

/// The settings the question names: the export folder and the sync command line.
pub fn prepare(ctx: &Context) -> Action {
    match settings(&ctx.store, None) {
        Ok(s) => {
            let out = s.export_dir.map(PathBuf::from);
            let sync = match (&s.sync_command, &out) {
                (Some(cmd), Some(out)) => Some(site::sync::command_line(cmd, out)),
                _ => None,
            };
            Action::ExportReady { out, sync }
        }
        Err(e) => Action::Failed(e.into()),
    }
}

/// An export running on its thread.
pub struct Job {
    rx: Receiver<Action>,
    handle: JoinHandle<()>,
}

impl Job {
    pub fn start(db: PathBuf, user: String, sync: bool, lang: Lang) -> std::io::Result<Job> {
        let (tx, rx) = mpsc::channel();
        let handle = thread::Builder::new().name(THREAD.into()).spawn(move || {
            let result = run(&db, &user, sync, lang, &tx);
            let _ = tx.send(Action::ExportFinished(result));
        })?;
        Ok(Job { rx, handle })
    }

    /// What the thread sent since last time, and whether it has ended (its last word is then
    /// among them, unless it panicked).
    pub fn news(&self) -> (Vec<Action>, bool) {
        let mut got = Vec::new();
        loop {
            match self.rx.try_recv() {
                Ok(a) => got.push(a),
                Err(TryRecvError::Empty) => return (got, false),
                Err(TryRecvError::Disconnected) => return (got, true),
            }
        }
    }

    /// Waits for the thread; the panic message if it panicked.
    pub fn join(self) -> Option<String> {
        let payload = self.handle.join().err()?;
        Some(
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default(),
        )
    }
}

fn run(
    db: &Path,
    user: &str,
    sync: bool,
    lang: Lang,
    tx: &Sender<Action>,
) -> Result<ExportSummary, String> {
    let started = Instant::now();
    let mut store = Store::open(db).map_err(|e| crate::words::describe_store(&e, lang))?;
    let actor = Actor::new(user, Utc::now());
    let mut progress = |p: Progress| {
        let _ = tx.send(Action::ExportProgress(p));
    };
    let done = export_site_with_progress(&mut store, None, None, &actor, &mut progress)
        .map_err(|e| crate::words::describe_app(&e, lang))?;
    let timeout = store
        .settings()
        .map_err(|e| crate::words::describe_store(&e, lang))
        .and_then(|m| {
            site::settings::sync_timeout(&m).map_err(|e| crate::words::describe_site(&e, lang))
        })?;
    drop(store);
    let r = &done.report;
    let mut summary = ExportSummary {
        published: done.published,
        written: r.written,
        unchanged: r.unchanged,
        removed: r.removed,
        live: r.live.clone(),
        secs: started.elapsed().as_secs_f64(),
        sync: None,
    };
    if sync && let Some(cmd) = &done.settings.sync_command {
        progress(Progress::new(Phase::Syncing, 0, 0));
        summary.sync = Some(run_sync(cmd, &r.live, lang, timeout));
    }
    Ok(summary)
}

/// Runs the sync command with its output in this session's log file.
fn run_sync(cmd: &str, live: &Path, lang: Lang, timeout: Duration) -> Result<SyncSummary, String> {
    let started = Instant::now();
    let log = std::env::temp_dir().join(format!("newsdesk-sync-{}.log", std::process::id()));
    let file = create_log(&log).map_err(|e| {
        let reason = e.to_string();
        let m = Msg::SyncLogFailed {
            path: &log,
            reason: &reason,
        };
        text(lang, &m).into_owned()
    })?;
    let ended =
        site::sync::run_logged(cmd, live, file, timeout).map_err(|e| describe_site(&e, lang))?;
    let (code, timed_out) = match ended {
        Ended::Exited(code) => (code, None),
        Ended::TimedOut => (None, Some(site::settings::format_duration(timeout))),
    };
    Ok(SyncSummary {
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
}
