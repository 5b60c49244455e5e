//! The open article's soft lock as `update` sees it: taken, held by someone else (read-only),
//! lost to a take-over, taken over by us, and given up on leaving.

use chrono::{DateTime, Utc};

use super::{say, warn};
use crate::domain::Article;
use crate::tui::action::Effect;
use crate::tui::msg::Msg;
use crate::tui::state::{EditLock, LockHolder, State};

/// Our lock on `id` was taken (or taken over from `from`).
pub fn taken(s: &mut State, id: i64, from: Option<String>) -> Vec<Effect> {
    match s.editor_mut().filter(|e| e.id == Some(id)) {
        Some(e) => {
            let was_read_only = e.read_only().is_some();
            e.lock = EditLock::Held;
            if let Some(user) = from {
                say(s, Msg::TookOverFrom { user: &user });
            } else if was_read_only {
                s.message = None;
            }
            // Whoever held it may have saved while we read: their version is the one to edit.
            if was_read_only {
                vec![Effect::Refresh(id)]
            } else {
                Vec::new()
            }
        }
        // The article was left meanwhile: give the lock straight back.
        None => vec![Effect::ReleaseLock(id)],
    }
}

/// The open article read again after a take-over: taken in unless there is unsaved text (a
/// colleague's save over unsaved text is for the conflict dialog, at the next save).
pub fn refreshed(s: &mut State, a: &Article) {
    let tz = s.tz;
    if let Some(e) = s.editor_mut().filter(|e| e.id == Some(a.id) && !e.dirty) {
        e.sync_with(a, tz);
    }
}

/// Someone else is editing `id`: open it read-only (the editor shows who, where and since).
pub fn held(s: &mut State, id: i64, holder: LockHolder) {
    if let Some(e) = s.editor_mut().filter(|e| e.id == Some(id)) {
        e.lock = EditLock::ReadOnly(holder);
        say(s, Msg::OpenedReadOnly);
    }
}

/// Our lock was taken over: the save (if one was asked for) did not happen; read-only now.
/// For an article not open here (a status move from the list), just say who is editing it.
pub fn lost(s: &mut State, id: i64, holder: LockHolder) {
    let since = local_time(s, holder.since);
    s.give_up_leave();
    match s.editor_mut().filter(|e| e.id == Some(id)) {
        Some(e) => {
            e.lock = EditLock::ReadOnly(holder.clone());
            warn(
                s,
                Msg::LockLost {
                    user: &holder.user,
                    host: &holder.host,
                    at: &since,
                },
            );
        }
        None => warn(
            s,
            Msg::LockedBy {
                user: &holder.user,
                host: &holder.host,
                since: &since,
            },
        ),
    }
}

/// Ctrl-K on a read-only article: take the lock deliberately.
pub fn take_over(s: &mut State) -> Vec<Effect> {
    match s.editor() {
        Some(e) if e.read_only().is_some() => e.id.map(Effect::TakeOverLock).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// Says why a change is refused on a read-only article; true when it is read-only.
pub fn refuse_read_only(s: &mut State) -> bool {
    let Some(holder) = s.editor().and_then(|e| e.read_only()) else {
        return false;
    };
    let user = holder.user.clone();
    warn(s, Msg::ReadOnlyRefused { user: &user });
    true
}

/// Gives up the open article's lock, if we hold it (leaving it, or quitting).
pub fn release(s: &mut State) -> Vec<Effect> {
    let Some(e) = s.editor_mut() else {
        return Vec::new();
    };
    let Some(id) = e.held_lock() else {
        return Vec::new();
    };
    e.lock = EditLock::Unlocked;
    vec![Effect::ReleaseLock(id)]
}

fn local_time(s: &State, t: DateTime<Utc>) -> String {
    t.with_timezone(&s.tz).format("%H:%M").to_string()
}
