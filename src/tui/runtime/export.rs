//! Ctrl-X's export (and sync) on a thread of its own, with a store connection of its own (the
//! loop's is never shared). Progress and the summary come back as actions over a channel; the
//! loop waits on it only while a job runs (see `POLL`).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::app::Session as Context;
use crate::app::export::{export_site_with_progress, settings};
use crate::domain::Actor;
use crate::i18n::Lang;
use crate::site::{self, Phase, Progress};
use crate::store::Store;
use crate::tui::action::{Action, ExportSummary, SyncSummary};

/// How often the loop looks at the channel while a job runs (and only then): crossterm's
/// poll cannot be woken from another thread, so it waits in slices this long instead.
pub const POLL: Duration = Duration::from_millis(50);

const THREAD: &str = "newsdesk-export";

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
    /// `actor`: who exports, and the time due articles are published at.
    pub fn start(db: PathBuf, actor: Actor, sync: bool, lang: Lang) -> std::io::Result<Job> {
        let (tx, rx) = mpsc::channel();
        let handle = thread::Builder::new().name(THREAD.into()).spawn(move || {
            let result = run(&db, &actor, sync, lang, &tx);
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
    actor: &Actor,
    sync: bool,
    lang: Lang,
    tx: &Sender<Action>,
) -> Result<ExportSummary, String> {
    let started = Instant::now();
    let mut store = Store::open(db).map_err(|e| crate::words::describe_store(&e, lang))?;
    let mut progress = |p: Progress| {
        let _ = tx.send(Action::ExportProgress(p));
    };
    let done = export_site_with_progress(&mut store, None, None, actor, &mut progress)
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

/// The sync, with its output in this session's log file, as the summary shows it.
fn run_sync(cmd: &str, live: &Path, lang: Lang, timeout: Duration) -> Result<SyncSummary, String> {
    let run = crate::app::sync::run_logged(cmd, live, timeout)
        .map_err(|e| crate::words::describe_app(&e, lang))?;
    Ok(SyncSummary {
        code: run.code,
        timed_out: run
            .timed_out
            .then(|| site::settings::format_duration(timeout)),
        last_line: run.last_line,
        log: run.log,
        secs: run.secs,
    })
}
