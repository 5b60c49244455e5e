//! Publish: build into a folder beside the live one, then switch the live path in one step.
//! `OUT` is a symbolic link to `OUT.builds/<n>`; the next build is made in
//! `OUT.builds/<n+1>.tmp` (unchanged files hard-linked, so they keep their inode and
//! modification time), renamed to `<n+1>`, synced to the disk, marked complete, and `OUT` is
//! replaced by `rename` of a new link. Readers see the old site or the new one, never a
//! mixture, and after a power loss the link points at files that are on the disk.
//!
//! Three builds are kept: the live one, the one before it (what `--rollback` switches to), and
//! a spare. The next build recycles the spare, updating only the files that differ, so editing
//! one article costs a handful of file operations, not one per page. The spare is never the
//! live build nor the rollback build, and older builds are removed only after the switch: a
//! build that fails or is killed at any point leaves both exactly as they were.

mod durable;
mod keep;
mod manifest;
#[cfg(test)]
mod tests;

use crate::site::IoAction;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::build::{Build, Plan};
use super::error::{Result, SiteError};
use super::plan::Page;
pub(super) use manifest::{Entry, Meta, line as manifest_line};

/// Tests stop an export at a named step, as a kill would (`tests::killed_at`).
#[cfg(test)]
pub(super) fn crashes_at(step: &str) -> bool {
    tests::CRASH_AT.with(|c| c.get() == Some(step))
}

#[cfg(test)]
fn crash_point(step: &str) -> Result<()> {
    if crashes_at(step) {
        return Err(SiteError::Read("killed".into()));
    }
    Ok(())
}

/// The live path, its builds folder and the build it points at, locked for one export.
pub struct Output {
    live: PathBuf,
    name: String,
    parent: PathBuf,
    pub(super) builds: PathBuf,
    _lock: File,
    pub(super) current: Option<PathBuf>,
    current_n: Option<u64>,
    pub(super) manifest: HashMap<String, Entry>,
    /// The live build was marked complete and its manifest records every file's size and
    /// time: its files may be linked on the manifest's word (each is still `lstat`-ed).
    pub(super) trusted: bool,
}

/// What is at an export path that newsdesk will not replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Occupant {
    File,
    /// A link newsdesk did not make, to this target.
    Link(PathBuf),
    /// A device, a socket or a named pipe.
    Special,
}

impl std::fmt::Display for Occupant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Occupant::File => f.write_str("is a file, not a folder"),
            Occupant::Link(t) => write!(f, "is a link newsdesk did not make (to {})", t.display()),
            Occupant::Special => f.write_str("is not a folder (a device, socket or pipe)"),
        }
    }
}

/// Where `--rollback` switched the live path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rolled {
    pub number: u64,
    pub path: PathBuf,
    /// The build it switched away from.
    pub from: u64,
    /// When the build it switched to was made, if known.
    pub made: Option<std::time::SystemTime>,
}

impl Rolled {
    /// True when it switched to a newer build (a second `--rollback` undoing the first).
    pub fn forward(&self) -> bool {
        self.number > self.from
    }
}

pub(super) fn io<'a>(
    action: IoAction,
    path: &'a Path,
) -> impl FnOnce(std::io::Error) -> SiteError + 'a {
    move |e| SiteError::io(action, path, e)
}

/// Output paths are made from slugs; anything else is refused rather than written.
pub(super) fn check_rel(path: &str) -> Result<()> {
    let ok = !path.is_empty()
        && !path.starts_with('/')
        && path
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._/".contains(&b))
        && path
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..");
    if ok {
        Ok(())
    } else {
        Err(SiteError::UnsafePath(path.to_string()))
    }
}

pub(super) fn build_number(p: &Path) -> Option<u64> {
    p.file_name()?.to_str()?.parse().ok()
}

/// What is at an export path that newsdesk may use.
enum Found {
    Nothing,
    /// Our link to build `n` (`NAME.builds/<n>`).
    Build(u64),
    /// A folder: used if empty.
    Folder,
}

