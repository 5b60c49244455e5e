//! Every string the TUI shows, in one place, so a Vietnamese interface can follow without
//! touching the views.

use crate::domain::Status;

pub const LIST_TITLE: &str = "Articles";
pub const EDITOR_TITLE: &str = "Editor";
pub const PREVIEW_TITLE: &str = "Preview";
pub const SEARCH_PROMPT: &str = "Search: ";
pub const EMPTY_TITLE: &str = "No articles yet";
pub const EMPTY_HINT: &[&str] = &[
    "Press Ctrl-N to write the first one,",
    "or import Markdown files from a shell:",
    "  newsdesk import FOLDER",
];
pub const NO_MATCHES: &str = "No articles match.";
pub const LOADING: &str = "Loading…";
pub const NOTHING_OPEN: &str = "Open an article with Enter, or press Ctrl-N for a new one.";
pub const NOT_FOUND: &str = "Not found.";
pub const NEW_ARTICLE_HINT: &str = "New article: type the title, Tab moves to the next field.";
pub const NOTHING_TO_SAVE: &str = "Nothing to save: open an article first.";
pub const SAVE_FIRST: &str = "Save your changes first (Ctrl-S), then change the status.";
pub const NOTHING_TO_MOVE: &str = "Save the new article first, then change its status.";
pub const SAVED: &str = "saved";
pub const UNSAVED: &str = "unsaved";
pub const HELP_TITLE: &str = "Keys";
pub const HELP_CLOSE: &str = "Press any key to close.";

/// The help screen's heading for each key table.
pub fn help_group(ctx: crate::tui::keymap::Context) -> &'static str {
    use crate::tui::keymap::Context as C;
    match ctx {
        C::Global => "Everywhere",
        C::List => "List",
        C::Search => "Search box",
        C::Editor => "Editor",
        C::Find => "Find",
        C::ReadOnly => "Read-only article",
        C::Preview => "Preview",
        C::Revisions => HISTORY_TITLE,
    }
}
pub const LEAVE_TITLE: &str = "Unsaved changes";
pub const LEAVE_BODY: &str = "This article has changes that are not saved.";
pub const LEAVE_KEYS: &str = "s save   d discard   Esc stay";
pub const STATUS_TITLE: &str = "Change status";
pub const STATUS_AT: &str = "Publish at (e.g. 2026-11-27 08:00): ";
pub const STATUS_KEYS: &str = "↑↓ choose   Enter apply   Esc cancel";
pub const RECOVER_TITLE: &str = "Unsaved text found";
pub const RECOVER_KEYS: &str = "r recover it   d discard it";
pub const RECOVERED: &str = "Recovered the unsaved text: check it, then save with Ctrl-S.";
pub const RECOVERY_DISCARDED: &str = "Discarded the unsaved text.";
pub const STORED: &str = "saved  ";
pub const RECOVERED_LABEL: &str = "unsaved";
pub const CONFLICT_TITLE: &str = "Someone else saved first";
pub const CONFLICT_KEYS: &str = "t keep theirs   m keep mine (save over)   c copy mine aside";
pub const THEIRS: &str = "theirs";
pub const MINE: &str = "mine  ";

pub const FIELD_LABELS: [&str; 8] = [
    "Title", "Lede", "Section", "Tags", "Byline", "Signed", "Publish", "Body",
];

pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Review => "review",
        Status::Scheduled => "scheduled",
        Status::Published => "published",
        Status::Archived => "archived",
    }
}

/// What the status menu calls each move.
pub fn move_label(to: Status) -> &'static str {
    match to {
        Status::Draft => "Back to draft",
        Status::Review => "Submit for review",
        Status::Scheduled => "Schedule",
        Status::Published => "Publish now",
        Status::Archived => "Archive",
    }
}

pub fn filter_label(f: Option<Status>) -> &'static str {
    match f {
        None => "all",
        Some(s) => status_label(s),
    }
}

