//! The terminal app: state, actions, a pure update, keymap, views and the one impure loop.

pub mod action;
mod backend;
mod dialogs;
pub mod keymap;
pub mod runtime;
pub mod state;
mod strings;
pub mod update;
pub mod view;

pub use runtime::run;
