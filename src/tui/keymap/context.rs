//! Where the keyboard focus is, which decides the binding tables a key is looked up in.

/// Where the keyboard focus is, for choosing a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Works everywhere (unless a dialog is open).
    Global,
    List,
    /// Typing into the list's search box.
    Search,
    Editor,
    Preview,
    /// The find bar of the body editor.
    Find,
    /// The editor on an article someone else is editing (falls back to `Editor`).
    ReadOnly,
    /// The revisions view over the list pane.
    Revisions,
    /// The open article's photos, over the editor.
    Gallery,
    /// Typing the path of a file to attach.
    GalleryPath,
    /// Picking a photo from the library, filtered as you type.
    GalleryPick,
    /// Typing a photo's caption or alt text for this article.
    GalleryText,
    /// The dialogs: each answers only its own keys (nothing falls through to the global
    /// table, so Ctrl-S in a question does not save behind it).
    LeaveDialog,
    StatusDialog,
    RecoverDialog,
    ConflictDialog,
    ExportDialog,
    /// The help screen: these keys scroll it, any other closes it.
    HelpDialog,
    /// After the leader key (Ctrl-D): one letter for a less frequent command, so the Ctrl
    /// keys stay for what a writer presses every minute.
    Leader,
}

impl Context {
    /// Every context, for the tests and samples that go through them all.
    pub const ALL: [Context; 19] = [
        Context::Global,
        Context::List,
        Context::Search,
        Context::Editor,
        Context::Find,
        Context::ReadOnly,
        Context::Preview,
        Context::Revisions,
        Context::Gallery,
        Context::GalleryPath,
        Context::GalleryPick,
        Context::GalleryText,
        Context::LeaveDialog,
        Context::StatusDialog,
        Context::RecoverDialog,
        Context::ConflictDialog,
        Context::ExportDialog,
        Context::HelpDialog,
        Context::Leader,
    ];

    /// The table consulted after this one, before the global one.
    pub fn parent(self) -> Option<Context> {
        match self {
            Context::ReadOnly => Some(Context::Editor),
            _ => None,
        }
    }

    /// A dialog's context: its own table only.
    pub fn is_dialog(self) -> bool {
        matches!(
            self,
            Context::LeaveDialog
                | Context::StatusDialog
                | Context::RecoverDialog
                | Context::ConflictDialog
                | Context::ExportDialog
                | Context::HelpDialog
                | Context::Leader
        )
    }
}
