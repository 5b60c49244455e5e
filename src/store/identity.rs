//! Which article an imported document is: the one its file made before (found by the file's
//! explicit slug, else by the path it was read from), never one whose title happens to match.
//! Articles without a recorded file (written here, or imported before files were recorded)
//! are found by slug, as imports always found them, and belong to the file from then on.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction};

use super::row::to_ts;
use super::{Result, StoreError};
use crate::domain::{Article, ArticleFields, Status, slugify, text};

/// A new article whose title makes a slug another article already has, so it got another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    /// The slug the title makes, which the other article has.
    pub slug: String,
    /// The file the other article was imported from; `None` when it has none.
    pub source: Option<String>,
}

/// Where a document goes.
pub(super) enum Target {
    /// An existing article; `claim`: it has no file yet and becomes this document's.
    Existing { id: i64, claim: bool },
    /// Another file's article, which has this document's explicit slug: the document may
    /// not change it (an identical copy changes nothing, so it is let through).
    Foreign { id: i64, file: String },
    /// A new article. The other article holding the slug the title makes, if any.
    New { holder: Option<Holder> },
}

/// The article holding a slug: its id, the file it came from, its title.
pub(super) struct Holder {
    id: i64,
    source: Option<String>,
    title: String,
}

impl Holder {
    /// The collision a new article with slug `got` had with this holder of `wanted`.
    pub(super) fn collision(self, wanted: &str, got: &str) -> Option<Collision> {
        (wanted != got).then(|| Collision {
            slug: wanted.to_string(),
            source: self.source,
        })
    }
}

fn by_slug(tx: &Transaction, slug: &str) -> Result<Option<Holder>> {
    Ok(tx
        .prepare_cached("SELECT id, source, title FROM articles WHERE slug = ?1")?
        .query_row([slug], |r| {
            Ok(Holder {
                id: r.get(0)?,
                source: r.get(1)?,
                title: r.get(2)?,
            })
        })
        .optional()?)
}

fn by_source(tx: &Transaction, source: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM articles WHERE source = ?1")?
        .query_row([source], |r| r.get(0))
        .optional()?)
}

/// The slug a document without one gets, before `-2`, `-3`… when it is taken.
pub(super) fn wanted_slug(fields: &ArticleFields) -> String {
    fields
        .slug
        .clone()
        .unwrap_or_else(|| slugify(&fields.title))
}

/// Finds the article a document from `source` (`None`: not known) belongs to.
pub(super) fn target(
    tx: &Transaction,
    fields: &ArticleFields,
    source: Option<&str>,
) -> Result<Target> {
    let wanted = wanted_slug(fields);
    // A slug made from the title names the same article only if the title is the same too:
    // long titles are cut, so two notices may differ only after the cut.
    let same_title = |h: &Holder| text::fold(&h.title) == text::fold(&fields.title);
    let Some(source) = source else {
        // No file to go by: by slug, as imports always matched.
        let holder = by_slug(tx, &wanted)?;
        return Ok(match holder {
            Some(h) if fields.slug.is_some() || same_title(&h) => Target::Existing {
                id: h.id,
                claim: false,
            },
            holder => Target::New { holder },
        });
    };
    if fields.slug.is_some() {
        // The explicit slug names the article; it must not be another file's.
        return match by_slug(tx, &wanted)? {
            Some(h) if h.source.as_deref() == Some(source) => Ok(Target::Existing {
                id: h.id,
                claim: false,
            }),
            Some(Holder {
                id,
                source: Some(file),
                ..
            }) => Ok(Target::Foreign { id, file }),
            // An article with no file yet: this file's, unless the file already has another.
            Some(h) => match by_source(tx, source)? {
                Some(_) => Err(StoreError::SlugTaken(wanted)),
                None => Ok(Target::Existing {
                    id: h.id,
                    claim: true,
                }),
            },
            // The file's article, if it made one, takes the new slug.
            None => Ok(match by_source(tx, source)? {
                Some(id) => Target::Existing { id, claim: false },
                None => Target::New { holder: None },
            }),
        };
    }
    if let Some(id) = by_source(tx, source)? {
        return Ok(Target::Existing { id, claim: false });
    }
    Ok(match by_slug(tx, &wanted)? {
        Some(h) if h.source.is_none() && same_title(&h) => Target::Existing {
            id: h.id,
            claim: true,
        },
        holder => Target::New { holder },
    })
}

/// Records that article `id` came from `source`.
pub(super) fn claim(tx: &Transaction, id: i64, source: &str) -> Result<()> {
    tx.prepare_cached("UPDATE articles SET source = ?2 WHERE id = ?1")?
        .execute(rusqlite::params![id, source])?;
    Ok(())
}

/// Whether saving `fields` with `status` over `current` would change nothing (no slug: the
/// article's is kept). Times to the second, as stored.
pub(super) fn unchanged(current: &Article, fields: &ArticleFields, status: Status) -> bool {
    let secs = |t: Option<DateTime<Utc>>| t.map(to_ts);
    current.status == status
        && fields.slug.as_deref().is_none_or(|s| s == current.slug)
        && current.title == fields.title
        && current.lede == fields.lede
        && current.body == fields.body
        && current.byline == fields.byline
        && current.signed_by == fields.signed_by
        && current.section == fields.section
        && current.tags == fields.tags
        && secs(current.publish_at) == secs(fields.publish_at)
}