/// Looks at the export path `live` (named `name`) without following a link; anything else
/// than nothing, our own link or a folder is refused with what it is.
fn look(live: &Path, name: &str) -> Result<Found> {
    let occupied = |by| SiteError::Occupied {
        path: live.to_path_buf(),
        by,
    };
    match fs::symlink_metadata(live) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(Found::Nothing),
        Err(e) => Err(SiteError::io(IoAction::LookAt, live, e)),
        Ok(m) if m.file_type().is_symlink() => {
            let target = fs::read_link(live).map_err(io(IoAction::ReadLink, live))?;
            // Only a link this export path's own kind of export made is replaced.
            let ours = target.parent() == Some(Path::new(&format!("{name}.builds")));
            match build_number(&target) {
                Some(n) if ours => Ok(Found::Build(n)),
                _ => Err(occupied(Occupant::Link(target))),
            }
        }
        Ok(m) if m.is_dir() => Ok(Found::Folder),
        Ok(m) if m.is_file() => Err(occupied(Occupant::File)),
        Ok(_) => Err(occupied(Occupant::Special)),
    }
}

/// Switches the export path to the build before the live one (or back again).
pub fn rollback(live: &Path) -> Result<Rolled> {
    Output::open(live)?.roll()
}

impl Output {
    /// Opens the export path, taking the export lock (a second export at the same time is
    /// refused, not interleaved).
    pub fn open(live: &Path) -> Result<Output> {
        let name = live
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| !n.starts_with('.'))
            .ok_or_else(|| SiteError::UnsafePath(live.display().to_string()))?
            .to_string();
        let parent = match live.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let live = match live.parent() {
            Some(p) if !p.as_os_str().is_empty() => parent.join(&name),
            _ => PathBuf::from(&name),
        };
        // What is at the export path is refused before anything is made beside it, and
        // looked at again once the lock is held (another export may have just switched it).
        look(&live, &name)?;
        let builds = parent.join(format!("{name}.builds"));
        fs::create_dir_all(&builds).map_err(io(IoAction::CreateBuildsFolder, &builds))?;
        let lock_path = builds.join(".lock");
        let lock = File::create(&lock_path).map_err(io(IoAction::CreateLockFile, &lock_path))?;
        // A moment's patience: a process forked by this one (the sync command, just before it
        // starts) holds a copy of a lock already let go for as long as it takes to start.
        let mut tries = 0;
        while lock.try_lock().is_err() {
            tries += 1;
            if tries == 10 {
                return Err(SiteError::Busy { path: live });
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        let current_n = match look(&live, &name)? {
            Found::Nothing => None,
            Found::Build(n) => Some(n),
            Found::Folder => {
                // An empty folder (made by hand, or by a deploy script) may become our link.
                if fs::remove_dir(&live).is_err() {
                    return Err(SiteError::NotOurs { path: live });
                }
                None
            }
        };
        // A real folder only: a link planted in the builds folder is never followed.
        let current_n = current_n
            .filter(|n| fs::symlink_metadata(builds.join(n.to_string())).is_ok_and(|m| m.is_dir()));
        let (manifest, all_meta) = match current_n {
            Some(n) => manifest::read(&builds.join(format!("{n}.manifest"))),
            None => (HashMap::new(), false),
        };
        let trusted = all_meta
            && !manifest.is_empty()
            && current_n.is_some_and(|n| durable::marker(&builds, n).exists());
        let out = Output {
            live,
            name,
            parent,
            current: current_n.map(|n| builds.join(n.to_string())),
            current_n,
            builds,
            _lock: lock,
            manifest,
            trusted,
        };
        out.remove_stale_tmp();
        Ok(out)
    }

    pub fn live(&self) -> &Path {
        &self.live
    }

    /// Left behind by a build that was killed: nobody else builds while we hold the lock.
    fn remove_stale_tmp(&self) {
        if let Ok(rd) = fs::read_dir(&self.builds) {
            for e in rd.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if name.ends_with(".tmp") {
                    let _ = fs::remove_dir_all(e.path());
                } else if name.ends_with(".new") {
                    let _ = fs::remove_file(e.path());
                }
            }
        }
    }

