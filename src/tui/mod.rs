//! The terminal app: state, actions, a pure update, keymap, views and the one impure loop.

pub mod action;
mod backend;
mod dialogs;
pub mod keymap;
pub mod layout;
pub mod msg;
pub mod preview_text;
pub mod runtime;
pub mod state;
pub mod update;
pub mod view;

pub use runtime::run_with;
pub use state::Settings;
