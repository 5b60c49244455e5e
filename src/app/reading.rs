//! Reading the newsroom: pages of the list, searches, one article (with the recovery copy
//! its editor left behind), its history and one of its revisions. Nothing here writes.

use super::error::AppResult;
use super::session::Session;
use crate::domain::query::SearchQuery;
use crate::domain::{Article, ArticleFields, RevisionInfo, Status};
use crate::store::{ArticleSummary, ListQuery, Recovery, SearchHit};

/// One page of the list, by the query's filters, sort and window.
pub fn list(session: &Session, q: &ListQuery) -> AppResult<Vec<ArticleSummary>> {
    Ok(session.store.list(q)?)
}

/// How many articles the query's filters let through (its window aside).
pub fn count(session: &Session, q: &ListQuery) -> AppResult<usize> {
    Ok(session.store.count(q)?)
}

/// A page of the list and how many rows the whole list has.
#[derive(Debug, Clone)]
pub struct Page {
    pub rows: Vec<ArticleSummary>,
    pub total: usize,
}

/// `list` and `count` of one query.
pub fn page(session: &Session, q: &ListQuery) -> AppResult<Page> {
    Ok(Page {
        rows: list(session, q)?,
        total: count(session, q)?,
    })
}

/// The best `limit` matches for what was typed (words with or without their diacritics, and
/// `status:`, `section:`, `tag:`, `by:` filters), ranked. `within` is the status the list
/// shows, used when the text names none.
pub fn search(
    session: &Session,
    text: &str,
    within: Option<Status>,
    limit: usize,
) -> AppResult<Vec<SearchHit>> {
    let mut q = SearchQuery::parse(text)?;
    if q.status.is_none() {
        q.status = within;
    }
    Ok(session.store.search(&q, limit, 0)?)
}

/// The article with this id or slug.
pub fn find(session: &Session, key: &str) -> AppResult<Article> {
    Ok(session.store.find(key)?)
}

/// The article with this id, as stored now.
pub fn get(session: &Session, id: i64) -> AppResult<Article> {
    Ok(session.store.get(id)?)
}

/// An article opened for editing.
#[derive(Debug, Clone)]
pub struct Opened {
    pub article: Article,
    /// The unsaved text this session's user left for it, when it differs from `article`.
    pub recovery: Option<Recovery>,
}

/// The article with this id, and the recovery copy of it its user left, when that differs
/// from it (in title, lede or body).
pub fn open(session: &Session, id: i64) -> AppResult<Opened> {
    let article = session.store.get(id)?;
    let recovery = session
        .store
        .recovery(&session.user, Some(id))?
        .filter(|r| {
            r.fields.body != article.body
                || r.fields.title != article.title
                || r.fields.lede != article.lede
        });
    Ok(Opened { article, recovery })
}

/// Every earlier version of the article and every refused conflicting save, newest first.
pub fn history(session: &Session, id: i64) -> AppResult<Vec<RevisionInfo>> {
    Ok(session.store.history(id)?)
}

/// What revision `rev` of the article held.
pub fn revision(session: &Session, id: i64, rev: i64) -> AppResult<ArticleFields> {
    Ok(session.store.revision(id, rev)?)
}
