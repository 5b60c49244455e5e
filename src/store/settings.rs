//! Site settings every editor shares: one row per key. The store keeps strings; what a key
//! means and which values are allowed is decided by `site::settings`.

use std::collections::BTreeMap;

use rusqlite::OptionalExtension;

use super::{Result, Store};

impl Store {
    /// Every stored setting, by key.
    /// A number that changes whenever articles, photos or settings change (kept by triggers):
    /// what an export compares to know the live site is already up to date.
    pub fn change_counter(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT n FROM change_counter WHERE id = 1", [], |r| {
                r.get(0)
            })?)
    }

    pub fn settings(&self) -> Result<BTreeMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, value FROM settings ORDER BY key")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Stores a value (already checked by the caller).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }

    /// Removes a stored value, so the default applies again.
    pub fn unset_setting(&mut self, key: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM settings WHERE key = ?1", [key])?;
            Ok(())
        })
    }
}
