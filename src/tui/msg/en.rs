//! The TUI in English: one arm per message.

use std::borrow::Cow;

use super::Msg;
use crate::domain::{RevisionKind, Status};
use crate::site::Phase;
use crate::store::Sort;
use crate::tui::keymap::Context;
use crate::tui::state::Field;

fn status(s: Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Review => "review",
        Status::Scheduled => "scheduled",
        Status::Published => "published",
        Status::Archived => "archived",
    }
}

fn phase(p: Phase) -> &'static str {
    match p {
        Phase::Publishing => "publishing due",
        Phase::Rendering => "rendering",
        Phase::Switching => "switching",
        Phase::Syncing => "syncing",
    }
}

fn progress(p: &crate::site::Progress) -> String {
    if p.total == 0 {
        format!("{}…", phase(p.phase))
    } else {
        format!("{} {}/{}", phase(p.phase), p.done, p.total)
    }
}

fn export_failed(reason: &str) -> String {
    format!("Export failed: {reason}. The live site is as it was.")
}

pub fn en(m: &Msg) -> Cow<'static, str> {
    use Msg as M;
    let s: &'static str = match *m {
        M::ListTitle => "Articles",
        M::EditorTitle => "Editor",
        M::PreviewTitle => "Preview",
        M::SearchPrompt => "Search: ",
        M::FindPrompt => "Find: ",
        M::EmptyTitle => "No articles yet",
        M::EmptyHint => {
            "Press Ctrl-N to write the first one,\n\
             or import Markdown files from a shell:\n  newsdesk import FOLDER"
        }
        M::NoMatches => "No articles match.",
        M::Loading => "Loading…",
        M::NothingOpen => "Open an article with Enter, or press Ctrl-N for a new one.",
        M::NotFound => "Not found.",
        M::NothingToUndo => "Nothing more to undo.",
        M::NothingToRedo => "Nothing more to redo.",
        M::FindCount { at, of } => return format!("Match {at} of {of}").into(),
        M::FindAgain { query } => return format!("Enter: “{query}” again").into(),
        M::Badge(s) => match s {
            Status::Draft => "DRA",
            Status::Review => "REV",
            Status::Scheduled => "SCH",
            Status::Published => "PUB",
            Status::Archived => "ARC",
        },
        M::StatusLabel(s) => status(s),
        M::MoveLabel(to) => match to {
            Status::Draft => "Back to draft",
            Status::Review => "Submit for review",
            Status::Scheduled => "Schedule",
            Status::Published => "Publish now",
            Status::Archived => "Archive",
        },
        M::FilterAll => "all",
        M::SortLabel(s) => match s {
            Sort::Updated => "updated",
            Sort::Published => "published",
            Sort::Title => "title",
        },
        M::FieldLabel(f) => match f {
            Field::Title => "Title",
            Field::Lede => "Lede",
            Field::Section => "Section",
            Field::Tags => "Tags",
            Field::Byline => "Byline",
            Field::SignedBy => "Signed",
            Field::PublishAt => "Publish",
            Field::Body => "Body",
        },
        M::Words { n, minutes } => return format!("{n} words · {minutes} min").into(),
        M::SavedFlag => "saved",
        M::UnsavedFlag => "unsaved",
        M::ReadOnlyFlag => "read-only",
        M::ExportFlag => "export",
        M::NewArticleHint => "New article: type the title, Tab moves to the next field.",
        M::NothingToSave => "Nothing to save: open an article first.",
        M::SaveFirst => "Save your changes first (Ctrl-S), then change the status.",
        M::NothingToMove => "Save the new article first, then change its status.",
        M::Saved {
            title,
            version,
            status: st,
        } => return format!("Saved “{title}” (version {version}, {})", status(st)).into(),
        M::BadTime { input } => {
            return format!("“{input}” is not a time: write it like 2026-11-27 08:00").into();
        }
        M::TimeOutOfRange { input } => {
            return format!("“{input}” is outside the years 1000–9999 a page can show").into();
        }
        M::HelpTitle => "Keys",
        M::HelpClose => "any other key closes",
        M::HelpGroup(ctx) => match ctx {
            Context::Global => "Everywhere",
            Context::List => "List",
            Context::Search => "Search box",
            Context::Editor => "Editor",
            Context::Find => "Find",
            Context::ReadOnly => "Read-only article",
            Context::Preview => "Preview",
            Context::Revisions => "History",
            Context::Gallery => "Photos",
            Context::GalleryPath => "Photo path",
            Context::GalleryPick => "Photo library",
            Context::LeaveDialog => "Unsaved changes",
            Context::StatusDialog => "Change status",
            Context::RecoverDialog => "Unsaved text found",
            Context::ConflictDialog => "Conflict",
            Context::Leader => "More (leader key)",
            Context::HelpDialog => "Help",
            Context::ExportDialog => "Export",
            Context::GalleryText => "Photo text",
        },
        M::Key(k) => k.en(),
        M::LeaveTitle => "Unsaved changes",
        M::LeaveBody => "This article has changes that are not saved.",
        M::StatusTitle => "Change status",
        M::StatusAt => "Publish at (e.g. 2026-11-27 08:00): ",
        M::RecoverTitle => "Unsaved text found",
        M::RecoverFrom { at } => {
            return format!(
                "This article has text from {at} that was never saved (the session ended)."
            )
            .into();
        }
        M::Recovered => "Recovered the unsaved text: check it, then save with Ctrl-S.",
        M::RecoveryDiscarded => "Discarded the unsaved text.",
        M::StoredLabel => "saved",
        M::RecoveredLabel => "unsaved",
        M::ConflictTitle => "Someone else saved first",
        M::ConflictBy { who, at } => {
            return format!("{who} saved this article at {at}, after you opened it.").into();
        }
        M::TheirsLabel => "theirs",
        M::MineLabel => "mine",
        M::KeptTheirs { rev } => {
            return format!("Loaded their version; yours is in the history as revision {rev}.")
                .into();
        }
        M::KeptAside { rev } => {
            return format!(
                "Your text is kept as revision {rev} (see history); still editing yours."
            )
            .into();
        }
        M::LineNo(0) => "title",
        M::LineNo(n) => return format!("line {n}").into(),
        M::BeingEdited { user, host, since } => {
            return format!("Being edited by {user} on {host} since {since}").into();
        }
        M::OpenedReadOnly => {
            "Opened read-only. Ctrl-K takes over (they are told when they next save)."
        }
        M::ReadOnlyRefused { user } => {
            return format!("Read-only: {user} is editing this article. Ctrl-K takes over.").into();
        }
        M::LockedBy { user, host, since } => {
            return format!(
                "{user} is editing this article on {host} since {since}: try again when they \
                 are done."
            )
            .into();
        }
        M::TookOverFrom { user } => {
            return format!("You took over editing from {user}; they will be told when they save.")
                .into();
        }
        M::LockLost { user, host, at } => {
            return format!(
                "{user} took over editing at {at} (on {host}): not saved, your text is kept. \
                 Ctrl-K takes it back."
            )
            .into();
        }
        M::HistoryTitle => "History",
        M::HistoryCount(n) => return format!("History · {n}").into(),
        M::HistoryEmpty => "No earlier versions yet: every save adds one.",
        M::HistoryNeedsArticle => "Open a saved article first to see its history.",
        M::ColRev => "rev",
        M::ColKind => "kind",
        M::ColWho => "who",
        M::ColWhen => "when",
        M::ColWords => "words",
        M::KindLabel(k) => match k {
            RevisionKind::Save => "save",
            RevisionKind::Conflict => "conflict",
        },
        M::ConflictLegend => "! kept from a refused save",
        M::RevisionTitle { rev } => return format!("Preview · revision {rev} (read-only)").into(),
        M::Restored { rev, version } => {
            return format!(
                "Restored revision {rev} as version {version}; the text it replaced is in the \
                 history."
            )
            .into();
        }
        M::EditorNeedsArticle => "Open an article first; Ctrl-E then hands its body to $EDITOR.",
        M::EditedExternally => {
            "Body updated from $EDITOR: not saved yet (Ctrl-S saves, Ctrl-Z undoes)."
        }
        M::EditorUnchanged => "The body came back from $EDITOR unchanged.",
        M::EditorFailed { reason } => {
            return format!("$EDITOR did not finish ({reason}); the body is unchanged.").into();
        }
        M::NotUtf8 => "the file is not UTF-8",
        M::ExportTitle => "Publish the site",
        M::ExportQuestion { sync: true } => "Export the site and sync?",
        M::ExportQuestion { sync: false } => "Export the site?",
        M::ExportFolder => "Folder",
        M::ExportSync => "Sync",
        M::ExportCancelled => "Export cancelled.",
        M::NoExportDir => {
            "No export folder: set one from a shell with `newsdesk site set export_dir DIR`."
        }
        M::ExportWaiting => "newsdesk: waiting for the site export to finish (Ctrl-C stops it)",
        M::PhaseLabel(p) => phase(p),
        M::ProgressText(p) => return progress(&p).into(),
        M::ExportRunning(p) => {
            return format!(
                "An export is already running ({}): wait for it to finish.",
                progress(&p)
            )
            .into();
        }
        M::ExportFailed { reason } => return export_failed(reason).into(),
        M::ExportCrashed { detail: None } => "the export stopped unexpectedly",
        M::ExportCrashed { detail: Some(d) } => {
            return format!("the export stopped unexpectedly ({d})").into();
        }
        M::ExportDone(summary) => return super::export::en(summary).into(),
        M::GalleryTitle { title } => return format!("Photos · {title}").into(),
        M::GalleryEmpty => "No photos yet: a attaches a file, l one from the library.",
        M::PlaceLabel(place) => {
            return crate::words::place_label(place, crate::i18n::Lang::En).into();
        }
        M::NoAltMark => "⚠ no alt text",
        M::AltLabel => "Alt: ",
        M::CaptionLabel => "Caption: ",
        M::PathPrompt => "File: ",
        M::PickPrompt => "Library: ",
        M::PickEmpty => "No photos match.",
        M::NoPathMatch => "No file or folder starts with that.",
        M::GalleryNeedsArticle => "Save the article first: photos attach to a saved article.",
        M::NoPhotoSelected => "No photo selected.",
        M::PhotoAttached {
            short,
            place,
            fresh,
        } => {
            let new = if fresh {
                "added to the library and "
            } else {
                ""
            };
            return format!("Photo {short} {new}attached (gallery {place}).").into();
        }
        M::LeadSet => "Lead photo set.",
        M::PhotoMoved => "Photo moved.",
        M::PhotoTextSaved => "Saved for this article.",
        M::PhotoRemoved { lead: true } => "Lead photo removed (it stays in the library).",
        M::PhotoRemoved { lead: false } => {
            "Photo removed from the gallery (it stays in the library)."
        }
        M::InlineInserted { short } => {
            return format!("Photo {short} placed in the body at the cursor.").into();
        }
        M::PhotoRefused { path, reason } => return format!("{path}: refused: {reason}").into(),
        M::PhotosWithoutAlt { title, photos } => {
            return format!("“{title}” published, but these photos have no alt text: {photos}")
                .into();
        }
        M::SignalsFailed { reason } => {
            return format!("cannot watch for signals: {reason}").into();
        }
        M::TerminalFailed { reason } => {
            return format!("cannot start the terminal interface: {reason}").into();
        }
        M::TerminalError { reason } => return format!("terminal error: {reason}").into(),
    };
    Cow::Borrowed(s)
}
