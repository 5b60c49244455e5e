//! History: what an article was, and bringing an old version back.

use rusqlite::{OptionalExtension, params};

use super::articles::{get_tx, replace};
use super::row::{from_ts, status_from, tags_from_json};
use super::{Result, Store, StoreError};
use crate::domain::{Actor, Article, ArticleFields, RevisionInfo, RevisionKind, Status};

impl Store {
    /// Every earlier version and refused conflicting save, newest first.
    pub fn history(&self, id: i64) -> Result<Vec<RevisionInfo>> {
        let mut stmt = self.conn.prepare(
            "SELECT rev, kind, version, status, title, saved_at, saved_by, word_count
             FROM revisions WHERE article_id = ?1 ORDER BY rev DESC",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(RevisionInfo {
                rev: r.get(0)?,
                kind: RevisionKind::parse(&r.get::<_, String>(1)?).unwrap_or(RevisionKind::Save),
                version: r.get(2)?,
                status: status_from(&r.get::<_, String>(3)?)?,
                title: r.get(4)?,
                saved_at: from_ts(r.get(5)?),
                saved_by: r.get(6)?,
                word_count: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The content of one revision.
    pub fn revision(&self, id: i64, rev: i64) -> Result<ArticleFields> {
        self.conn
            .query_row(
                "SELECT slug, title, lede, body, byline, signed_by, section, tags, publish_at
                 FROM revisions WHERE article_id = ?1 AND rev = ?2",
                params![id, rev],
                |r| {
                    Ok(ArticleFields {
                        slug: Some(r.get(0)?),
                        title: r.get(1)?,
                        lede: r.get(2)?,
                        body: r.get(3)?,
                        byline: r.get(4)?,
                        signed_by: r.get(5)?,
                        section: r.get(6)?,
                        tags: tags_from_json(&r.get::<_, String>(7)?),
                        publish_at: r.get::<_, Option<i64>>(8)?.map(from_ts),
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NoRevision { id, rev })
    }

    /// Brings revision `rev` back as a new save; the status stays as it is. If the revision's
    /// slug now belongs to another article, the current slug is kept.
    pub fn restore(&mut self, id: i64, rev: i64, actor: &Actor) -> Result<Article> {
        let mut fields = self.revision(id, rev)?;
        self.write(|tx| {
            let current = get_tx(tx, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
            let slug_owner: Option<i64> = tx
                .query_row(
                    "SELECT id FROM articles WHERE slug = ?1",
                    [fields.slug.as_deref().unwrap_or_default()],
                    |r| r.get(0),
                )
                .optional()?;
            if slug_owner.is_some_and(|o| o != id) {
                fields.slug = Some(current.slug.clone());
            }
            // The status stays, so its publish time stays with it.
            if matches!(current.status, Status::Scheduled | Status::Published) {
                fields.publish_at = current.publish_at;
            }
            replace(tx, &current, &fields.normalized(), current.status, actor)
        })
    }
}
