//! newsdesk: a newsroom in the terminal. Editors SSH into the newsroom's host and write, edit,
//! review and publish articles from the keyboard; articles live in one SQLite file, and the
//! public site is a folder of static HTML that newsdesk exports and syncs.
//!
//! # The map (kept true here, where it changes with the code)
//!
//! Dependencies point one way:
//!
//! ```text
//!   main.rs ──► cli ──┐                      (main chooses the front end; cli and tui
//!        └────► tui ──┴─► app ─► site, store, media ─► domain     never import each other)
//!                  └──────► words ◄─┘  (both front ends word app, store, site and domain
//!                                        errors through words)
//! ```
//!
//! - `domain/`: pure. Article, Status and its moves, validation, slugs, front matter in and
//!   out, times, Vietnamese text rules (NFC, folding, word counts), Telex/VNI (`vietime`).
//!   No I/O, no UI, no SQL.
//! - `store/`: the only module that names rusqlite. Open (telling a damaged file, a read-only
//!   folder and a full disk apart), numbered migrations, articles, revisions, import identity,
//!   locks, recovery copies, photos, search (FTS5), settings.
//! - `media/`: photo formats, checks and renditions (no SQL, no UI).
//! - `site/`: export. Plan (what is published, in a total order) → render (pure: page →
//!   bytes) → publish (a build folder beside the live one, synced to disk, switched in by one
//!   rename, then the sync command with a timeout). Never reads the database.
//! - `files`: reading a named file with an end (regular files only, under a size limit).
//! - `app/`: the use cases both front ends call, with a `Session` (store, database path, user,
//!   clock, zone): the editor's save (its lock first, then its base version: `LockLost` and
//!   `Conflict` come back as data), status moves, restores and purges under one lock policy
//!   (`Respect` or `TakeOver`), export with progress (due articles published in the step
//!   that switches the site), the sync with a log and a timeout, the photo library (add, find,
//!   list, texts, remove) and the alt-text check, an article's photos (`photos`: attach as
//!   lead or to the gallery, move, texts, take off) under the same lock policy, the demo
//!   newsroom; reading (`reading`: list pages, searches that fold diacritics, one article
//!   with its recovery copy, history, one revision); the editor's hold (`locks`: take, take
//!   over naming who had it, heartbeat, release, recovery copies); the Markdown import
//!   (`read` one file safely; `import`: files read on a second thread, batches under the lock
//!   policy, counts, collisions and failures naming their file). Returns typed results and
//!   `AppError`, which carries data; no terminal, no printing, no language.
//! - `words/`: every error the layers return, worded in Vietnamese or English (English is
//!   the `Display`; Vietnamese one exhaustive `match` over the error's data, so a missing
//!   wording does not build). These words are what both front ends show; how to go on from
//!   the command line (`--db`, `--force`, `newsdesk list`) is added by `cli::hints` only.
//! - `i18n`, `config`: which language, and the personal config file.
//! - `cli/`: one small module per subcommand; its own messages in `msg/`, one file per
//!   subject, the English and Vietnamese wording of each side by side.
//! - `tui/`: the terminal app. `state` (plain structs; what the screen shows is one enum:
//!   the list, or an article with its editor, the revisions or photo panel over its panes and
//!   the leave waiting on its save; dialogs are an overlay on either), `action` (every intent and result),
//!   `update` (state + action → effects, no I/O), `keymap` (one table per context: the
//!   help screen, the footer, the dialogs' key lines and the leader menu come from it),
//!   `layout` (where panes go, for both `update` and `view`), `preview_text` (Markdown as
//!   terminal lines), `view` (drawing, a pure function of state), `msg` (every string, per
//!   language), `backend` (sends only what changed), `runtime` (the one impure loop:
//!   events → actions → update → effects → draw when something changed; signals, recovery).
//!
//! CI greps keep the cut: the core never names the terminal stack, `src/media` never names
//! SQL, `src/tui` never names `cli` and `src/cli` never names `tui`, `src/app` and
//! `src/words` name no front end, the TUI's `update` never calls into `view`, and no file
//! in `src/` passes 400 lines.
//!
//! Still read and written on the store directly by the front ends: the site settings (`site
//! get/set`, and the few a front end needs before a use case runs: `media_max_mb`,
//! `sync_timeout`); each value is checked by `site::settings` whichever front end sets it.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
// User text is cut with `.get()`, never `[a..b]` (a `+aé7` time zone once aborted the app).
#![cfg_attr(not(test), deny(clippy::string_slice))]

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod media;
pub mod site;
pub mod store;
pub mod tui;
pub mod words;
