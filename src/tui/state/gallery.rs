//! The gallery panel of the open article: its lead photo and gallery, and what the panel is
//! asking for (a file path, a library pick, a caption or alt text).

use crate::domain::text::fold;

pub use crate::media::Place as PhotoPlace;

/// One photo of the article, with this article's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalleryRow {
    pub place: PhotoPlace,
    pub hash: String,
    pub caption: String,
    pub alt: String,
}

impl GalleryRow {
    pub fn short(&self) -> &str {
        self.hash.get(..crate::media::SHORT).unwrap_or(&self.hash)
    }
}

/// One library photo to pick from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryItem {
    pub hash: String,
    pub name: String,
    pub caption: String,
    /// Caption, file name and credit, folded (no marks, lowercase) for the filter.
    pub key: String,
}

impl LibraryItem {
    pub fn short(&self) -> &str {
        self.hash.get(..crate::media::SHORT).unwrap_or(&self.hash)
    }
}

/// Which text of a photo is being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Caption,
    Alt,
}

/// What the panel is doing besides listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GalleryMode {
    List,
    /// Typing a file path; `choices` are the names Tab found when it could not decide.
    Path {
        input: String,
        choices: Vec<String>,
    },
    /// Picking from the library, filtered by `query`.
    Pick {
        query: String,
        items: Vec<LibraryItem>,
        selected: usize,
        loaded: bool,
    },
    /// Editing the selected photo's caption or alt text.
    Text {
        which: TextKind,
        input: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalleryState {
    pub article_id: i64,
    pub rows: Vec<GalleryRow>,
    pub loaded: bool,
    pub selected: usize,
    pub mode: GalleryMode,
}

impl GalleryState {
    pub fn new(article_id: i64) -> GalleryState {
        GalleryState {
            article_id,
            rows: Vec::new(),
            loaded: false,
            selected: 0,
            mode: GalleryMode::List,
        }
    }

    pub fn selected_row(&self) -> Option<&GalleryRow> {
        self.rows.get(self.selected)
    }

    /// The caption or alt text being typed, which Vietnamese typing writes into. (The
    /// library filter ignores marks, and a path is typed as it is.)
    pub fn text_box(&mut self) -> Option<&mut String> {
        match &mut self.mode {
            GalleryMode::Text { input, .. } => Some(input),
            _ => None,
        }
    }
}

/// The library items whose caption, name or credit contain every word of `query` (folded).
pub fn filtered<'a>(items: &'a [LibraryItem], query: &str) -> Vec<&'a LibraryItem> {
    let q = fold(query);
    let words: Vec<&str> = q.split_whitespace().collect();
    items
        .iter()
        .filter(|i| {
            words
                .iter()
                .all(|w| i.key.contains(w) || i.hash.starts_with(w))
        })
        .collect()
}

/// The longest common prefix of `names` (whole characters).
pub fn common_prefix(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return String::new();
    };
    let mut end = first.len();
    for n in &names[1..] {
        end = first
            .char_indices()
            .zip(n.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(end);
    }
    first.get(..end).unwrap_or_default().to_string()
}
