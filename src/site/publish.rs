//! Publish: build into a folder beside the live one, then switch the live path in one step.
//! `OUT` is a symbolic link to `OUT.builds/<n>`; the next build is made in
//! `OUT.builds/<n+1>.tmp` (unchanged files hard-linked from the live build, so they keep
//! their inode and modification time), renamed to `<n+1>`, and `OUT` is replaced by `rename`
//! of a new link. Readers see the old site or the new one, never a mixture. Two builds are
//! kept: the live one and the one before it (for `--rollback`). The next build recycles the
//! older one, updating only the files that differ, so editing one article costs a handful of
//! file operations, not one per page of the site. A build that fails leaves the live site
//! exactly as it was.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::build::Build;
use super::error::{Result, SiteError};
use super::plan::Page;

/// The live path, its builds folder and the build it points at, locked for one export.
pub struct Output {
    live: PathBuf,
    name: String,
    parent: PathBuf,
    pub(super) builds: PathBuf,
    _lock: File,
    pub(super) current: Option<PathBuf>,
    pub(super) manifest: HashMap<String, u64>,
}

pub(super) fn io<'a>(
    action: &'static str,
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
        let builds = parent.join(format!("{name}.builds"));
        fs::create_dir_all(&builds).map_err(io("create the builds folder", &builds))?;
        let lock_path = builds.join(".lock");
        let lock = File::create(&lock_path).map_err(io("create the lock file", &lock_path))?;
        if lock.try_lock().is_err() {
            return Err(SiteError::Busy {
                path: live.to_path_buf(),
            });
        }
        let live = match live.parent() {
            Some(p) if !p.as_os_str().is_empty() => parent.join(&name),
            _ => PathBuf::from(&name),
        };
        let current = match fs::symlink_metadata(&live) {
            Err(e) if e.kind() == ErrorKind::NotFound => None,
            Err(e) => return Err(SiteError::io("look at", &live, e)),
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&live).map_err(io("read the link", &live))?;
                Some(parent.join(target)).filter(|t| t.is_dir())
            }
            Ok(m) if m.is_dir() => {
                // An empty folder (made by hand, or by a deploy script) may become our link.
                if fs::remove_dir(&live).is_err() {
                    return Err(SiteError::NotOurs { path: live });
                }
                None
            }
            Ok(_) => return Err(SiteError::NotOurs { path: live }),
        };
        let manifest = current
            .as_deref()
            .and_then(build_number)
            .map(|n| read_manifest(&builds.join(format!("{n}.manifest"))))
            .unwrap_or_default();
        let out = Output {
            live,
            name,
            parent,
            builds,
            _lock: lock,
            current,
            manifest,
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
                if e.file_name().to_string_lossy().ends_with(".tmp") {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
    }

    fn numbered(&self) -> Vec<u64> {
        let mut n: Vec<u64> = fs::read_dir(&self.builds)
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.path().is_dir())
                    .filter_map(|e| build_number(&e.path()))
                    .collect()
            })
            .unwrap_or_default();
        n.sort_unstable();
        n
    }

    /// True when the live build has this page with this fingerprint.
    pub fn reusable(&self, page: &Page) -> bool {
        self.manifest.get(&page.path) == Some(&page.fp)
    }

    /// True when every page is in the live build unchanged and nothing would be removed.
    pub fn unchanged(&self, pages: &[Page]) -> bool {
        self.current.is_some()
            && self.manifest.len() == pages.len()
            && pages.iter().all(|p| self.reusable(p))
    }

    /// Starts the next build. The spare build (the one before the live one) is recycled: it
    /// is renamed to `<n+1>.tmp` and brought up to date in place, so a build touches only the
    /// files that differ, not every file of the site. Its manifest is removed first, so a
    /// build that dies half way is never mistaken for a complete one.
    pub fn start(&self) -> Result<Build<'_>> {
        let current = self.current.as_deref().and_then(build_number);
        let numbered = self.numbered();
        let number = numbered.last().copied().unwrap_or(0) + 1;
        let dir = self.builds.join(format!("{number}.tmp"));
        let mut spare = HashMap::new();
        if let Some(old) = numbered.iter().rev().copied().find(|n| Some(*n) != current) {
            let manifest = self.builds.join(format!("{old}.manifest"));
            let old_dir = self.builds.join(old.to_string());
            spare = read_manifest(&manifest);
            let _ = fs::remove_file(&manifest);
            if spare.is_empty() || fs::rename(&old_dir, &dir).is_err() {
                spare.clear();
                let _ = fs::remove_dir_all(&old_dir);
            }
        }
        if spare.is_empty() {
            fs::create_dir(&dir).map_err(io("create the build folder", &dir))?;
        }
        Ok(Build {
            out: self,
            number,
            dir,
            recycled: !spare.is_empty(),
            spare,
            manifest: String::new(),
            paths: HashSet::new(),
            written: 0,
            unchanged: 0,
            done: false,
        })
    }

    /// Points the live path at `target` (a folder in the builds folder) in one step.
    pub(super) fn switch(&self, number: u64) -> Result<()> {
        let tmp = self
            .parent
            .join(format!(".{}.switch-{}", self.name, std::process::id()));
        let _ = fs::remove_file(&tmp);
        let target = format!("{}.builds/{number}", self.name);
        std::os::unix::fs::symlink(&target, &tmp).map_err(io("create the link", &tmp))?;
        fs::rename(&tmp, &self.live).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            SiteError::io("switch the live site link", &self.live, e)
        })
    }

    /// Keeps the live build and the one before it; removes older ones.
    pub(super) fn prune(&self, keep: &[u64]) {
        for n in self.numbered() {
            if !keep.contains(&n) {
                let _ = fs::remove_dir_all(self.builds.join(n.to_string()));
                let _ = fs::remove_file(self.builds.join(format!("{n}.manifest")));
            }
        }
    }

    /// Switches the live path back to the other kept build; returns it.
    pub fn rollback(&self) -> Result<PathBuf> {
        let current = self.current.as_deref().and_then(build_number);
        let other = self.numbered().into_iter().rfind(|n| Some(*n) != current);
        let Some(n) = other else {
            return Err(SiteError::NoPrevious {
                path: self.live.clone(),
            });
        };
        self.switch(n)?;
        Ok(self.builds.join(n.to_string()))
    }
}

pub(super) fn read_manifest(path: &Path) -> HashMap<String, u64> {
    let Ok(text) = fs::read_to_string(path) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|l| {
            let (fp, path) = l.split_once(' ')?;
            Some((path.to_string(), u64::from_str_radix(fp, 16).ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_slug_paths_are_written() {
        for ok in [
            "index.html",
            "dan-van/tin-a/index.html",
            "sitemap-2.xml",
            "tag/x/page/2/index.html",
        ] {
            assert!(check_rel(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "A/b",
            "a/./b",
            "a b",
        ] {
            assert!(check_rel(bad).is_err(), "{bad}");
        }
    }
}
