//! Saving: asking for the save (publish time checked) and taking in the saved article.

use super::{leave, locks, reload_list, say, warn};
use crate::domain::Article;
use crate::tui::action::Effect;
use crate::tui::msg::Msg;
use crate::tui::state::{EditLock, State};

pub fn save(s: &mut State) -> Vec<Effect> {
    let fx = ask_save(s);
    // A save not asked for gives up the leave that waited on it, or the next save would run it.
    if fx.is_empty() {
        s.give_up_leave();
    }
    fx
}

fn ask_save(s: &mut State) -> Vec<Effect> {
    if locks::refuse_read_only(s) {
        return Vec::new();
    }
    let Some(e) = s.editor() else {
        say(s, Msg::NothingToSave);
        return Vec::new();
    };
    let mut fields = e.fields();
    match e.publish_at(s.tz) {
        Ok(at) => fields.publish_at = at,
        Err(bad) => {
            warn(s, bad.msg());
            return Vec::new();
        }
    }
    vec![Effect::Save {
        id: e.id,
        fields,
        base_version: e.base_version,
    }]
}

pub(crate) fn saved(s: &mut State, a: &Article) -> Vec<Effect> {
    let mut fx = Vec::new();
    let tz = s.tz;
    if let Some(e) = s
        .editor_mut()
        .filter(|e| e.id.is_none() || e.id == Some(a.id))
    {
        e.sync_with(a, tz);
        e.dirty = false;
        // A new article is locked from its first save on.
        if e.lock == EditLock::Unlocked {
            fx.push(Effect::TakeLock(a.id));
        }
    }
    say(
        s,
        Msg::Saved {
            title: &a.title,
            version: a.version,
            status: a.status,
        },
    );
    s.list.follow = Some(a.id);
    // Saved: the recovery copies of this article (and of it before its first save) go.
    fx.extend([
        Effect::DiscardRecovery(Some(a.id)),
        Effect::DiscardRecovery(None),
        reload_list(s),
    ]);
    let then = s
        .article_mut()
        .filter(|o| o.editor.id == Some(a.id))
        .and_then(|o| o.after_save.take());
    if let Some(then) = then {
        fx.extend(leave(s, then));
    }
    fx
}
