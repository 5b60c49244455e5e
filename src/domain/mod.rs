//! The pure core: articles, their workflow and the text rules. No I/O, no SQL, no UI.

mod article;
mod error;
pub mod frontmatter;
mod slug;
mod status;
pub mod text;
pub mod time;
pub mod vietime;

pub use article::{Actor, Article, ArticleFields, RevisionInfo, RevisionKind};
pub use error::{DomainError, FrontMatterError, MoveRule};
pub use slug::{check_slug, is_valid_slug, slug_words, slugify, unique_slug};
pub use status::{Status, allowed_moves, check_content, check_move};
pub mod query;
pub mod snippet;
