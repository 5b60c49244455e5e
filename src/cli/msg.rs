//! Every line the command line prints for a person, in English and Vietnamese.
//!
//! One enum, one exhaustive `match` per language (this file for English, `msg_vi` for
//! Vietnamese): a message without a translation does not compile. JSON output is not here:
//! its keys and values stay English and stable.

use crate::domain::Status;
use crate::i18n::Lang;
use crate::site::i18n::{format_decimal, format_int};
use crate::site::settings::Language;

/// A line for the editor. Errors the command line words itself are messages too.
#[derive(Debug, Clone, PartialEq)]
pub enum CliMsg {
    // Articles.
    Overview {
        db: String,
        total: u64,
    },
    NoArticlesYet,
    CommandsHint,
    WordsAndMinutes {
        words: u64,
        minutes: u64,
    },
    Byline(String),
    Tags(String),
    HistoryHeader,
    NoMatches,
    NowStatus {
        title: String,
        status: Status,
        when: Option<String>,
    },
    Restored {
        title: String,
        rev: i64,
        version: i64,
    },
    Purged(String),
    AlreadyArchived(String),
    Archived {
        title: String,
        id: i64,
    },
    // Markdown in and out.
    Imported {
        created: u64,
        updated: u64,
        skipped: u64,
        failed: u64,
    },
    WroteMarkdown {
        count: u64,
        dir: String,
    },
    // Site settings.
    NotSet,
    Default,
    BackToDefault(String),
    // Export.
    Exported {
        files: u64,
        live: String,
        build: String,
        written: u64,
        unchanged: u64,
        removed: u64,
        secs: f64,
    },
    NothingChanged {
        live: String,
        unchanged: u64,
        secs: f64,
    },
    RolledBack {
        out: String,
        build: String,
    },
    PublishedOnSchedule {
        title: String,
        slug: String,
    },
    Renditions(u64),
    SyncRunning(String),
    SyncFinished,
    /// `None`: ended by a signal.
    SyncFailed {
        code: Option<i32>,
        live: String,
    },
    // Refusals and failures.
    NoHomeFolder,
    ReadStdin(String),
    ReadBodyFile {
        path: String,
        err: String,
    },
    BodyNotUtf8 {
        path: String,
        offset: usize,
    },
    UnknownSort(String),
    NotATime(String),
    PurgeNeedsYes(String),
    CreateFolder {
        path: String,
        err: String,
    },
    WriteFile {
        path: String,
        err: String,
    },
    NoSyncCommand,
    DemoFolder {
        path: String,
        err: String,
    },
    // Import failures, one line per file: the path, then what went wrong.
    ReadFolder {
        path: String,
        err: String,
    },
    ReadFile {
        path: String,
        err: String,
    },
    FileNotUtf8 {
        path: String,
        offset: usize,
    },
    FileFailed {
        path: String,
        reason: String,
    },
}

/// A count in Vietnamese: `1.234`.
pub(super) fn int_vi(n: u64) -> String {
    format_int(n, Language::Vi)
}

/// Seconds with two decimals in Vietnamese: `0,25`.
pub(super) fn secs_vi(s: f64) -> String {
    format_decimal(s, 2, Language::Vi)
}

