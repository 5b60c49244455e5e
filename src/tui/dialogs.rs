//! Keys and set-up for the dialogs: help, leave-with-unsaved-changes, status menu, conflict.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Effect;
use super::keymap::{self, Command as C, Context, Key};
use super::layout::HelpGrid;
use super::msg::Msg;
use super::state::{Dialog, EditorState, State};
use super::update::{export_answer, leave, save, say, warn};
use crate::domain::{Article, Status, allowed_moves};

/// The key table a dialog answers from (`None`: the help screen, which any key closes).
pub fn context_of(dialog: &Dialog) -> Option<Context> {
    match dialog {
        Dialog::Help { .. } => Some(Context::HelpDialog),
        Dialog::Leader => Some(Context::Leader),
        Dialog::ConfirmLeave { .. } => Some(Context::LeaveDialog),
        Dialog::StatusMenu { .. } => Some(Context::StatusDialog),
        Dialog::Recover { .. } => Some(Context::RecoverDialog),
        Dialog::ConfirmExport { .. } => Some(Context::ExportDialog),
        Dialog::Conflict { .. } => Some(Context::ConflictDialog),
    }
}

pub fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let Some(dialog) = s.dialog.take() else {
        return Vec::new();
    };
    let Some(ctx) = context_of(&dialog) else {
        return Vec::new();
    };
    let cmd = keymap::lookup(ctx, Key::from_event(&k));
    match (dialog, cmd) {
        // The leader's letter runs its command as its own key would; any other key (Esc)
        // just closes the menu.
        (Dialog::Leader, Some(C::Cancel) | None) => Vec::new(),
        (Dialog::Leader, Some(cmd)) => super::update::command(s, cmd),
        (Dialog::Help { scroll }, cmd) => {
            let area = ratatui::layout::Rect::new(0, 0, s.width, s.height);
            let grid = HelpGrid::new(area, keymap::help_entries(s.lang).len());
            let (max, page) = (grid.max_scroll(), grid.visible.saturating_sub(1).max(1));
            let scroll = match cmd {
                Some(C::Up) => scroll.saturating_sub(1),
                Some(C::Down) => scroll + 1,
                Some(C::PageUp) => scroll.saturating_sub(page),
                Some(C::PageDown) => scroll + page,
                Some(C::Home) => 0,
                Some(C::End) => max,
                // Any other key closes the help, and does nothing else.
                _ => return Vec::new(),
            };
            s.dialog = Some(Dialog::Help {
                scroll: scroll.min(max),
            });
            Vec::new()
        }
        (Dialog::Recover { recovered, .. }, Some(C::RecoverText)) => {
            let tz = s.tz;
            if let Some(e) = s.editor_mut() {
                e.load_fields(&recovered, tz);
            }
            say(s, Msg::Recovered);
            Vec::new()
        }
        (Dialog::Recover { .. }, Some(C::DiscardRecovered)) => {
            let id = s.editor().and_then(|e| e.id);
            say(s, Msg::RecoveryDiscarded);
            vec![Effect::DiscardRecovery(id)]
        }
        (Dialog::ConfirmLeave { then }, Some(C::SaveAndLeave)) => {
            if let Some(a) = s.article_mut() {
                a.after_save = Some(then);
            }
            save(s)
        }
        (Dialog::ConfirmLeave { then }, Some(C::DiscardAndLeave)) => {
            let mut id = None;
            if let Some(e) = s.editor_mut() {
                e.dirty = false;
                id = e.id;
            }
            let mut fx = vec![Effect::DiscardRecovery(id)];
            fx.extend(leave(s, then));
            fx
        }
        (Dialog::ConfirmLeave { .. }, Some(C::Stay)) => Vec::new(),
        (Dialog::StatusMenu { .. }, Some(C::Cancel)) => Vec::new(),
        (
            Dialog::StatusMenu {
                choices,
                selected,
                at,
            },
            Some(C::Accept),
        ) => choose_status(s, &choices, selected, at),
        (
            Dialog::StatusMenu {
                choices,
                mut selected,
                mut at,
            },
            cmd,
        ) => {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            match (cmd, k.code) {
                (Some(C::Up), _) => selected = selected.saturating_sub(1),
                (Some(C::Down), _) => {
                    selected = (selected + 1).min(choices.len().saturating_sub(1))
                }
                (_, KeyCode::Backspace) => {
                    at.pop();
                }
                // The publish time is typed right in the menu, when scheduling.
                (_, KeyCode::Char(c))
                    if !ctrl && choices.get(selected) == Some(&Status::Scheduled) =>
                {
                    at.push(c)
                }
                _ => {}
            }
            s.dialog = Some(Dialog::StatusMenu {
                choices,
                selected,
                at,
            });
            Vec::new()
        }
        (Dialog::ConfirmExport { out, sync }, cmd) => export_answer(s, cmd, out, sync),
        (Dialog::Conflict { kept_rev, .. }, Some(C::KeepTheirs)) => {
            // Load the stored version; ours stays in history.
            match s.editor().and_then(|e| e.id) {
                Some(id) => {
                    if let Some(e) = s.editor_mut() {
                        e.dirty = false;
                    }
                    say(s, Msg::KeptTheirs { rev: kept_rev });
                    vec![Effect::LoadArticle(id)]
                }
                None => Vec::new(),
            }
        }
        (Dialog::Conflict { their_version, .. }, Some(C::KeepMine)) => {
            // Save again over their version, deliberately.
            if let Some(e) = s.editor_mut() {
                e.base_version = their_version;
            }
            save(s)
        }
        (Dialog::Conflict { kept_rev, .. }, Some(C::CopyAside)) => {
            // Ours is already a revision: say where, keep editing.
            say(s, Msg::KeptAside { rev: kept_rev });
            Vec::new()
        }
        // Any other key leaves the question as it was.
        (dialog, _) => {
            s.dialog = Some(dialog);
            Vec::new()
        }
    }
}