pub fn sort_label(s: crate::store::Sort) -> &'static str {
    match s {
        crate::store::Sort::Updated => "updated",
        crate::store::Sort::Published => "published",
        crate::store::Sort::Title => "title",
    }
}

pub fn saved(title: &str, version: i64, status: Status) -> String {
    format!(
        "Saved “{title}” (version {version}, {})",
        status_label(status)
    )
}

pub fn bad_time(input: &str) -> String {
    format!("“{input}” is not a time: write it like 2026-11-27 08:00")
}

pub fn kept_theirs(rev: i64) -> String {
    format!("Loaded their version; yours is in the history as revision {rev}.")
}

pub fn kept_aside(rev: i64) -> String {
    format!("Your text is kept as revision {rev} (see history); still editing yours.")
}

pub fn recover_from(at: &str) -> String {
    format!("This article has text from {at} that was never saved (the session ended).")
}

pub fn conflict_by(who: &str, at: &str) -> String {
    format!("{who} saved this article at {at}, after you opened it.")
}

pub fn words(n: usize, minutes: usize) -> String {
    format!("{n} words · {minutes} min")
}

pub fn count(shown: usize, total: usize) -> String {
    format!("{shown}/{total}")
}

pub fn line_no(n: usize) -> String {
    if n == 0 {
        "title".into()
    } else {
        format!("line {n}")
    }
}

// Soft locks -----------------------------------------------------------------------------------

pub const READ_ONLY: &str = "read-only";

/// The banner over a read-only article.
pub fn being_edited(user: &str, host: &str, since: &str) -> String {
    format!("Being edited by {user} on {host} since {since}")
}

pub const OPENED_READ_ONLY: &str =
    "Opened read-only. Ctrl-K takes over (they are told when they next save).";

pub fn read_only_refused(user: &str) -> String {
    format!("Read-only: {user} is editing this article. Ctrl-K takes over.")
}

pub fn locked_by(user: &str, host: &str, since: &str) -> String {
    format!("{user} is editing this article on {host} since {since}: try again when they are done.")
}

pub fn took_over_from(user: &str) -> String {
    format!("You took over editing from {user}; they will be told when they save.")
}

pub fn lock_lost(user: &str, host: &str, at: &str) -> String {
    format!(
        "{user} took over editing at {at} (on {host}): not saved, your text is kept. Ctrl-K takes it back."
    )
}

// Revisions ------------------------------------------------------------------------------------

pub const HISTORY_TITLE: &str = "History";
pub const HISTORY_EMPTY: &str = "No earlier versions yet: every save adds one.";
pub const HISTORY_NEEDS_ARTICLE: &str = "Open a saved article first to see its history.";
/// Column heads of the history: revision, kind, who, when, words.
pub const HISTORY_COLUMNS: [&str; 5] = ["rev", "kind", "who", "when", "words"];
/// Marks a refused conflicting save where the history is too narrow for its kind.
pub const CONFLICT_MARK: char = '!';
pub const CONFLICT_LEGEND: &str = "! kept from a refused save";

pub fn kind_label(k: crate::domain::RevisionKind) -> &'static str {
    match k {
        crate::domain::RevisionKind::Save => "save",
        crate::domain::RevisionKind::Conflict => "conflict",
    }
}

pub fn revision_title(rev: i64) -> String {
    format!("{PREVIEW_TITLE} · revision {rev} ({READ_ONLY})")
}

pub fn history_count(n: usize) -> String {
    format!("{HISTORY_TITLE} · {n}")
}

pub fn restored(rev: i64, version: i64) -> String {
    format!("Restored revision {rev} as version {version}; the text it replaced is in the history.")
}

// $EDITOR --------------------------------------------------------------------------------------

pub const EDITOR_NEEDS_ARTICLE: &str =
    "Open an article first; Ctrl-E then hands its body to $EDITOR.";
pub const EDITED_EXTERNALLY: &str =
    "Body updated from $EDITOR: not saved yet (Ctrl-S saves, Ctrl-Z undoes).";
