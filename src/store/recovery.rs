//! Recovery copies: an editor's unsaved buffer, kept per user and article until it is saved
//! or discarded, so a dropped SSH link or a crash never loses a word.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::row::{from_ts, to_ts};
use super::{Result, Store};
use crate::domain::ArticleFields;

/// What the editor held. `article_id` is `None` for an article never saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub article_id: Option<i64>,
    pub base_version: i64,
    pub fields: ArticleFields,
    pub written_at: DateTime<Utc>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    slug: Option<String>,
    title: String,
    lede: String,
    body: String,
    byline: String,
    signed_by: String,
    section: String,
    tags: Vec<String>,
    publish_at: Option<i64>,
}

impl Store {
    /// Writes (or replaces) the user's recovery copy for an article.
    pub fn write_recovery(&mut self, user: &str, r: &Recovery) -> Result<()> {
        let f = &r.fields;
        let stored = Stored {
            slug: f.slug.clone(),
            title: f.title.clone(),
            lede: f.lede.clone(),
            body: f.body.clone(),
            byline: f.byline.clone(),
            signed_by: f.signed_by.clone(),
            section: f.section.clone(),
            tags: f.tags.clone(),
            publish_at: f.publish_at.map(to_ts),
        };
        let json = serde_json::to_string(&stored).unwrap_or_default();
        self.write(|tx| {
            tx.execute(
                "INSERT OR REPLACE INTO recovery (user, article_id, base_version, fields, written_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![user, r.article_id.unwrap_or(0), r.base_version, json, to_ts(r.written_at)],
            )?;
            Ok(())
        })
    }

    /// The user's recovery copy for an article (`None`: the never-saved one), if any.
    pub fn recovery(&self, user: &str, article_id: Option<i64>) -> Result<Option<Recovery>> {
        let row = self
            .conn
            .query_row(
                "SELECT base_version, fields, written_at FROM recovery
                 WHERE user = ?1 AND article_id = ?2",
                params![user, article_id.unwrap_or(0)],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.and_then(|(base_version, json, at)| {
            let s: Stored = serde_json::from_str(&json).ok()?;
            Some(Recovery {
                article_id,
                base_version,
                fields: ArticleFields {
                    slug: s.slug,
                    title: s.title,
                    lede: s.lede,
                    body: s.body,
                    byline: s.byline,
                    signed_by: s.signed_by,
                    section: s.section,
                    tags: s.tags,
                    publish_at: s.publish_at.map(from_ts),
                },
                written_at: from_ts(at),
            })
        }))
    }

    /// Forgets a recovery copy (after a save, or when the editor discards it).
    pub fn discard_recovery(&mut self, user: &str, article_id: Option<i64>) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM recovery WHERE user = ?1 AND article_id = ?2",
                params![user, article_id.unwrap_or(0)],
            )?;
            Ok(())
        })
    }
}
