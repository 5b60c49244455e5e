//! Rows ⇄ domain values.

use chrono::{DateTime, Utc};
use rusqlite::Row;

use crate::domain::{Article, Status};

pub const ARTICLE_COLUMNS: &str = "id, slug, title, lede, body, byline, signed_by, section, tags, \
     status, publish_at, created_at, created_by, updated_at, updated_by, version";

pub fn to_ts(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

pub fn from_ts(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(s, 0).unwrap_or_default()
}

pub fn tags_to_json(tags: &[String]) -> String {
    serde_json::to_string(tags).unwrap_or_else(|_| "[]".into())
}

pub fn tags_from_json(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

pub fn status_from(s: &str) -> rusqlite::Result<Status> {
    Status::parse(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Reads a row selected with `ARTICLE_COLUMNS`.
pub fn article(r: &Row) -> rusqlite::Result<Article> {
    Ok(Article {
        id: r.get(0)?,
        slug: r.get(1)?,
        title: r.get(2)?,
        lede: r.get(3)?,
        body: r.get(4)?,
        byline: r.get(5)?,
        signed_by: r.get(6)?,
        section: r.get(7)?,
        tags: tags_from_json(&r.get::<_, String>(8)?),
        status: status_from(&r.get::<_, String>(9)?)?,
        publish_at: r.get::<_, Option<i64>>(10)?.map(from_ts),
        created_at: from_ts(r.get(11)?),
        created_by: r.get(12)?,
        updated_at: from_ts(r.get(13)?),
        updated_by: r.get(14)?,
        version: r.get(15)?,
    })
}
