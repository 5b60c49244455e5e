//! An editor's hold on the article it has open, and the unsaved text it keeps aside: taking
//! the soft lock (refused while someone else's is fresh), taking it over (saying from whom),
//! its heartbeat, giving it up; writing, reading and forgetting recovery copies.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::error::AppResult;
use super::session::Session;
use crate::store::{LockOwner, Recovery, Store, StoreError};

/// Someone else's fresh lock on an article: who, from where, since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldBy {
    pub id: i64,
    pub user: String,
    pub host: String,
    pub since: DateTime<Utc>,
}

/// What asking for the lock came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// This session holds it now (it was free, stale or already ours).
    Ours,
    /// Someone else holds it: the article is read-only here.
    Held(HeldBy),
}

/// Takes the soft lock on `id` unless someone else holds a fresh one.
pub fn take(session: &mut Session, me: &LockOwner, id: i64) -> AppResult<Taken> {
    let now = session.now();
    match session.store.take_lock(id, me, now) {
        Ok(_) => Ok(Taken::Ours),
        Err(StoreError::Locked {
            id,
            user,
            host,
            since,
        }) => Ok(Taken::Held(HeldBy {
            id,
            user,
            host,
            since,
        })),
        Err(e) => Err(e.into()),
    }
}

/// Takes the lock on `id` whoever holds it; the user who had it, when it was another
/// session's (their editor learns it at its next heartbeat).
pub fn take_over(session: &mut Session, me: &LockOwner, id: i64) -> AppResult<Option<String>> {
    let now = session.now();
    let previous = session.store.take_over_lock(id, me, now)?;
    Ok(previous.map(|l| l.user))
}

/// Beats our lock's heart: `Some` when someone took it over since.
pub fn heartbeat(session: &mut Session, me: &LockOwner, id: i64) -> AppResult<Option<HeldBy>> {
    let now = session.now();
    match session.store.heartbeat_lock(id, me, now) {
        Ok(_) => Ok(None),
        Err(StoreError::Locked {
            id,
            user,
            host,
            since,
        }) => Ok(Some(HeldBy {
            id,
            user,
            host,
            since,
        })),
        Err(e) => Err(e.into()),
    }
}

/// Gives our lock on `id` up (someone else's stays).
pub fn release(session: &mut Session, me: &LockOwner, id: i64) -> AppResult<()> {
    Ok(session.store.release_lock(id, me)?)
}

/// Keeps the editor's unsaved text aside, as this session's user's copy for its article.
pub fn keep_recovery(session: &mut Session, r: &Recovery) -> AppResult<()> {
    let user = session.user.clone();
    Ok(session.store.write_recovery(&user, r)?)
}

/// The unsaved text this session's user left for article `id` (`None`: a never-saved one).
pub fn recovery(session: &Session, id: Option<i64>) -> AppResult<Option<Recovery>> {
    Ok(session.store.recovery(&session.user, id)?)
}

/// Forgets this session's user's recovery copy of `id` (`None`: the never-saved one).
pub fn discard_recovery(session: &mut Session, id: Option<i64>) -> AppResult<()> {
    let user = session.user.clone();
    Ok(session.store.discard_recovery(&user, id)?)
}

/// On the way out of a dying session (a hang-up, a signal): through a connection of its own,
/// since the session's may be mid-use, keeps the unsaved text and gives the lock up.
pub fn leave_behind(
    db: &Path,
    user: &str,
    me: &LockOwner,
    unsaved: Option<&Recovery>,
    lock: Option<i64>,
) -> AppResult<()> {
    if unsaved.is_none() && lock.is_none() {
        return Ok(());
    }
    let mut store = Store::open(db)?;
    // Each is tried whatever became of the other.
    let kept = unsaved.map_or(Ok(()), |r| store.write_recovery(user, r));
    let released = lock.map_or(Ok(()), |id| store.release_lock(id, me));
    kept?;
    Ok(released?)
}
