//! Changing an article's status or content from outside its editor: the same lock policy for
//! every front end. Someone else's fresh lock refuses the change, naming them; `force` takes
//! the lock over first, as Ctrl-K does, so the editor who had it is told at their next
//! heartbeat and their next save goes through the conflict dialog.

use chrono::{DateTime, Utc};

use super::error::AppResult;
use super::locks::{HeldBy, Taken};
use super::session::Session;
use crate::domain::{Article, ArticleFields, Status};
use crate::store::{LockOwner, StoreError};

/// Whether a change may override someone else's fresh lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockPolicy {
    /// Refuse, naming who holds it.
    Respect,
    /// Take the lock over, then change.
    TakeOver,
}

/// Refuses when another session holds a fresh lock on `id` (or takes it over, by `policy`).
/// Our own lock, a stale one or none: go ahead.
pub fn check_lock(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    policy: LockPolicy,
) -> AppResult<()> {
    let now = session.now();
    let Some(lock) = session.store.lock(id)? else {
        return Ok(());
    };
    if lock.is_held_by(me) || lock.is_stale(now) {
        return Ok(());
    }
    match policy {
        LockPolicy::TakeOver => {
            session.store.take_over_lock(id, me, now)?;
            Ok(())
        }
        LockPolicy::Respect => Err(StoreError::Locked {
            id,
            user: lock.user,
            host: lock.host,
            since: lock.since,
        }
        .into()),
    }
}

/// Moves `id` to `to` (at `at`, when scheduling), under the lock policy.
pub fn set_status(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    to: Status,
    at: Option<DateTime<Utc>>,
    policy: LockPolicy,
) -> AppResult<Article> {
    check_lock(session, me, id, policy)?;
    let actor = session.actor();
    Ok(session.store.set_status(id, to, at, &actor)?)
}

/// Brings revision `rev` of `id` back as a new save, under the lock policy.
pub fn restore(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    rev: i64,
    policy: LockPolicy,
) -> AppResult<Article> {
    check_lock(session, me, id, policy)?;
    let actor = session.actor();
    Ok(session.store.restore(id, rev, &actor)?)
}

/// Removes `id` and its whole history, under the lock policy.
pub fn purge(session: &mut Session, me: &LockOwner, id: i64, policy: LockPolicy) -> AppResult<()> {
    check_lock(session, me, id, policy)?;
    Ok(session.store.purge(id)?)
}

/// A new article, a draft by this session's user (`newsdesk new`, an editor's first save).
pub fn create(session: &mut Session, fields: &ArticleFields) -> AppResult<Article> {
    let actor = session.actor();
    Ok(session.store.create(fields, Status::Draft, &actor)?)
}

/// What an editor's save came to.
#[derive(Debug)]
pub enum Saved {
    Done(Article),
    /// Someone took the lock over since the editor opened the article: nothing was written,
    /// the text is still in the editor.
    LockLost(HeldBy),
    /// Someone saved since `base_version`: the editor's text was kept as revision `kept_rev`,
    /// `theirs` is the article as it now is.
    Conflict {
        theirs: Article,
        kept_rev: i64,
    },
}

/// The editor's save: a new article becomes a draft; an open one is saved over
/// `base_version` only while this session holds (or can take) its lock.
pub fn save(
    session: &mut Session,
    me: &LockOwner,
    id: Option<i64>,
    fields: &ArticleFields,
    base_version: i64,
) -> AppResult<Saved> {
    let Some(id) = id else {
        return Ok(Saved::Done(create(session, fields)?));
    };
    let actor = session.actor();
    // Our lock first: if it was taken over, say who took it and keep the text.
    if let Taken::Held(by) = super::locks::take(session, me, id)? {
        return Ok(Saved::LockLost(by));
    }
    match session.store.save(id, fields, base_version, &actor) {
        Ok(a) => Ok(Saved::Done(a)),
        Err(StoreError::Conflict { id, kept_rev, .. }) => Ok(Saved::Conflict {
            theirs: session.store.get(id)?,
            kept_rev,
        }),
        Err(e) => Err(e.into()),
    }
}
