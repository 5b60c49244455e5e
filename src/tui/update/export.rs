//! Ctrl-X: ask, then export the site (and sync it) in the background. The export runs on a
//! thread of the runtime's; here are the question, the progress it reports and the summary.

use std::path::PathBuf;

use super::{error, info, reload_list, say, warn};
use crate::site::{Phase, Progress};
use crate::tui::action::{Effect, ExportSummary};
use crate::tui::keymap::Command;
use crate::tui::msg::{Msg, export_failed, text};
use crate::tui::state::{Dialog, ExportRun, State};

/// Ctrl-X: refused while an export runs; otherwise the settings are read to ask.
pub fn start(s: &mut State) -> Vec<Effect> {
    if refuse_second(s) {
        return Vec::new();
    }
    vec![Effect::PrepareExport]
}

fn refuse_second(s: &mut State) -> bool {
    let Some(run) = s.export else { return false };
    warn(s, Msg::ExportRunning(run.progress));
    true
}

/// The settings arrived: ask, naming the folder and the sync command.
pub fn ready(s: &mut State, out: Option<PathBuf>, sync: Option<String>) -> Vec<Effect> {
    if refuse_second(s) {
        return Vec::new();
    }
    match out {
        Some(out) => {
            s.dialog = Some(Dialog::ConfirmExport {
                out: out.display().to_string(),
                sync,
            })
        }
        None => warn(s, Msg::NoExportDir),
    }
    Vec::new()
}

/// The export question's answer: yes starts it, no does not, anything else asks on.
pub fn answer(
    s: &mut State,
    cmd: Option<Command>,
    out: String,
    sync: Option<String>,
) -> Vec<Effect> {
    match cmd {
        Some(Command::Accept) => {
            if refuse_second(s) {
                return Vec::new();
            }
            let sync = sync.is_some();
            s.export = Some(ExportRun {
                progress: Progress::new(Phase::Publishing, 0, 0),
                sync,
            });
            // The bar on the status line says it has started.
            s.message = None;
            vec![Effect::Export { sync }]
        }
        Some(Command::Cancel) => {
            say(s, Msg::ExportCancelled);
            Vec::new()
        }
        _ => {
            s.dialog = Some(Dialog::ConfirmExport { out, sync });
            Vec::new()
        }
    }
}

pub fn progress(s: &mut State, p: Progress) -> Vec<Effect> {
    if let Some(run) = s.export.as_mut() {
        run.progress = p;
    }
    Vec::new()
}

/// The export ended: the summary (or what failed) on the status line. Articles it published
/// on schedule changed status, so the list is loaded again.
pub fn finished(s: &mut State, result: Result<ExportSummary, String>) -> Vec<Effect> {
    s.export = None;
    match result {
        Ok(summary) => {
            let done = text(s.lang, &Msg::ExportDone(&summary)).into_owned();
            s.message = Some(if export_failed(&summary) {
                error(done)
            } else {
                info(done)
            });
            if summary.published.is_empty() {
                return Vec::new();
            }
            // The open article, if the export just published it on top of the version the
            // editor has, takes the move in as after Ctrl-L (a colleague's save in between
            // is left to the conflict dialog).
            let tz = s.tz;
            if let Some(e) = s.editor_mut()
                && let Some(a) = summary
                    .published
                    .iter()
                    .find(|a| e.id == Some(a.id) && a.version == e.base_version + 1)
            {
                e.sync_with(a, tz);
            }
            vec![reload_list(s)]
        }
        Err(e) => {
            warn(s, Msg::ExportFailed { reason: &e });
            Vec::new()
        }
    }
}
