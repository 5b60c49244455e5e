//! What the site export reads: published articles in site order (publish time, then id, both
//! descending), paged by keyset so a 100,000-article site never sits in memory with its bodies,
//! and the scheduled articles whose time has come.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;

use super::row::{self, to_ts};
use super::{Result, Store};
use crate::domain::Article;

/// Headers only: every column but the body, which comes back empty.
const HEADER_COLUMNS: &str = "id, slug, title, lede, '' AS body, byline, signed_by, section, tags, \
     status, publish_at, created_at, created_by, updated_at, updated_by, version";

/// Where a page of published articles starts: after this (publish time, id).
pub type Cursor = (DateTime<Utc>, i64);

impl Store {
    /// One page of published articles after `after`, newest first. Bodies are included only
    /// with `with_body`; without, `body` is empty (list pages and feeds do not need it).
    pub fn published_page(
        &self,
        after: Option<Cursor>,
        limit: usize,
        with_body: bool,
    ) -> Result<Vec<Article>> {
        let columns = if with_body {
            row::ARTICLE_COLUMNS
        } else {
            HEADER_COLUMNS
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let key = "publish_at";
        let rows = match after {
            None => {
                let sql = format!(
                    "SELECT {columns} FROM articles WHERE status = 'published' AND publish_at IS NOT NULL
                     ORDER BY {key} DESC, id DESC LIMIT ?1"
                );
                let mut stmt = self.conn.prepare_cached(&sql)?;
                stmt.query_map([limit], row::article)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
            Some((at, id)) => {
                let sql = format!(
                    "SELECT {columns} FROM articles WHERE status = 'published'
                     AND ({key} < ?1 OR ({key} = ?1 AND id < ?2))
                     ORDER BY {key} DESC, id DESC LIMIT ?3"
                );
                let mut stmt = self.conn.prepare_cached(&sql)?;
                stmt.query_map([to_ts(at), id, limit], row::article)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
        };
        Ok(rows)
    }

    /// Every published article without its body, newest first, read page by page (those
    /// without a publish time, which the workflow never makes, come last).
    pub fn published_headers(&self) -> Result<Vec<Article>> {
        const PAGE: usize = 2_000;
        let mut out: Vec<Article> = Vec::new();
        loop {
            let after = out.last().and_then(|a| Some((a.publish_at?, a.id)));
            let page = self.published_page(after, PAGE, false)?;
            let done = page.len() < PAGE;
            out.extend(page);
            if done {
                break;
            }
        }
        let sql = format!(
            "SELECT {HEADER_COLUMNS} FROM articles WHERE status = 'published' AND publish_at IS NULL
             ORDER BY id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let undated = stmt.query_map([], row::article)?;
        for a in undated {
            out.push(a?);
        }
        Ok(out)
    }

    /// The bodies of these articles (those that are published), by id.
    pub fn published_bodies(&self, ids: &[i64]) -> Result<Vec<(i64, String)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; ids.len()].join(",");
        let sql =
            format!("SELECT id, body FROM articles WHERE status = 'published' AND id IN ({marks})");
        let mut stmt = self.conn.prepare(&sql)?;
        let args = ids.iter().map(|i| Value::Integer(*i));
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Scheduled articles whose publish time is at or before `now`, oldest first.
    pub fn due_scheduled(&self, now: DateTime<Utc>) -> Result<Vec<Article>> {
        let sql = format!(
            "SELECT {HEADER_COLUMNS} FROM articles WHERE status = 'scheduled' AND publish_at <= ?1
             ORDER BY publish_at, id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([to_ts(now)], row::article)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Runs `f` inside one read transaction, so everything it reads is one consistent snapshot
    /// even while other editors save.
    pub fn read_snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let out = f(self);
        tx.commit()?;
        out
    }
}
