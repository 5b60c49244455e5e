//! newsdesk: a newsroom in the terminal.
//!
//! Layers point inward: `cli` → `store` → `domain`. `domain` and `store` know nothing of the
//! terminal.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod cli;
pub mod domain;
pub mod site;
pub mod store;
pub mod tui;
