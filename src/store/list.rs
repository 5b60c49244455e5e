//! Listing (paged in SQL) and search (FTS5 over folded text, ranked by bm25).

use chrono::{DateTime, Utc};
use rusqlite::types::Value;

use super::row::{from_ts, status_from, tags_from_json};
use super::{Result, Store};
use crate::domain::query::SearchQuery;
use crate::domain::snippet::{Piece, snippet};
use crate::domain::{Status, text};

/// How many of the newest matches a search ranks. A query matching more (a word in nearly
/// every article) is ranked among its newest matches: what a newsroom searches for.
const RANK_WINDOW: usize = 1000;

/// Width of a search snippet, in characters.
const SNIPPET_CHARS: usize = 160;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Last saved first.
    #[default]
    Updated,
    /// Latest publish time first; articles without one last.
    Published,
    /// A to Z, ignoring marks.
    Title,
}

impl Sort {
    fn order_by(self) -> &'static str {
        match self {
            Sort::Updated => "a.updated_at DESC, a.id DESC",
            Sort::Published => "a.publish_at IS NULL, a.publish_at DESC, a.id DESC",
            Sort::Title => "a.title_key ASC, a.id ASC",
        }
    }
}

/// One page of the article list.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub status: Option<Status>,
    /// Matched ignoring case and marks.
    pub section: Option<String>,
    pub tag: Option<String>,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}

/// What a list line needs: no body, so a page stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub status: Status,
    pub section: String,
    pub tags: Vec<String>,
    pub byline: String,
    pub publish_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    pub word_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub snippet: Vec<Piece>,
}

const SUMMARY_COLUMNS: &str = "a.id, a.slug, a.title, a.status, a.section, a.tags, a.byline, \
     a.publish_at, a.updated_at, a.updated_by, a.word_count";

fn summary(r: &rusqlite::Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: r.get(0)?,
        slug: r.get(1)?,
        title: r.get(2)?,
        status: status_from(&r.get::<_, String>(3)?)?,
        section: r.get(4)?,
        tags: tags_from_json(&r.get::<_, String>(5)?),
        byline: r.get(6)?,
        publish_at: r.get::<_, Option<i64>>(7)?.map(from_ts),
        updated_at: from_ts(r.get(8)?),
        updated_by: r.get(9)?,
        word_count: r.get(10)?,
    })
}

/// `WHERE` clauses for the filters shared by list and search.
fn filters(
    status: Option<Status>,
    section: Option<&str>,
    tag: Option<&str>,
    clauses: &mut Vec<&'static str>,
    args: &mut Vec<Value>,
) {
    if let Some(s) = status {
        clauses.push("a.status = ?");
        args.push(Value::Text(s.as_str().into()));
    }
    if let Some(s) = section {
        clauses.push("a.section_key = ?");
        args.push(Value::Text(text::fold(s.trim())));
    }
    if let Some(t) = tag {
        clauses.push(
            "EXISTS (SELECT 1 FROM article_tags t WHERE t.tag_key = ? AND t.article_id = a.id)",
        );
        args.push(Value::Text(text::fold(t.trim())));
    }
}

/// SQLite integers are i64; "more than there can be" is the same as everything.
fn clamp(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn where_sql(clauses: &[&str]) -> String {
    if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    }
}

impl Store {
    pub fn list(&self, q: &ListQuery) -> Result<Vec<ArticleSummary>> {
        let (mut clauses, mut args) = (Vec::new(), Vec::new());
        filters(
            q.status,
            q.section.as_deref(),
            q.tag.as_deref(),
            &mut clauses,
            &mut args,
        );
        args.push(Value::Integer(clamp(q.limit)));
        args.push(Value::Integer(clamp(q.offset)));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a {} ORDER BY {} LIMIT ? OFFSET ?",
            where_sql(&clauses),
            q.sort.order_by(),
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many articles a list query matches (ignoring limit and offset).
    pub fn count(&self, q: &ListQuery) -> Result<usize> {
        let (mut clauses, mut args) = (Vec::new(), Vec::new());
        filters(
            q.status,
            q.section.as_deref(),
            q.tag.as_deref(),
            &mut clauses,
            &mut args,
        );
        let sql = format!("SELECT count(*) FROM articles a {}", where_sql(&clauses));
        let n: i64 = self
            .conn
            .query_row(&sql, rusqlite::params_from_iter(args), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Ranked search. A query with only filters lists the newest matching articles.
    pub fn search(&self, q: &SearchQuery, limit: usize, offset: usize) -> Result<Vec<SearchHit>> {
        let Some(expr) = q.fts_expression() else {
            let list = ListQuery {
                status: q.status,
                section: q.section.clone(),
                tag: q.tag.clone(),
                limit,
                offset,
                ..ListQuery::default()
            };
            return self.hits(self.list(&list)?, q);
        };
        // Rank the newest matches only: the index walks them newest-first and stops, so a
        // word found in every article costs no more than a rare one. Filters are facet tokens
        // in the expression; the outer WHERE re-checks them exactly (a section differing only
        // in punctuation shares a facet token).
        let window = (offset + limit).max(RANK_WINDOW);
        let mut args = vec![
            Value::Text(expr),
            Value::Integer(clamp(window)),
            Value::Integer(clamp(limit)),
            Value::Integer(clamp(offset)),
        ];
        let mut clauses = Vec::new();
        filters(
            q.status,
            q.section.as_deref(),
            q.tag.as_deref(),
            &mut clauses,
            &mut args,
        );
        // Only the page of results is looked up in `articles`; ranking happens in the index.
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM (
                 SELECT id, score FROM (
                     SELECT rowid AS id, rank AS score FROM search_index
                     WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?
                 ) ORDER BY score, id LIMIT ? OFFSET ?
             ) m JOIN articles a ON a.id = m.id
             {} ORDER BY m.score, a.id",
            where_sql(&clauses)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), summary)?;
        let found: Vec<ArticleSummary> = rows.collect::<rusqlite::Result<_>>()?;
        self.hits(found, q)
    }

    /// Adds a snippet to each result, cut from its lede and body.
    fn hits(&self, found: Vec<ArticleSummary>, q: &SearchQuery) -> Result<Vec<SearchHit>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT lede, body FROM articles WHERE id = ?1")?;
        let mut out = Vec::with_capacity(found.len());
        for article in found {
            let (lede, body): (String, String) =
                stmt.query_row([article.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let mut pieces = snippet(&lede, &q.words, q.prefix_last, SNIPPET_CHARS);
            if pieces.is_empty() {
                pieces = snippet(&body, &q.words, q.prefix_last, SNIPPET_CHARS);
            }
            if pieces.is_empty() {
                let start = if lede.trim().is_empty() { &body } else { &lede };
                let mut text: String = start.chars().take(SNIPPET_CHARS).collect();
                text = text.replace('\n', " ");
                if start.chars().count() > SNIPPET_CHARS {
                    text.push('…');
                }
                pieces.push(Piece { text, hit: false });
            }
            out.push(SearchHit {
                article,
                snippet: pieces,
            });
        }
        Ok(out)
    }
}
