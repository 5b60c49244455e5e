//! A working session: the store, who is working and where, the clock and the newsroom's zone.
//! Both front ends open one and pass it to the use cases.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};

use super::error::{AppError, AppResult};
use crate::domain::Actor;
use crate::store::{LockOwner, Store};

/// Where "now" comes from: the system clock, or a fixed time in tests and demos.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    #[default]
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(t) => t,
        }
    }
}

pub struct Session {
    pub store: Store,
    pub db_path: PathBuf,
    pub user: String,
    /// The newsroom's zone (the site's `timezone` setting): every front end shows and reads
    /// times in it, as the site shows them, whatever the host's own zone.
    pub tz: FixedOffset,
    pub clock: Clock,
}

/// `$NEWSDESK_DB`, else `newsdesk.db` in the platform data folder (XDG_DATA_HOME on Linux).
pub fn default_db_path() -> AppResult<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSDESK_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "newsdesk")
        .map(|d| d.data_dir().join("newsdesk.db"))
        .ok_or(AppError::NoHomeFolder)
}

/// The OS user, recorded on every save so several editors can share one database.
pub fn os_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .or_else(user_from_passwd)
        .unwrap_or_else(|| "unknown".into())
}

/// Cron jobs and some SSH setups have no USER: look our uid up in /etc/passwd.
fn user_from_passwd() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut parts = line.split(':');
        let name = parts.next()?;
        (parts.nth(1)? == uid).then(|| name.to_string())
    })
}

/// The site's `timezone` setting, or its default (+07:00); a stored value that no longer
/// reads falls back to the default, as the site itself does.
fn newsroom_zone(store: &Store) -> AppResult<FixedOffset> {
    let stored = store.settings()?;
    Ok(stored
        .get("timezone")
        .and_then(|v| crate::site::settings::parse_offset(v))
        .unwrap_or(crate::site::Settings::default().timezone))
}

impl Session {
    /// Opens the database at `db` (else the default one) as the OS user.
    pub fn open(db: Option<&Path>) -> AppResult<Session> {
        let db_path = match db {
            Some(p) => p.to_path_buf(),
            None => default_db_path()?,
        };
        let store = Store::open(&db_path)?;
        let tz = newsroom_zone(&store)?;
        Ok(Session {
            store,
            db_path,
            user: os_user(),
            tz,
            clock: Clock::System,
        })
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Who acts, and now.
    pub fn actor(&self) -> Actor {
        Actor::new(self.user.clone(), self.now())
    }

    /// This process as a lock holder: its user, host and a session of its own.
    pub fn lock_owner(&self) -> LockOwner {
        LockOwner::this_process(&self.user)
    }
}
