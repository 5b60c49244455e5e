//! Which builds are kept: the live one, the one `--rollback` switches to, and a spare to
//! recycle. The rollback build is recorded in `rollback` (`<live> <previous>`) after each
//! switch; a record left stale by a stop between a switch and its record still names both.

use std::collections::HashSet;
use std::fs;

use super::{Output, Rolled, durable};
use crate::site::error::{Result, SiteError};

impl Output {
    /// The build `--rollback` switches to: the one live before the live one (kept in
    /// `rollback`, written after each switch), else the newest older one, else any other.
    pub(in crate::site) fn previous(&self) -> Option<u64> {
        let finished = self.finished();
        let live = self.current_n;
        let ok = |n: u64| Some(n) != live && finished.contains(&n);
        let record = fs::read_to_string(self.builds.join("rollback")).ok();
        let pair = record.as_deref().and_then(|t| {
            let (a, b) = t.trim().split_once(' ')?;
            Some((a.parse::<u64>().ok()?, b.parse::<u64>().ok()?))
        });
        match pair {
            Some((l, p)) if Some(l) == live && ok(p) => return Some(p),
            // Switched to `p` but stopped before the record said so.
            Some((l, p)) if Some(p) == live && ok(l) => return Some(l),
            _ => {}
        }
        let older = finished
            .iter()
            .copied()
            .filter(|n| ok(*n) && Some(*n) < live);
        older
            .max()
            .or_else(|| finished.iter().copied().filter(|n| ok(*n)).max())
    }

    /// The newest complete build that is neither live nor the rollback build.
    pub(super) fn spare(&self, keep: &[Option<u64>]) -> Option<u64> {
        self.numbered()
            .into_iter()
            .filter(|n| !keep.contains(&Some(*n)))
            .filter(|n| durable::marker(&self.builds, *n).exists())
            .max()
    }

    /// Records that `live` is live and `previous` is the build before it.
    pub(super) fn record(&self, live: u64, previous: Option<u64>) -> Result<()> {
        let Some(previous) = previous else {
            return Ok(());
        };
        // Not synced: lost in a crash, the record read back names builds that no longer match
        // the link, and `previous` falls back to the newest build older than the live one.
        let path = self.builds.join("rollback");
        durable::replace_file(&path, format!("{live} {previous}\n").as_bytes())
    }

    /// Removes every build but those kept, with their records.
    pub(super) fn prune(&self, keep: &[u64], also: &[Option<u64>]) {
        let keep: HashSet<u64> = keep
            .iter()
            .copied()
            .chain(also.iter().flatten().copied())
            .collect();
        let Ok(rd) = fs::read_dir(&self.builds) else {
            return;
        };
        for e in rd.flatten() {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            let (stem, ext) = name.split_once('.').unwrap_or((&name, ""));
            let Ok(n) = stem.parse::<u64>() else { continue };
            if keep.contains(&n) {
                continue;
            }
            let _ = match ext {
                "" if e.file_type().is_ok_and(|t| t.is_dir()) => fs::remove_dir_all(&path),
                "manifest" | "complete" | "state" => fs::remove_file(&path),
                _ => Ok(()),
            };
        }
    }

    /// Switches the live path to the rollback build, and records the one it leaves as the
    /// rollback build (so a second rollback switches forward again).
    pub fn roll(&self) -> Result<Rolled> {
        let Some(n) = self.previous() else {
            return Err(SiteError::NoPrevious {
                path: self.live.clone(),
            });
        };
        self.switch(n)?;
        self.record(n, self.current_n)?;
        Ok(Rolled {
            number: n,
            path: self.builds.join(n.to_string()),
            from: self.current_n.unwrap_or(0),
            made: fs::metadata(self.manifest_of(n))
                .and_then(|m| m.modified())
                .ok(),
        })
    }
}