/// Opens the status menu for the open article, or the selected one in the list.
pub fn open_status_menu(s: &mut State) {
    let current = match s.editor() {
        Some(e) if e.id.is_some() => {
            if e.dirty {
                warn(s, Msg::SaveFirst);
                return;
            }
            Some(e.status)
        }
        Some(_) => None,
        None => s.list.selected_row().map(|r| r.status),
    };
    let Some(status) = current else {
        say(s, Msg::NothingToMove);
        return;
    };
    s.dialog = Some(Dialog::StatusMenu {
        choices: allowed_moves(status),
        selected: 0,
        at: String::new(),
    });
}

fn choose_status(s: &mut State, choices: &[Status], selected: usize, at: String) -> Vec<Effect> {
    let Some(&to) = choices.get(selected) else {
        return Vec::new();
    };
    let id = match s.editor() {
        Some(e) => e.id,
        None => s.list.selected_row().map(|r| r.id),
    };
    let Some(id) = id else {
        return Vec::new();
    };
    let at_time = if at.trim().is_empty() {
        None
    } else {
        match crate::tui::state::read_time(&at, s.tz) {
            Ok(t) => Some(t),
            Err(bad) => {
                warn(s, bad.msg());
                s.dialog = Some(Dialog::StatusMenu {
                    choices: choices.to_vec(),
                    selected,
                    at,
                });
                return Vec::new();
            }
        }
    };
    vec![Effect::SetStatus {
        id,
        to,
        at: at_time,
    }]
}

/// The first body line where two versions differ (line 0: the title), as (line, a, b).
pub fn first_difference(
    a: &crate::domain::ArticleFields,
    b: &crate::domain::ArticleFields,
) -> Option<(usize, String, String)> {
    let a_lines: Vec<&str> = a.body.lines().collect();
    let b_lines: Vec<&str> = b.body.lines().collect();
    let n = a_lines.len().max(b_lines.len());
    (0..n)
        .find_map(|i| {
            let (x, y) = (a_lines.get(i), b_lines.get(i));
            (x != y).then(|| {
                (
                    i + 1,
                    x.map(|v| v.to_string()).unwrap_or_default(),
                    y.map(|v| v.to_string()).unwrap_or_default(),
                )
            })
        })
        .or_else(|| (a.title != b.title).then(|| (0, a.title.clone(), b.title.clone())))
}

/// The conflict dialog: who saved, when, and the first line where the versions differ.
pub fn conflict(s: &State, theirs: &Article, kept_rev: i64) -> Dialog {
    let mine = s.editor().map(EditorState::fields).unwrap_or_default();
    let diff = first_difference(&theirs.fields(), &mine);
    Dialog::Conflict {
        theirs_by: theirs.updated_by.clone(),
        theirs_at: theirs
            .updated_at
            .with_timezone(&s.tz)
            .format("%H:%M %d/%m/%Y")
            .to_string(),
        kept_rev,
        diff,
        their_version: theirs.version,
    }
}
