//! Every string the TUI shows, as a message enum with one exhaustive `match` per language
//! (`en.rs`, `vi.rs`): a message without a translation does not compile. The key help texts
//! are in `keys.rs`, the export summary's sentences in `export.rs`. Views and `update` call
//! [`t`] with the state (which carries the language) or [`text`] with the language.

/// Defines the enum and counts its variants (`VARIANTS`), so tests can check that a list
/// of them (`Msg::samples()`, `KeyHelp::ALL`) names every one.
macro_rules! counted_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident $(<$lt:lifetime>)? {
            $( $(#[$vmeta:meta])* $variant:ident
                $( { $($field:ident : $fty:ty),* $(,)? } )?
                $( ( $($tty:ty),* $(,)? ) )? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name $(<$lt>)? {
            $( $(#[$vmeta])* $variant $( { $($field : $fty),* } )? $( ( $($tty),* ) )? ),*
        }
        impl $(<$lt>)? $name $(<$lt>)? {
            /// How many variants the enum has.
            pub const VARIANTS: usize = [$(stringify!($variant)),*].len();
        }
    };
}

mod en;
mod export;
mod keys;
mod samples;
mod vi;

use std::borrow::Cow;

pub use crate::i18n::Lang;
pub use keys::KeyHelp;

use crate::domain::{RevisionKind, Status};
use crate::site::{Phase, Progress};
use crate::store::Sort;
use crate::tui::action::ExportSummary;
use crate::tui::keymap::Context;
use crate::tui::state::{Field, PhotoPlace, State};

counted_enum! {
    /// One user-visible text, with what it needs to say.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub enum Msg<'a> {
        // Panes and list
        ListTitle,
        EditorTitle,
        PreviewTitle,
        SearchPrompt,
        FindPrompt,
        EmptyTitle,
        /// Several lines, `\n` between them.
        EmptyHint,
        NoMatches,
        Loading,
        NothingOpen,
        NotFound,
        NothingToUndo,
        NothingToRedo,
        /// The match the cursor is on, of how many (find).
        FindCount { at: usize, of: usize },
        /// Offered in an empty find field: the last query, found again with Enter.
        FindAgain { query: &'a str },
        /// The list's short status code (`DRA`).
        Badge(Status),
        StatusLabel(Status),
        /// What the status menu calls a move to this status.
        MoveLabel(Status),
        FilterAll,
        SortLabel(Sort),
        FieldLabel(Field),
        /// Status line: the word count and reading time.
        Words { n: usize, minutes: usize },
        SavedFlag,
        UnsavedFlag,
        ReadOnlyFlag,
        ExportFlag,
        // Messages from update
        NewArticleHint,
        NothingToSave,
        SaveFirst,
        NothingToMove,
        Saved { title: &'a str, version: i64, status: Status },
        BadTime { input: &'a str },
        TimeOutOfRange { input: &'a str },
        // Help
        HelpTitle,
        HelpClose,
        HelpGroup(Context),
        Key(KeyHelp),
        // Dialogs
        LeaveTitle,
        LeaveBody,
        StatusTitle,
        StatusAt,
        RecoverTitle,
        RecoverFrom { at: &'a str },
        Recovered,
        RecoveryDiscarded,
        StoredLabel,
        RecoveredLabel,
        ConflictTitle,
        ConflictBy { who: &'a str, at: &'a str },
        TheirsLabel,
        MineLabel,
        KeptTheirs { rev: i64 },
        KeptAside { rev: i64 },
        /// Where two versions first differ (0: the title).
        LineNo(usize),
        // Soft locks
        BeingEdited { user: &'a str, host: &'a str, since: &'a str },
        OpenedReadOnly,
        ReadOnlyRefused { user: &'a str },
        LockedBy { user: &'a str, host: &'a str, since: &'a str },
        TookOverFrom { user: &'a str },
        LockLost { user: &'a str, host: &'a str, at: &'a str },
        // Revisions
        HistoryTitle,
        HistoryCount(usize),
        HistoryEmpty,
        HistoryNeedsArticle,
        ColRev,
        ColKind,
        ColWho,
        ColWhen,
        ColWords,
        KindLabel(RevisionKind),
        ConflictLegend,
        RevisionTitle { rev: i64 },
        Restored { rev: i64, version: i64 },
        // $EDITOR
        EditorNeedsArticle,
        EditedExternally,
        EditorUnchanged,
        EditorFailed { reason: &'a str },
        NotUtf8,
        // Site export
        ExportTitle,
        ExportQuestion { sync: bool },
        ExportFolder,
        ExportSync,
        ExportCancelled,
        NoExportDir,
        ExportWaiting,
        PhaseLabel(Phase),
        /// "rendering 120/400", or the phase alone when it has nothing to count.
        ProgressText(Progress),
        ExportRunning(Progress),
        ExportFailed { reason: &'a str },
        /// Why the export failed: its thread ended without a summary (it panicked).
        ExportCrashed { detail: Option<&'a str> },
        ExportDone(&'a ExportSummary),
        // Photos
        GalleryTitle { title: &'a str },
        GalleryEmpty,
        PlaceLabel(PhotoPlace),
        NoAltMark,
        AltLabel,
        CaptionLabel,
        PathPrompt,
        PickPrompt,
        PickEmpty,
        NoPathMatch,
        GalleryNeedsArticle,
        NoPhotoSelected,
        PhotoAttached { short: &'a str, place: usize, fresh: bool },
        LeadSet,
        PhotoMoved,
        PhotoTextSaved,
        PhotoRemoved {
            lead: bool,
        },
        InlineInserted { short: &'a str },
        PhotoRefused { path: &'a str, reason: &'a str },
        PhotosWithoutAlt { title: &'a str, photos: &'a str },
        // Runtime
        SignalsFailed { reason: &'a str },
        TerminalFailed { reason: &'a str },
        TerminalError { reason: &'a str },
    }
}

/// A message in a language.
pub fn text(lang: Lang, m: &Msg) -> Cow<'static, str> {
    match lang {
        Lang::En => en::en(m),
        Lang::Vi => vi::vi(m),
    }
}

/// A message in the state's language.
pub fn t(s: &State, m: Msg) -> Cow<'static, str> {
    text(s.lang, &m)
}

/// Whether a finished export reports a failure (of its sync).
pub fn export_failed(s: &ExportSummary) -> bool {
    match &s.sync {
        None => false,
        Some(Err(_)) => true,
        Some(Ok(sync)) => sync.code != Some(0),
    }
}

/// The typing mode as the status line shows it: the same in every language.
pub fn typing_label(m: crate::tui::state::TypingMode) -> &'static str {
    use crate::tui::state::TypingMode;
    match m {
        TypingMode::English => "EN",
        TypingMode::Telex => "VI·Telex",
        TypingMode::Vni => "VI·VNI",
    }
}
