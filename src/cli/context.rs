//! What every command needs: the store, who is working, the clock and the newsroom's zone.

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, Local, Offset, Utc};

use super::CliMsg;
use super::{CliError, CliResult};
use crate::domain::Actor;
use crate::i18n::Lang;
use crate::store::Store;

pub struct Context {
    pub store: Store,
    pub db_path: PathBuf,
    pub user: String,
    pub tz: FixedOffset,
    /// The language messages are printed in.
    pub lang: Lang,
}

/// `$NEWSDESK_DB`, else `newsdesk.db` in the platform data folder (XDG_DATA_HOME on Linux).
pub fn default_db_path() -> CliResult<PathBuf> {
    if let Some(p) = std::env::var_os("NEWSDESK_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "newsdesk")
        .map(|d| d.data_dir().join("newsdesk.db"))
        .ok_or(CliError::Msg(CliMsg::NoHomeFolder))
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
#[cfg(unix)]
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

#[cfg(not(unix))]
fn user_from_passwd() -> Option<String> {
    None
}

impl Context {
    pub fn open(db: Option<&Path>) -> CliResult<Context> {
        let db_path = match db {
            Some(p) => p.to_path_buf(),
            None => default_db_path()?,
        };
        let store = Store::open(&db_path)?;
        Ok(Context {
            store,
            db_path,
            user: os_user(),
            tz: Local::now().offset().fix(),
            lang: Lang::default(),
        })
    }

    /// Who acts, and now.
    pub fn actor(&self) -> Actor {
        Actor::new(self.user.clone(), Utc::now())
    }
}
