//! Leaving the open article, to quit, start a new one, open another, close or restore.

use super::{locks, revisions, say, typing};
use crate::tui::action::Effect;
use crate::tui::msg::Msg;
use crate::tui::state::{AfterLeave, Dialog, EditorState, Pane, Screen, State};

/// Asks before leaving an article with unsaved changes; otherwise leaves at once.
pub fn leave_or_ask(s: &mut State, then: AfterLeave) -> Vec<Effect> {
    if s.editor().is_some_and(|e| e.dirty) {
        s.dialog = Some(Dialog::ConfirmLeave { then });
        return Vec::new();
    }
    leave(s, then)
}

/// Leaves the open article (its changes saved or discarded) and does `then`.
pub fn leave(s: &mut State, then: AfterLeave) -> Vec<Effect> {
    match then {
        AfterLeave::Quit => {
            s.quit = true;
            locks::release(s)
        }
        AfterLeave::NewArticle => {
            typing::forget(s);
            let fx = locks::release(s);
            revisions::close_unless_for(s, None);
            s.close_gallery();
            s.set_editor(EditorState::new_article(s.tz));
            s.preview = None;
            s.focus = Pane::Editor;
            s.right_is_preview = false;
            say(s, Msg::NewArticleHint);
            fx
        }
        AfterLeave::Open(id) => vec![Effect::LoadArticle(id)],
        AfterLeave::CloseEditor => {
            let fx = locks::release(s);
            revisions::close_unless_for(s, None);
            s.screen = Screen::List;
            s.focus = Pane::List;
            fx
        }
        AfterLeave::Restore(rev) => match s.editor().and_then(|e| e.id) {
            Some(id) => vec![Effect::Restore { id, rev }],
            None => Vec::new(),
        },
    }
}
