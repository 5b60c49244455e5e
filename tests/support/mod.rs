//! What the integration tests share, by subject. Every test file that needs a helper says
//! `mod support;` and imports from the submodule it needs:
//!
//! - `clock`: the newsroom's fixed day (26 November 2026) and zone (UTC+7);
//! - `store`: temporary database files and the store's fixed user;
//! - `cli`: the built binary run against a database in a temporary folder;
//! - `tui`: keys fed to `update`, the screen drawn on a `TestBackend`, the editor's state;
//!   `tui::newsroom` the five-article list and open article of the language tests;
//! - `pty`: the real binary in tmux;
//! - `media`: real image files made with the `image` crate;
//! - `site`: a newsroom exported with the library, and the output tree;
//! - `import`: hostile import documents and their checks (kept in `tests/import_support/`,
//!   which `examples/fuzz_import.rs` includes by path too).
//!
//! Snapshot helpers stay in the test files: `insta` names a snapshot after the module that
//! calls it, so a shared one would rename every snapshot.

// Every test file is its own crate and uses a different part of this module; what one of them
// leaves unused is not dead code.
#![allow(dead_code)]

pub mod cli;
pub mod clock;
pub mod media;
pub mod pty;
pub mod site;
pub mod store;
pub mod tui;

#[path = "../import_support/mod.rs"]
pub mod import;