pub const EDITOR_UNCHANGED: &str = "The body came back from $EDITOR unchanged.";

pub fn editor_failed(reason: &str) -> String {
    format!("$EDITOR did not finish ({reason}); the body is unchanged.")
}

// Site export ----------------------------------------------------------------------------------

pub const EXPORT_TITLE: &str = "Publish the site";
pub const EXPORT_INTO: &str = "Folder  ";
pub const EXPORT_SYNC: &str = "Sync    ";
pub const EXPORT_CANCELLED: &str = "Export cancelled.";
pub const NO_EXPORT_DIR: &str =
    "No export folder: set one from a shell with `newsdesk site set export_dir DIR`.";
/// Leads the progress bar on the status line.
pub const EXPORT_LABEL: &str = "export";
pub const EXPORT_WAITING: &str =
    "newsdesk: waiting for the site export to finish (Ctrl-C stops it)";

pub fn export_question(sync: bool) -> &'static str {
    if sync {
        "Export the site and sync? y/n"
    } else {
        "Export the site? y/n"
    }
}

pub fn phase_label(p: crate::site::Phase) -> &'static str {
    use crate::site::Phase;
    match p {
        Phase::Publishing => "publishing due",
        Phase::Rendering => "rendering",
        Phase::Switching => "switching",
        Phase::Syncing => "syncing",
    }
}

/// "rendering 120/400", or the phase alone when it has nothing to count.
pub fn progress(p: &crate::site::Progress) -> String {
    if p.total == 0 {
        format!("{}…", phase_label(p.phase))
    } else {
        format!("{} {}/{}", phase_label(p.phase), p.done, p.total)
    }
}

pub fn export_running(p: &crate::site::Progress) -> String {
    format!(
        "An export is already running ({}): wait for it to finish.",
        progress(p)
    )
}

pub fn export_failed(reason: &str) -> String {
    format!("Export failed: {reason}. The live site is as it was.")
}

pub fn export_crashed(detail: Option<&str>) -> String {
    match detail {
        Some(d) => export_failed(&format!("the export stopped unexpectedly ({d})")),
        None => export_failed("the export stopped unexpectedly"),
    }
}

pub fn sync_log_failed(path: &std::path::Path, reason: &str) -> String {
    format!("cannot write the sync log {}: {reason}", path.display())
}

/// The summary of a finished export, and whether it reports a failure (of the sync).
pub fn export_summary(s: &crate::tui::action::ExportSummary) -> (String, bool) {
    let counts = format!(
        "{} written, {} unchanged, {} removed",
        s.written, s.unchanged, s.removed
    );
    let mut text = if s.written + s.removed > 0 {
        format!("Site exported in {:.1} s: {counts}", s.secs)
    } else {
        format!("Site up to date ({:.1} s): {counts}", s.secs)
    };
    if s.published > 0 {
        text.push_str(&format!("; {} published on schedule", s.published));
    }
    match &s.sync {
        None => (text, false),
        Some(Err(e)) => (
            format!("The sync could not run ({e}); the export is in place. {text}"),
            true,
        ),
        Some(Ok(sync)) if sync.code == Some(0) => {
            text.push_str(&format!(
                "; synced in {:.1} s (exit code 0): {} (log {})",
                sync.secs,
                sync.last_line,
                sync.log.display()
            ));
            (text, false)
        }
        Some(Ok(sync)) => {
            let code = sync.code.map_or("ended by a signal".to_string(), |c| {
                format!("exit code {c}")
            });
            (
                format!(
                    "Sync failed ({code}, log {}): {}. The export is in place. {text}",
                    sync.log.display(),
                    sync.last_line
                ),
                true,
            )
        }
    }
}

/// The typing mode as the status line shows it.
pub fn typing_label(m: crate::tui::state::TypingMode) -> &'static str {
    use crate::tui::state::TypingMode;
    match m {
        TypingMode::English => "EN",
        TypingMode::Telex => "VI·Telex",
        TypingMode::Vni => "VI·VNI",
    }
}
