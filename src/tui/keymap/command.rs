//! The user intents keys are bound to, for `update` to carry out.

/// A user intent bound to a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    QuitFromList,
    NewArticle,
    Save,
    Help,
    NextPane,
    TogglePreview,
    StatusMenu,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Open,
    StartSearch,
    ClearSearch,
    AcceptSearch,
    CycleSort,
    Filter(Option<crate::domain::Status>),
    NextField,
    PrevField,
    Undo,
    Redo,
    Find,
    FindNext,
    FindPrev,
    CloseFind,
    Back,
    /// Take the lock of a read-only article deliberately.
    TakeOver,
    /// Open the revisions view of the open article.
    Revisions,
    /// Hand the body to `$EDITOR`.
    ExternalEditor,
    PreviewRevision,
    RestoreRevision,
    CloseRevisions,
    /// Export the site (and sync it) in the background, after asking.
    Export,
    /// English → Telex → VNI typing.
    TypingMode,
    /// Put the word just typed back to the keys pressed (Telex turned `data` into `dât`).
    RestoreRaw,
    /// Open the gallery panel of the open article.
    Gallery,
    AttachFile,
    AttachFromLibrary,
    MakeLead,
    MoveUp,
    MoveDown,
    EditCaption,
    EditAlt,
    RemovePhoto,
    InsertInline,
    CloseGallery,
    /// Tab in the path box.
    CompletePath,
    /// Enter in a gallery box: attach, or keep the text.
    Accept,
    /// Esc in a gallery box, or in a dialog: nothing happens.
    Cancel,
    /// Unsaved changes on leaving: save, then go.
    SaveAndLeave,
    /// Unsaved changes on leaving: drop them, then go.
    DiscardAndLeave,
    /// Unsaved changes on leaving: stay in the editor.
    Stay,
    /// Take the recovered text into the editor.
    RecoverText,
    /// Forget the recovered text.
    DiscardRecovered,
    /// A conflict: load their version (ours stays in the history).
    KeepTheirs,
    /// A conflict: save ours over theirs, deliberately.
    KeepMine,
    /// A conflict: keep editing; ours is already in the history.
    CopyAside,
    /// The leader key: a menu of the less frequent commands, one letter each.
    Leader,
}
