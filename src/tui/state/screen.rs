//! What is open besides the list: nothing, or one article with the panels over its panes.

use super::{AfterLeave, EditorState, GalleryState, Pane, State};
use crate::domain::{ArticleFields, RevisionInfo};

/// What is open. The list is always on screen. Which pane has the focus, and which one the
/// two-pane layout shows on the right, are not part of this: Tab and Ctrl-P reach the empty
/// editor and preview panes with nothing open, and the choice outlives the article.
pub enum Screen {
    /// Nothing open: the editor and preview panes are empty.
    List,
    /// An article in the editor (boxed: the editor's buffers are large).
    Article(Box<ArticleScreen>),
}

/// The open article, and the panels that only exist over it.
pub struct ArticleScreen {
    pub editor: EditorState,
    /// Its history, over the list pane.
    pub revisions: Option<RevisionsView>,
    /// Its photos, over the editor pane. Both panels may be open at once: each covers a
    /// different pane.
    pub gallery: Option<GalleryState>,
    /// Where to go once this article's pending save succeeds ("save and quit", "save and
    /// open another"): it goes with the article, so no other article's save can run it.
    pub after_save: Option<AfterLeave>,
}

/// The open article's history, shown in the list pane; one revision may be previewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionsView {
    pub article_id: i64,
    pub rows: Vec<RevisionInfo>,
    pub loaded: bool,
    pub selected: usize,
    /// The revision in the preview pane, and its text.
    pub shown: Option<(i64, Box<ArticleFields>)>,
    pub scroll: u16,
    /// Where the focus was, and whether the two-pane layout showed the preview, before the
    /// view opened: both are put back on close.
    pub came_from: Pane,
    pub right_was_preview: bool,
}

impl State {
    pub fn article(&self) -> Option<&ArticleScreen> {
        match &self.screen {
            Screen::List => None,
            Screen::Article(a) => Some(a),
        }
    }

    pub fn article_mut(&mut self) -> Option<&mut ArticleScreen> {
        match &mut self.screen {
            Screen::List => None,
            Screen::Article(a) => Some(a),
        }
    }

    pub fn editor(&self) -> Option<&EditorState> {
        self.article().map(|a| &a.editor)
    }

    pub fn editor_mut(&mut self) -> Option<&mut EditorState> {
        self.article_mut().map(|a| &mut a.editor)
    }

    pub fn revisions(&self) -> Option<&RevisionsView> {
        self.article().and_then(|a| a.revisions.as_ref())
    }

    pub fn revisions_mut(&mut self) -> Option<&mut RevisionsView> {
        self.article_mut().and_then(|a| a.revisions.as_mut())
    }

    pub fn gallery(&self) -> Option<&GalleryState> {
        self.article().and_then(|a| a.gallery.as_ref())
    }

    pub fn gallery_mut(&mut self) -> Option<&mut GalleryState> {
        self.article_mut().and_then(|a| a.gallery.as_mut())
    }

    /// Puts `editor` on screen. Panels already open stay: the caller closes those that
    /// belong to another article.
    pub fn set_editor(&mut self, editor: EditorState) {
        match &mut self.screen {
            Screen::Article(a) => {
                a.editor = editor;
                // A leave waited on the editor that was here, not on this one.
                a.after_save = None;
            }
            Screen::List => {
                self.screen = Screen::Article(Box::new(ArticleScreen {
                    editor,
                    revisions: None,
                    gallery: None,
                    after_save: None,
                }));
            }
        }
    }

    /// Closes the history panel, handing it back (it knows how to put the panes back).
    pub fn take_revisions(&mut self) -> Option<RevisionsView> {
        self.article_mut().and_then(|a| a.revisions.take())
    }

    /// Gives up the leave waiting on the open article's save (the save failed or was not asked).
    pub fn give_up_leave(&mut self) {
        if let Some(a) = self.article_mut() {
            a.after_save = None;
        }
    }

    pub fn close_gallery(&mut self) {
        if let Some(a) = self.article_mut() {
            a.gallery = None;
        }
    }
}
