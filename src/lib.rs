//! newsdesk: a newsroom in the terminal.
//!
//! Layers point inward: `cli` → `site`, `store` → `media`, `domain`. `domain`, `media`, `store`
//! and `site` know nothing of the terminal.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod cli;
pub mod config;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod media;
pub mod site;
pub mod store;
pub mod tui;
