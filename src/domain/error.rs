use thiserror::Error;

/// Rule violations found by the pure core, written for an editor. The English wording is the
/// `Display`; both front ends word them in the editor's language (`words`).
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DomainError {
    #[error("unknown status “{0}”: use draft, review, scheduled, published or archived")]
    UnknownStatus(String),
    #[error("cannot move from {from} to {to}: {rule}")]
    MoveRefused {
        from: &'static str,
        to: &'static str,
        rule: MoveRule,
    },
    #[error("the slug “{0}” is not allowed: use only a–z, 0–9 and single hyphens")]
    BadSlug(String),
    #[error("the slug is {len} characters long: at most {max} are allowed")]
    SlugTooLong { len: usize, max: usize },
    #[error(
        "the slug “{0}” is only digits, which newsdesk reads as an article number: add a word (for example bai-{0})"
    )]
    SlugAllDigits(String),
    #[error("the time “{0}” is outside the years 1000–9999 that pages and feeds can show")]
    TimeOutOfRange(String),
    #[error("the title is empty: every article needs a title")]
    EmptyTitle,
    #[error("the body is empty: a {0} article needs a body")]
    EmptyBody(&'static str),
    #[error("a scheduled article needs a publish time")]
    NoPublishTime,
    #[error("{0}")]
    BadFrontMatter(FrontMatterError),
}

/// Why the workflow refuses a status move.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum MoveRule {
    #[error("the article already has that status")]
    SameStatus,
    #[error("an archived article goes back to draft first")]
    FromArchived,
    #[error("a published article can only be unpublished (draft) or archived")]
    FromPublished,
    #[error("the workflow does not allow this move")]
    NotInWorkflow,
    #[error("the title is empty")]
    EmptyTitle,
    #[error("scheduling needs a publish time (--at)")]
    NeedsTime,
    #[error("the body is empty")]
    EmptyBody,
    #[error("the publish time must be in the future")]
    PastTime,
}

/// What is wrong with a Markdown file's front matter (or, for control characters, its body).
/// Lines count from the file's first line, the opening fence.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FrontMatterError {
    #[error(
        "line {line} holds the control character U+{code:04X}: remove it (only tab and line breaks are allowed), nothing after it was read"
    )]
    ControlChar { line: usize, code: u32 },
    #[error("the front matter is {bytes} bytes: at most {} KiB are read", limit / 1024)]
    TooLarge { bytes: usize, limit: usize },
    #[error("the front matter at line {line} is nested more than {limit} levels deep")]
    TooDeep { line: usize, limit: usize },
    #[error(
        "the YAML aliases (*name) at line {line} expand to more than {limit} values: write the values out"
    )]
    TooManyValues { line: usize, limit: usize },
    #[error("the key “{0}” is given twice")]
    DuplicateKey(String),
    #[error("draft is “{0}”: write true or false (yes/no, on/off, y/n and 1/0 are read too)")]
    BadDraft(String),
    #[error("the front matter opened with {0} is never closed")]
    Unclosed(&'static str),
    #[error("the YAML front matter is not valid: {0}")]
    BadYaml(String),
    #[error("the YAML front matter is not a list of `key: value` lines")]
    NotKeyValue,
    #[error("the TOML front matter is not valid: {0}")]
    BadToml(String),
    #[error("the date “{0}” is not a date: write it like 2026-11-26T10:42:00+07:00")]
    BadDate(String),
}
