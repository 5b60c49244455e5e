//! Creating, saving and moving articles. Every write is one IMMEDIATE transaction.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};

use super::derived::Derived;
use super::row::{self, ARTICLE_COLUMNS, tags_to_json, to_ts};
use super::{Result, Store, StoreError};
use crate::domain::{
    Actor, Article, ArticleFields, DomainError, RevisionKind, Status, check_content, check_move,
    check_slug, slugify, text, unique_slug,
};

impl Store {
    pub fn get(&self, id: i64) -> Result<Article> {
        get_tx(&self.conn, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    /// An article by numeric id or by slug, as editors type it on the command line.
    pub fn find(&self, key: &str) -> Result<Article> {
        let key = key.trim();
        if let Ok(id) = key.parse::<i64>()
            && let Some(a) = get_tx(&self.conn, id)?
        {
            return Ok(a);
        }
        self.conn
            .query_row(
                &format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE slug = ?1"),
                [key],
                row::article,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(key.to_string()))
    }

    pub fn create(
        &mut self,
        fields: &ArticleFields,
        status: Status,
        actor: &Actor,
    ) -> Result<Article> {
        self.write(|tx| insert(tx, &fields.normalized(), status, actor))
    }

    /// Saves new content over version `base_version`. If someone saved in between, nothing is
    /// overwritten: the text is kept as a conflict revision and `StoreError::Conflict` names
    /// who saved last.
    pub fn save(
        &mut self,
        id: i64,
        fields: &ArticleFields,
        base_version: i64,
        actor: &Actor,
    ) -> Result<Article> {
        let fields = fields.normalized();
        self.write(|tx| {
            let current = get_tx(tx, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
            if current.version != base_version {
                let kept = conflict_copy(tx, &current, &fields, base_version, actor)?;
                return Ok(Err(StoreError::Conflict {
                    id,
                    title: current.title.clone(),
                    saved_by: current.updated_by.clone(),
                    saved_at: current.updated_at,
                    version: current.version,
                    kept_rev: kept,
                }));
            }
            let status = current.status;
            Ok(Ok(replace(tx, &current, &fields, status, actor)?))
        })?
    }

    /// Moves an article through the workflow. `at` is the publish time for scheduling (or an
    /// explicit publish time); publishing without one stamps now.
    pub fn set_status(
        &mut self,
        id: i64,
        to: Status,
        at: Option<DateTime<Utc>>,
        actor: &Actor,
    ) -> Result<Article> {
        self.write(|tx| {
            let current = get_tx(tx, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
            let mut fields = current.fields();
            let publish_at = match to {
                Status::Scheduled => at.or(current.publish_at),
                Status::Published => Some(match (at, current.publish_at) {
                    (Some(t), _) => t,
                    (None, Some(t)) if t <= actor.now => t,
                    _ => actor.now,
                }),
                _ => current.publish_at,
            };
            check_move(current.status, to, &fields, publish_at, actor.now).map_err(|e| {
                StoreError::Rule {
                    title: current.title.clone(),
                    source: e,
                }
            })?;
            fields.publish_at = publish_at;
            replace(tx, &current, &fields, to, actor)
        })
    }

    /// Removes an article and its history for good.
    pub fn purge(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(StoreError::NotFound(id.to_string()));
            }
            tx.execute("DELETE FROM search_index WHERE rowid = ?1", [id])?;
            Ok(())
        })
    }
}

pub(super) fn get_tx(conn: &rusqlite::Connection, id: i64) -> Result<Option<Article>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"
        ))?
        .query_row([id], row::article)
        .optional()?)
}

fn rule(fields: &ArticleFields, e: DomainError) -> StoreError {
    StoreError::Rule {
        title: fields.title.clone(),
        source: e,
    }
}

