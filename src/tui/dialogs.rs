//! Keys and set-up for the dialogs: help, leave-with-unsaved-changes, status menu, conflict.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Effect;
use super::msg::Msg;
use super::state::{Dialog, EditorState, State};
use super::update::{export_key, leave, save, say, warn};
use crate::domain::{Article, Status, allowed_moves, time::parse_time};

pub fn key(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    let Some(dialog) = s.dialog.take() else {
        return Vec::new();
    };
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    match dialog {
        Dialog::Help => Vec::new(),
        Dialog::Recover {
            written_at,
            diff,
            recovered,
        } => match k.code {
            KeyCode::Char('r') | KeyCode::Enter => {
                let tz = s.tz;
                if let Some(e) = s.editor.as_mut() {
                    e.load_fields(&recovered, tz);
                }
                say(s, Msg::Recovered);
                Vec::new()
            }
            KeyCode::Char('d') => {
                let id = s.editor.as_ref().and_then(|e| e.id);
                say(s, Msg::RecoveryDiscarded);
                vec![Effect::DiscardRecovery(id)]
            }
            _ => {
                s.dialog = Some(Dialog::Recover {
                    written_at,
                    diff,
                    recovered,
                });
                Vec::new()
            }
        },
        Dialog::ConfirmLeave { then } => match k.code {
            KeyCode::Char('s' | 'y') | KeyCode::Enter => {
                s.after_save = Some(then);
                save(s)
            }
            KeyCode::Char('d' | 'n') => {
                let mut id = None;
                if let Some(e) = s.editor.as_mut() {
                    e.dirty = false;
                    id = e.id;
                }
                let mut fx = vec![Effect::DiscardRecovery(id)];
                fx.extend(leave(s, then));
                fx
            }
            KeyCode::Char('q') if ctrl => {
                s.dialog = Some(Dialog::ConfirmLeave { then });
                Vec::new()
            }
            KeyCode::Esc | KeyCode::Char('c') => Vec::new(),
            _ => {
                s.dialog = Some(Dialog::ConfirmLeave { then });
                Vec::new()
            }
        },
        Dialog::StatusMenu {
            choices,
            mut selected,
            mut at,
        } => {
            match k.code {
                KeyCode::Esc => return Vec::new(),
                KeyCode::Up => selected = selected.saturating_sub(1),
                KeyCode::Down => selected = (selected + 1).min(choices.len().saturating_sub(1)),
                KeyCode::Enter => return choose_status(s, &choices, selected, at),
                KeyCode::Backspace => {
                    at.pop();
                }
                KeyCode::Char(c) if !ctrl && choices.get(selected) == Some(&Status::Scheduled) => {
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
        Dialog::ConfirmExport { out, sync } => export_key(s, k, out, sync),
        Dialog::Conflict {
            kept_rev,
            their_version,
            theirs_by,
            theirs_at,
            diff,
        } => match k.code {
            // Keep theirs: load the stored version; ours stays in history.
            KeyCode::Char('t') => match s.editor.as_ref().and_then(|e| e.id) {
                Some(id) => {
                    if let Some(e) = s.editor.as_mut() {
                        e.dirty = false;
                    }
                    say(s, Msg::KeptTheirs { rev: kept_rev });
                    vec![Effect::LoadArticle(id)]
                }
                None => Vec::new(),
            },
            // Keep mine: save again over their version, deliberately.
            KeyCode::Char('m') => {
                if let Some(e) = s.editor.as_mut() {
                    e.base_version = their_version;
                }
                save(s)
            }
            // Copy mine aside: ours is already a revision; say where, keep editing.
            KeyCode::Char('c') | KeyCode::Esc => {
                say(s, Msg::KeptAside { rev: kept_rev });
                Vec::new()
            }
            _ => {
                s.dialog = Some(Dialog::Conflict {
                    kept_rev,
                    their_version,
                    theirs_by,
                    theirs_at,
                    diff,
                });
                Vec::new()
            }
        },
    }
}

/// Opens the status menu for the open article, or the selected one in the list.
pub fn open_status_menu(s: &mut State) {
    let current = match s.editor.as_ref() {
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
    let id = match s.editor.as_ref() {
        Some(e) => e.id,
        None => s.list.selected_row().map(|r| r.id),
    };
    let Some(id) = id else {
        return Vec::new();
    };
    let at_time = if at.trim().is_empty() {
        None
    } else {
        match parse_time(&at, s.tz) {
            Some(t) => Some(t),
            None => {
                warn(s, Msg::BadTime { input: &at });
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
    let mine = s
        .editor
        .as_ref()
        .map(EditorState::fields)
        .unwrap_or_default();
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