impl CliMsg {
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Vi => self.vi(),
        }
    }

    fn en(&self) -> String {
        use CliMsg::*;
        // English output stays as scripts have always read it: `1234`, `0.25`.
        let n = |n: &u64| n.to_string();
        let s = |s: &f64| format!("{s:.2}");
        match self {
            Overview { db, total } => format!("newsdesk — {db} ({} articles)", n(total)),
            NoArticlesYet => "No articles yet. Create one with `newsdesk new --title \"…\"` or bring some in with `newsdesk import FOLDER`.".into(),
            CommandsHint => "Commands: newsdesk --help".into(),
            WordsAndMinutes { words, minutes } => format!("{} words, {} min", n(words), n(minutes)),
            Byline(b) => format!("By {b}"),
            Tags(t) => format!("Tags: {t}"),
            HistoryHeader => history_header(["REV", "KIND", "VER", "WHEN", "WHO", "WORDS", "TITLE"]),
            NoMatches => "No articles match.".into(),
            NowStatus { title, status, when } => format!(
                "“{title}” is now {}{}",
                status.as_str(),
                when.as_ref().map(|w| format!(" ({w})")).unwrap_or_default()
            ),
            Restored { title, rev, version } => {
                format!("“{title}”: revision {rev} restored as version {version}")
            }
            Purged(title) => format!("“{title}” removed for good"),
            AlreadyArchived(title) => format!("“{title}” is already archived"),
            Archived { title, id } => {
                format!("“{title}” archived (restore it with `newsdesk status {id} draft`)")
            }
            Imported { created, updated, skipped, failed } => format!(
                "imported {} files: {} new, {} updated, {} skipped, {} failed",
                n(&(created + updated + skipped)),
                n(created),
                n(updated),
                n(skipped),
                n(failed)
            ),
            WroteMarkdown { count, dir } => format!("wrote {} articles to {dir}", n(count)),
            NotSet => "(not set)".into(),
            Default => "(default)".into(),
            BackToDefault(key) => format!("{key} is back to its default"),
            Exported { files, live, build, written, unchanged, removed, secs } => format!(
                "exported {} files to {live} ({build}): {} written, {} unchanged, {} removed in {} s",
                n(files),
                n(written),
                n(unchanged),
                n(removed),
                s(secs)
            ),
            NothingChanged { live, unchanged, secs } => format!(
                "nothing changed: {live} is up to date ({} files unchanged, {} s)",
                n(unchanged),
                s(secs)
            ),
            RolledBack { out, build } => format!("{out} now shows the earlier build {build}"),
            PublishedOnSchedule { title, slug } => {
                format!("published on schedule: “{title}” ({slug})")
            }
            Renditions(count) => format!("photos: {} renditions made", n(count)),
            SyncRunning(cmd) => format!("sync: {cmd}"),
            SyncFinished => "sync finished (exit code 0)".into(),
            SyncFailed { code, live } => format!(
                "newsdesk: the sync command failed ({}); the export is in place at {live}: fix the command (`newsdesk site get sync_command`) and run `newsdesk export --sync` again",
                code.map_or("ended by a signal".to_string(), |c| format!("exit code {c}"))
            ),
            NoHomeFolder => "cannot find a home folder for the database: pass --db PATH".into(),
            ReadStdin(err) => format!("cannot read the body from standard input: {err}"),
            ReadBodyFile { path, err } => format!("cannot read the body file {path}: {err}"),
            BodyNotUtf8 { path, offset } => format!(
                "the body file {path} is not UTF-8 text (bad byte at offset {offset}): save it as UTF-8"
            ),
            UnknownSort(s) => format!("unknown sort “{s}”: use updated, published or title"),
            NotATime(s) => format!(
                "“{s}” is not a time: write it like \"2026-11-27 08:00\" or 2026-11-27T08:00:00+07:00"
            ),
            PurgeNeedsYes(title) => format!(
                "--purge removes “{title}” and its whole history for good: add --yes to confirm"
            ),
            CreateFolder { path, err } => format!("cannot create the folder {path}: {err}"),
            WriteFile { path, err } => format!("cannot write {path}: {err}"),
            NoSyncCommand => "no sync command: set one with `newsdesk site set sync_command 'rsync -a --delete {out}/ www@host:/var/www/site/'`".into(),
            DemoFolder { path, err } => format!("cannot create the demo folder {path}: {err}"),
            ReadFolder { path, err } => format!("{path}: cannot read this folder: {err}"),
            ReadFile { path, err } => format!("{path}: cannot read: {err}"),
            FileNotUtf8 { path, offset } => format!(
                "{path}: not UTF-8 text (bad byte at offset {offset}): save it as UTF-8"
            ),
            FileFailed { path, reason } => format!("{path}: {reason}"),
        }
    }
}

/// The column headings of `history`, aligned like its rows.
pub(super) fn history_header(h: [&str; 7]) -> String {
    format!(
        "{:>4}  {:<9} {:>4}  {:<16}  {:<12} {:>6}  {}",
        h[0], h[1], h[2], h[3], h[4], h[5], h[6]
    )
}
