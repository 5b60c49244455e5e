use thiserror::Error;

/// Rule violations found by the pure core, written for an editor.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DomainError {
    #[error("unknown status “{0}”: use draft, review, scheduled, published or archived")]
    UnknownStatus(String),
    #[error("cannot move from {from} to {to}: {rule}")]
    MoveRefused {
        from: &'static str,
        to: &'static str,
        rule: &'static str,
    },
    #[error("the slug “{0}” is not allowed: use only a–z, 0–9 and single hyphens")]
    BadSlug(String),
    #[error("the title is empty: every article needs a title")]
    EmptyTitle,
    #[error("the body is empty: a {0} article needs a body")]
    EmptyBody(&'static str),
    #[error("a scheduled article needs a publish time")]
    NoPublishTime,
    #[error("{0}")]
    BadFrontMatter(String),
}