/// The slug an article gets: the editor's (checked, must be free) or one made from the title.
fn choose_slug(tx: &Transaction, fields: &ArticleFields, own_id: Option<i64>) -> Result<String> {
    let owner = |slug: &str| -> Result<Option<i64>> {
        Ok(tx
            .prepare_cached("SELECT id FROM articles WHERE slug = ?1")?
            .query_row([slug], |r| r.get(0))
            .optional()?)
    };
    match &fields.slug {
        Some(slug) => {
            let holder = owner(slug)?;
            // An article keeps the slug it has, even one made before a rule was added
            // (all digits); a new or changed slug must pass today's rules.
            if holder.is_none() || holder != own_id {
                check_slug(slug).map_err(|e| rule(fields, e))?;
            }
            match holder {
                Some(other) if Some(other) != own_id => Err(StoreError::SlugTaken(slug.clone())),
                _ => Ok(slug.clone()),
            }
        }
        None => {
            let mut failed = None;
            let slug = unique_slug(&slugify(&fields.title), |s| match owner(s) {
                Ok(found) => found.is_some_and(|o| Some(o) != own_id),
                Err(e) => {
                    failed = Some(e);
                    false
                }
            });
            match failed {
                Some(e) => Err(e),
                None => Ok(slug),
            }
        }
    }
}

/// Inserts a new article from normalised fields and reads it back.
pub(super) fn insert(
    tx: &Transaction,
    fields: &ArticleFields,
    status: Status,
    actor: &Actor,
) -> Result<Article> {
    let derived = Derived::new(fields, status);
    let (id, _) = insert_row(tx, fields, status, actor, &derived, None)?;
    index(tx, id, &derived, false)?;
    get_tx(tx, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))
}

/// Inserts a new article, not yet in the search index (see `index`); returns its id and slug
/// (imports need no more). `source` is the file an import read it from.
pub(super) fn insert_row(
    tx: &Transaction,
    fields: &ArticleFields,
    status: Status,
    actor: &Actor,
    d: &Derived,
    source: Option<&str>,
) -> Result<(i64, String)> {
    check_content(status, fields).map_err(|e| rule(fields, e))?;
    let slug = choose_slug(tx, fields, None)?;
    let now = to_ts(actor.now);
    tx.prepare_cached(
        "INSERT INTO articles (slug, title, title_key, lede, body, byline, signed_by, section,
             section_key, tags, status, publish_at, created_at, created_by, updated_at,
             updated_by, version, word_count, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13, ?14, 1, ?15,
             ?16)",
    )?
    .execute(params![
        slug,
        fields.title,
        d.title_key,
        fields.lede,
        fields.body,
        fields.byline,
        fields.signed_by,
        fields.section,
        d.section_key,
        d.tags_json,
        status.as_str(),
        fields.publish_at.map(to_ts),
        now,
        actor.user,
        d.word_count,
        source,
    ])?;
    let id = tx.last_insert_rowid();
    write_tags(tx, id, d)?;
    super::media::index_inline(tx, id, &d.inline_refs, false)?;
    Ok((id, slug))
}

/// Replaces an article's content and status, keeping the old content as a revision, and
/// reads it back.
pub(super) fn replace(
    tx: &Transaction,
    current: &Article,
    fields: &ArticleFields,
    status: Status,
    actor: &Actor,
) -> Result<Article> {
    let derived = Derived::new(fields, status);
    replace_row(tx, current, fields, status, actor, &derived)?;
    index(tx, current.id, &derived, true)?;
    get_tx(tx, current.id)?.ok_or_else(|| StoreError::NotFound(current.id.to_string()))
}

