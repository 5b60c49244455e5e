//! Soft edit locks: one editor at a time per article, by agreement. A lock names its user,
//! host and session (one running newsdesk), and is kept fresh by a heartbeat; one whose
//! heartbeat is older than `LOCK_STALE_AFTER` (a crashed or vanished session) may be taken.
//! Nothing here stops a save: the store's version check is still the last line of defence.

use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::row::{from_ts, to_ts};
use super::{Result, Store, StoreError};

/// A lock whose heartbeat is this old is abandoned.
pub const LOCK_STALE_AFTER: Duration = Duration::from_secs(120);

/// Who wants or holds a lock: the OS user, the machine, and this run of newsdesk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockOwner {
    pub user: String,
    pub host: String,
    pub session: String,
}

impl LockOwner {
    pub fn new(
        user: impl Into<String>,
        host: impl Into<String>,
        session: impl Into<String>,
    ) -> LockOwner {
        LockOwner {
            user: user.into(),
            host: host.into(),
            session: session.into(),
        }
    }

    /// `user` working in this process on this machine.
    pub fn this_process(user: &str) -> LockOwner {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        LockOwner::new(user, host_name(), format!("{}-{nanos}", std::process::id()))
    }
}

/// This machine's name: `/etc/hostname`, else `$HOSTNAME`, else "localhost".
pub fn host_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| {
            std::env::var("HOSTNAME")
                .ok()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "localhost".into())
}

/// A lock as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    pub article_id: i64,
    pub user: String,
    pub host: String,
    pub session: String,
    pub since: DateTime<Utc>,
    pub heartbeat: DateTime<Utc>,
}

impl Lock {
    pub fn is_stale(&self, now: DateTime<Utc>) -> bool {
        (now - self.heartbeat).num_seconds() >= LOCK_STALE_AFTER.as_secs() as i64
    }

    pub fn is_held_by(&self, owner: &LockOwner) -> bool {
        self.session == owner.session && self.user == owner.user && self.host == owner.host
    }

    pub(super) fn refused(self) -> StoreError {
        StoreError::Locked {
            id: self.article_id,
            user: self.user,
            host: self.host,
            since: self.since,
        }
    }
}

pub(super) fn get(conn: &Connection, id: i64) -> Result<Option<Lock>> {
    Ok(conn
        .query_row(
            "SELECT user, host, session, since, heartbeat FROM edit_locks WHERE article_id = ?1",
            [id],
            |r| {
                Ok(Lock {
                    article_id: id,
                    user: r.get(0)?,
                    host: r.get(1)?,
                    session: r.get(2)?,
                    since: from_ts(r.get(3)?),
                    heartbeat: from_ts(r.get(4)?),
                })
            },
        )
        .optional()?)
}

/// Writes `owner`'s lock on `id`, keeping `since` when it was already theirs.
pub(super) fn put(
    tx: &Transaction,
    id: i64,
    owner: &LockOwner,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Lock> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(StoreError::NotFound(id.to_string()));
    }
    tx.execute(
        "INSERT OR REPLACE INTO edit_locks (article_id, user, host, session, since, heartbeat)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            owner.user,
            owner.host,
            owner.session,
            to_ts(since),
            to_ts(now)
        ],
    )?;
    Ok(Lock {
        article_id: id,
        user: owner.user.clone(),
        host: owner.host.clone(),
        session: owner.session.clone(),
        since: from_ts(to_ts(since)),
        heartbeat: from_ts(to_ts(now)),
    })
}

impl Store {
    /// Who holds the lock on an article, fresh or stale.
    pub fn lock(&self, id: i64) -> Result<Option<Lock>> {
        get(&self.conn, id)
    }

    /// Takes the lock on an article for `owner`. Refused with `StoreError::Locked` (naming
    /// who, where and since when) while another session holds a fresh one; a stale lock is
    /// taken over. Taking one's own lock again is a heartbeat.
    pub fn take_lock(&mut self, id: i64, owner: &LockOwner, now: DateTime<Utc>) -> Result<Lock> {
        self.write(|tx| match get(tx, id)? {
            Some(l) if l.is_held_by(owner) => put(tx, id, owner, l.since, now),
            Some(l) if !l.is_stale(now) => Err(l.refused()),
            _ => put(tx, id, owner, now, now),
        })
    }

    /// Keeps `owner`'s lock fresh. Refused with `StoreError::Locked` when someone has taken it
    /// over meanwhile: that is how the first editor learns of it.
    pub fn heartbeat_lock(
        &mut self,
        id: i64,
        owner: &LockOwner,
        now: DateTime<Utc>,
    ) -> Result<Lock> {
        self.take_lock(id, owner, now)
    }

    /// Takes the lock deliberately, whoever holds it. Returns the lock it replaced when that
    /// was another session's.
    pub fn take_over_lock(
        &mut self,
        id: i64,
        owner: &LockOwner,
        now: DateTime<Utc>,
    ) -> Result<Option<Lock>> {
        self.write(|tx| {
            let previous = get(tx, id)?;
            match previous {
                Some(l) if l.is_held_by(owner) => {
                    put(tx, id, owner, l.since, now)?;
                    Ok(None)
                }
                other => {
                    put(tx, id, owner, now, now)?;
                    Ok(other)
                }
            }
        })
    }

    /// Gives the lock up, if `owner` still holds it (a lock taken over stays with its taker).
    pub fn release_lock(&mut self, id: i64, owner: &LockOwner) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM edit_locks
                 WHERE article_id = ?1 AND user = ?2 AND host = ?3 AND session = ?4",
                params![id, owner.user, owner.host, owner.session],
            )?;
            Ok(())
        })
    }
}
