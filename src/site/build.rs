//! One build: the folder a new version of the site is made in, beside the live one. Files
//! the live build already has with the same bytes are hard-linked from it (same inode, same
//! modification time); the rest are written. Dropped without `finish`, it removes itself and
//! the live site is untouched.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::error::{Result, SiteError};
use super::plan::Page;
use super::publish::{Output, build_number, check_rel, io};

/// A build in progress. Dropped without `finish`, it removes itself.
pub struct Build<'o> {
    pub(super) out: &'o Output,
    pub(super) number: u64,
    pub(super) dir: PathBuf,
    /// What the recycled folder held (path → fingerprint); empty for a fresh folder.
    pub(super) spare: HashMap<String, u64>,
    pub(super) recycled: bool,
    pub(super) manifest: String,
    pub(super) paths: HashSet<String>,
    pub written: usize,
    pub unchanged: usize,
    pub(super) done: bool,
}

/// What a finished build did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// The build folder now live, when something changed.
    pub build: Option<PathBuf>,
}

impl Build<'_> {
    fn record(&mut self, page: &Page) {
        self.manifest
            .push_str(&format!("{:016x} {}\n", page.fp, page.path));
        self.paths.insert(page.path.clone());
    }

    fn live_file(&self, page: &Page) -> Option<PathBuf> {
        self.out.current.as_ref().map(|c| c.join(&page.path))
    }

    fn link_from(prev: &Path, to: &Path) -> Result<bool> {
        match fs::hard_link(prev, to) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(_) => {
                // No hard links here (another file system): copy, keeping the time.
                let mtime = fs::metadata(prev)
                    .and_then(|m| m.modified())
                    .map_err(io("read", prev))?;
                fs::copy(prev, to).map_err(io("copy", prev))?;
                File::options()
                    .write(true)
                    .open(to)
                    .and_then(|f| f.set_modified(mtime))
                    .map_err(io("set the time of", to))?;
                Ok(true)
            }
        }
    }

    /// Takes an unchanged page from the live build; false if it is not there after all.
    pub fn reuse(&mut self, page: &Page) -> Result<bool> {
        let linked = self.relink(page)?;
        if linked {
            self.placed(page, false);
        }
        Ok(linked)
    }

    /// The file work of `reuse`, safe to run for different pages on several threads at once.
    pub fn relink(&self, page: &Page) -> Result<bool> {
        check_rel(&page.path)?;
        let Some(live) = self.live_file(page) else {
            return Ok(false);
        };
        if self.spare.get(&page.path) == Some(&page.fp) {
            // The recycled folder has it already: same fingerprint, same file.
            return Ok(true);
        }
        let to = self.prepare(page)?;
        Self::link_from(&live, &to)
    }

    /// The page's place in the build, its folder made and no file left there: a file in a
    /// recycled folder may share its inode with the live site, so it is never written through.
    fn prepare(&self, page: &Page) -> Result<PathBuf> {
        let to = self.dir.join(&page.path);
        let had = self.spare.contains_key(&page.path);
        if had {
            match fs::remove_file(&to) {
                Err(e) if e.kind() != ErrorKind::NotFound => {
                    return Err(SiteError::io("replace", &to, e));
                }
                _ => {}
            }
        }
        if let Some(parent) = to.parent()
            && !(had && parent.is_dir())
        {
            fs::create_dir_all(parent).map_err(io("create the folder", parent))?;
        }
        Ok(to)
    }

    /// Places a file made elsewhere (a photo rendition from the cache): hard-linked, or copied
    /// where links cannot be made. It counts as written.
    pub fn link_in(&self, page: &Page, from: &Path) -> Result<bool> {
        check_rel(&page.path)?;
        let to = self.prepare(page)?;
        if Self::link_from(from, &to)? {
            Ok(true)
        } else {
            Err(SiteError::io(
                "link",
                from,
                std::io::Error::new(ErrorKind::NotFound, "the file is gone"),
            ))
        }
    }

    /// Adds a rendered page: taken from the live build if the bytes are the same, else written.
    pub fn put(&mut self, page: &Page, bytes: &[u8]) -> Result<()> {
        let written = self.place(page, bytes)?;
        self.placed(page, written);
        Ok(())
    }

    /// The file work of `put`, safe to run for different pages on several threads at once:
    /// returns true if the page was written, false if it was linked from the live build.
    pub fn place(&self, page: &Page, bytes: &[u8]) -> Result<bool> {
        check_rel(&page.path)?;
        let to = self.prepare(page)?;
        if let Some(live) = self.live_file(page)
            && fs::read(&live).is_ok_and(|old| old == bytes)
            && Self::link_from(&live, &to)?
        {
            return Ok(false);
        }
        fs::write(&to, bytes).map_err(io("write", &to))?;
        Ok(true)
    }

    /// Records a page `place` put in the build.
    pub fn placed(&mut self, page: &Page, written: bool) {
        self.spare.remove(&page.path);
        self.record(page);
        if written {
            self.written += 1;
        } else {
            self.unchanged += 1;
        }
    }

    /// Removes what the recycled folder had and this build does not.
    fn sweep(&self) {
        let mut parents = HashSet::new();
        for path in self.spare.keys().filter(|p| !self.paths.contains(*p)) {
            if check_rel(path).is_ok() {
                let _ = fs::remove_file(self.dir.join(path));
                let mut p = path.as_str();
                while let Some((parent, _)) = p.rsplit_once('/') {
                    parents.insert(parent.to_string());
                    p = parent;
                }
            }
        }
        // Deepest first; a folder that still has files stays.
        let mut parents: Vec<String> = parents.into_iter().collect();
        parents.sort_by_key(|p| std::cmp::Reverse(p.matches('/').count()));
        for p in parents {
            let _ = fs::remove_dir(self.dir.join(p));
        }
    }

    /// Makes the build live (if anything changed); the build it replaces becomes the spare.
    pub fn finish(mut self) -> Result<Counts> {
        let removed = self
            .out
            .manifest
            .keys()
            .filter(|p| !self.paths.contains(*p))
            .count();
        if self.written == 0 && removed == 0 && self.out.current.is_some() && !self.recycled {
            return Ok(Counts {
                written: 0,
                unchanged: self.unchanged,
                removed: 0,
                build: None,
            });
        }
        self.sweep();
        let manifest = self.out.builds.join(format!("{}.manifest", self.number));
        fs::write(&manifest, &self.manifest).map_err(io("write", &manifest))?;
        let final_dir = self.out.builds.join(self.number.to_string());
        fs::rename(&self.dir, &final_dir).map_err(io("finish the build folder", &self.dir))?;
        self.done = true;
        if let Err(e) = self.out.switch(self.number) {
            let _ = fs::remove_dir_all(&final_dir);
            let _ = fs::remove_file(&manifest);
            return Err(e);
        }
        let previous = self.out.current.as_deref().and_then(build_number);
        let keep: Vec<u64> = std::iter::once(self.number).chain(previous).collect();
        self.out.prune(&keep);
        Ok(Counts {
            written: self.written,
            unchanged: self.unchanged,
            removed,
            build: Some(final_dir),
        })
    }
}

impl Drop for Build<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}