/// Replaces an article's content and status, its search-index entry left for `index`;
/// returns its slug.
pub(super) fn replace_row(
    tx: &Transaction,
    current: &Article,
    fields: &ArticleFields,
    status: Status,
    actor: &Actor,
    d: &Derived,
) -> Result<String> {
    check_content(status, fields).map_err(|e| rule(fields, e))?;
    let slug = choose_slug(tx, fields, Some(current.id))?;
    push_revision(
        tx,
        current,
        &current.fields(),
        RevisionKind::Save,
        current.version,
        current.updated_at,
        &current.updated_by,
    )?;
    tx.prepare_cached(
        "UPDATE articles SET slug = ?2, title = ?3, title_key = ?4, lede = ?5, body = ?6,
             byline = ?7, signed_by = ?8, section = ?9, section_key = ?10, tags = ?11,
             status = ?12, publish_at = ?13, updated_at = ?14, updated_by = ?15,
             version = version + 1, word_count = ?16
         WHERE id = ?1",
    )?
    .execute(params![
        current.id,
        slug,
        fields.title,
        d.title_key,
        fields.lede,
        fields.body,
        fields.byline,
        fields.signed_by,
        fields.section,
        d.section_key,
        d.tags_json,
        status.as_str(),
        fields.publish_at.map(to_ts),
        to_ts(actor.now),
        actor.user,
        d.word_count,
    ])?;
    tx.prepare_cached("DELETE FROM article_tags WHERE article_id = ?1")?
        .execute([current.id])?;
    write_tags(tx, current.id, d)?;
    super::media::index_inline(tx, current.id, &d.inline_refs, true)?;
    Ok(slug)
}

fn write_tags(tx: &Transaction, id: i64, d: &Derived) -> Result<()> {
    let mut tag_stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO article_tags (article_id, tag_key) VALUES (?1, ?2)",
    )?;
    for key in &d.tag_keys {
        tag_stmt.execute(params![id, key])?;
    }
    Ok(())
}

/// Writes an article's search-index entry (replacing the one it had). Called after the
/// transaction's other writes: FTS5 flushes its pending terms to a new segment at every
/// statement savepoint, and any write that fires a trigger (the change counter's) opens one,
/// so index writes interleaved with row writes made one segment per article on import.
pub(super) fn index(tx: &Transaction, id: i64, d: &Derived, replacing: bool) -> Result<()> {
    if replacing {
        tx.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?
            .execute([id])?;
    }
    tx.prepare_cached(
        "INSERT INTO search_index (rowid, title, lede, body, byline, tags, section, facets)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        d.title_key,
        d.lede_key,
        d.body_key,
        d.byline_key,
        d.tags_key,
        d.section_key,
        d.facets,
    ])?;
    Ok(())
}

/// Appends a revision and returns its number.
pub(super) fn push_revision(
    tx: &Transaction,
    article: &Article,
    content: &ArticleFields,
    kind: RevisionKind,
    version: i64,
    saved_at: DateTime<Utc>,
    saved_by: &str,
) -> Result<i64> {
    let rev: i64 = tx.query_row(
        "SELECT coalesce(max(rev), 0) + 1 FROM revisions WHERE article_id = ?1",
        [article.id],
        |r| r.get(0),
    )?;
    tx.prepare_cached(
        "INSERT INTO revisions (article_id, rev, kind, version, slug, title, lede, body, byline,
             signed_by, section, tags, status, publish_at, saved_at, saved_by, word_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        article.id,
        rev,
        kind.as_str(),
        version,
        content.slug.clone().unwrap_or_else(|| article.slug.clone()),
        content.title,
        content.lede,
        content.body,
        content.byline,
        content.signed_by,
        content.section,
        tags_to_json(&content.tags),
        article.status.as_str(),
        content.publish_at.map(to_ts),
        to_ts(saved_at),
        saved_by,
        text::word_count(&content.body) as i64,
    ])?;
    Ok(rev)
}

fn conflict_copy(
    tx: &Transaction,
    current: &Article,
    refused: &ArticleFields,
    base_version: i64,
    actor: &Actor,
) -> Result<i64> {
    push_revision(
        tx,
        current,
        refused,
        RevisionKind::Conflict,
        base_version,
        actor.now,
        &actor.user,
    )
}
