use chrono::{DateTime, Utc};

use super::status::Status;
use super::text;

/// Who does something and when: injected so the core never reads the clock or the OS user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user: String,
    pub now: DateTime<Utc>,
}

impl Actor {
    pub fn new(user: impl Into<String>, now: DateTime<Utc>) -> Self {
        Actor {
            user: user.into(),
            now,
        }
    }
}

/// The editable content of an article: what an editor types and a save carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFields {
    /// `None` derives the slug from the title when the article is created.
    pub slug: Option<String>,
    pub title: String,
    pub lede: String,
    pub body: String,
    pub byline: String,
    pub signed_by: String,
    pub section: String,
    pub tags: Vec<String>,
    pub publish_at: Option<DateTime<Utc>>,
}

impl ArticleFields {
    /// NFC every string, trim single-line fields, drop empty and repeated tags.
    /// Everything entering the store passes through here.
    pub fn normalized(&self) -> ArticleFields {
        let line = |s: &str| text::nfc(text::strip_controls(s, false).trim());
        let mut tags: Vec<String> = Vec::new();
        for tag in &self.tags {
            let tag = line(tag);
            let key = text::fold(&tag);
            if !tag.is_empty() && !tags.iter().any(|t| text::fold(t) == key) {
                tags.push(tag);
            }
        }
        ArticleFields {
            slug: self.slug.as_deref().map(line).filter(|s| !s.is_empty()),
            title: line(&self.title),
            lede: line(&self.lede),
            body: text::nfc(&text::strip_controls(
                &text::normalize_newlines(&self.body),
                true,
            )),
            byline: line(&self.byline),
            signed_by: line(&self.signed_by),
            section: line(&self.section),
            tags,
            publish_at: self.publish_at,
        }
    }
}

/// An article as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub lede: String,
    pub body: String,
    pub byline: String,
    pub signed_by: String,
    pub section: String,
    pub tags: Vec<String>,
    pub status: Status,
    pub publish_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub created_by: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    pub version: i64,
}

impl Article {
    pub fn fields(&self) -> ArticleFields {
        ArticleFields {
            slug: Some(self.slug.clone()),
            title: self.title.clone(),
            lede: self.lede.clone(),
            body: self.body.clone(),
            byline: self.byline.clone(),
            signed_by: self.signed_by.clone(),
            section: self.section.clone(),
            tags: self.tags.clone(),
            publish_at: self.publish_at,
        }
    }

    pub fn word_count(&self) -> usize {
        text::word_count(&self.body)
    }
}

/// Why a revision exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisionKind {
    /// The content an article had before a later save replaced it.
    Save,
    /// Text whose save was refused because someone else saved first; kept so nothing is lost.
    Conflict,
}

impl RevisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionKind::Save => "save",
            RevisionKind::Conflict => "conflict",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "save" => Some(RevisionKind::Save),
            "conflict" => Some(RevisionKind::Conflict),
            _ => None,
        }
    }
}

/// One line of an article's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionInfo {
    pub rev: i64,
    pub kind: RevisionKind,
    /// The article version this content had (for conflicts: the version it was based on).
    pub version: i64,
    pub status: Status,
    pub title: String,
    pub saved_at: DateTime<Utc>,
    pub saved_by: String,
    pub word_count: i64,
}
