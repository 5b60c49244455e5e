//! Status-line messages: plain text, or a `Msg` put in the state's language.

use crate::tui::msg::{Msg, text};
use crate::tui::state::{Message, State};

pub fn info(text: String) -> Message {
    Message { text, error: false }
}

pub fn error(text: String) -> Message {
    Message { text, error: true }
}

/// Puts a message on the status line, in the state's language.
pub fn say(s: &mut State, m: Msg) {
    s.message = Some(info(text(s.lang, &m).into_owned()));
}

/// Puts an error on the status line, in the state's language.
pub fn warn(s: &mut State, m: Msg) {
    s.message = Some(error(text(s.lang, &m).into_owned()));
}