    /// The numbers of the build folders (real folders, not links).
    fn numbered(&self) -> Vec<u64> {
        let mut n: Vec<u64> = fs::read_dir(&self.builds)
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .filter_map(|e| build_number(&e.path()))
                    .collect()
            })
            .unwrap_or_default();
        n.sort_unstable();
        n
    }

    fn manifest_of(&self, n: u64) -> PathBuf {
        self.builds.join(format!("{n}.manifest"))
    }

    /// Builds that were finished (renamed into place with their manifest).
    fn finished(&self) -> Vec<u64> {
        let mut n = self.numbered();
        n.retain(|n| self.manifest_of(*n).exists());
        n
    }

    /// True when the live build has this page with this fingerprint and may be trusted.
    pub fn reusable(&self, page: &Page) -> bool {
        self.trusted
            && self
                .manifest
                .get(&page.path)
                .is_some_and(|e| e.fp == page.fp)
    }

    /// True when every page is in the live build unchanged and nothing would be removed.
    pub fn unchanged(&self, pages: &[Page]) -> bool {
        self.current.is_some()
            && self.manifest.len() == pages.len()
            && pages.iter().all(|p| self.reusable(p))
    }

    /// Starts the next build. The spare build is recycled: renamed to `<n+1>.tmp` and brought
    /// up to date in place, so a build touches only the files that differ. Its mark and
    /// manifest are removed first, so a build that dies half way is never taken for a complete
    /// one. Without a spare (the first builds) the folder starts empty.
    pub fn start(&self) -> Result<Build<'_>> {
        let numbered = self.numbered();
        let number = numbered.last().copied().unwrap_or(0) + 1;
        let dir = self.builds.join(format!("{number}.tmp"));
        // Records a lost folder of that number left behind must not describe this build.
        for ext in ["complete", "manifest", "state"] {
            let _ = fs::remove_file(self.builds.join(format!("{number}.{ext}")));
        }
        let mut spare = HashMap::new();
        if let Some(old) = self.spare(&[self.current_n, self.previous()]) {
            let manifest = self.manifest_of(old);
            let (entries, all_meta) = manifest::read(&manifest);
            let _ = fs::remove_file(durable::marker(&self.builds, old));
            let _ = fs::remove_file(&manifest);
            // A spare whose files cannot be checked is left for `prune`, not recycled.
            if all_meta && fs::rename(self.builds.join(old.to_string()), &dir).is_ok() {
                spare = entries;
            }
        }
        let recycled = dir.is_dir();
        if !recycled {
            fs::create_dir(&dir).map_err(io(IoAction::CreateBuildFolder, &dir))?;
        }
        Ok(Build::new(self, number, dir, spare, recycled))
    }

    /// Points the live path at build `number` in one step, and makes the switch durable.
    pub(super) fn switch(&self, number: u64) -> Result<()> {
        let tmp = self
            .parent
            .join(format!(".{}.switch-{}", self.name, std::process::id()));
        let _ = fs::remove_file(&tmp);
        let target = format!("{}.builds/{number}", self.name);
        std::os::unix::fs::symlink(&target, &tmp).map_err(io(IoAction::CreateLink, &tmp))?;
        fs::rename(&tmp, &self.live).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            SiteError::io(IoAction::SwitchLink, &self.live, e)
        })?;
        durable::log("switch", &self.live);
        durable::sync_dir(&self.parent)
    }

    /// Makes finished build `number` durable and live; the build it replaces becomes the
    /// rollback build, and only then are builds beyond the three kept removed.
    pub(super) fn go_live(&self, number: u64, plan: Plan) -> Result<()> {
        let dir = self.builds.join(number.to_string());
        match plan {
            Plan::Each { files, dirs } => {
                let mut paths: Vec<PathBuf> =
                    files.iter().chain(&dirs).map(|p| dir.join(p)).collect();
                paths.push(self.manifest_of(number));
                durable::sync_paths(&paths)?;
            }
            Plan::Whole => durable::sync_file_system(&self.builds)?,
        }
        #[cfg(test)]
        crash_point("synced")?;
        durable::mark_complete(&self.builds, number)?;
        #[cfg(test)]
        crash_point("marked")?;
        self.switch(number)?;
        #[cfg(test)]
        crash_point("switched")?;
        self.record(number, self.current_n)?;
        #[cfg(test)]
        crash_point("recorded")?;
        let keep = [Some(number), self.current_n];
        let spare = self.spare(&keep);
        self.prune(&[number], &[self.current_n, spare]);
        Ok(())
    }

    /// Switches the live path back to the rollback build; returns its folder.
    pub fn rollback(&self) -> Result<PathBuf> {
        self.roll().map(|r| r.path)
    }
}
