//! One build: the folder a new version of the site is made in, beside the live one. Files
//! the live build already has with the same bytes are hard-linked from it (same inode, same
//! modification time); the rest are written. Nothing in the live build is trusted further than
//! it can be checked: a file is linked only if it is a regular file (never a link) with the
//! size and time its manifest recorded, and a changed one is written again. Dropped without
//! `finish`, a build removes itself and the live site is untouched.

use crate::site::IoAction;
use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{ErrorKind, Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::error::{Result, SiteError};
use super::plan::Page;
use super::publish::{Entry, Meta, Output, check_rel, io};

mod touched;
pub(super) use touched::Plan;
use touched::Touched;

/// A build in progress. Dropped without `finish`, it removes itself.
pub struct Build<'o> {
    out: &'o Output,
    number: u64,
    dir: PathBuf,
    /// What the recycled folder held (path → fingerprint and file); empty for a fresh folder.
    spare: HashMap<String, Entry>,
    recycled: bool,
    manifest: String,
    paths: HashSet<String>,
    /// What each file placed looked like, noted by the threads that placed them.
    placed: Mutex<HashMap<String, Meta>>,
    /// What changed on disk, to be synced before the build goes live.
    touched: Touched,
    pub written: usize,
    pub unchanged: usize,
    done: bool,
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

/// True when the file at `path` (not followed if a link) is the one `want` describes.
fn is(path: &Path, want: Option<Meta>) -> Option<Meta> {
    Meta::at(path).filter(|m| want == Some(*m))
}

impl<'o> Build<'o> {
    pub(super) fn new(
        out: &'o Output,
        number: u64,
        dir: PathBuf,
        spare: HashMap<String, Entry>,
        recycled: bool,
    ) -> Build<'o> {
        Build {
            out,
            number,
            dir,
            spare,
            recycled,
            manifest: String::new(),
            paths: HashSet::new(),
            placed: Mutex::new(HashMap::new()),
            touched: Touched::default(),
            written: 0,
            unchanged: 0,
            done: false,
        }
    }

    fn note(&self, page: &Page, meta: Meta) {
        if let Ok(mut m) = self.placed.lock() {
            m.insert(page.path.clone(), meta);
        }
    }

    fn live_file(&self, page: &Page) -> Option<PathBuf> {
        self.out.current.as_ref().map(|c| c.join(&page.path))
    }

    /// Hard-links `prev` (a regular file, never a link) to `to`; false if it is not there.
    fn link_from(prev: &Path, to: &Path) -> Result<bool> {
        let mut linked = fs::hard_link(prev, to);
        if linked
            .as_ref()
            .is_err_and(|e| e.kind() == ErrorKind::AlreadyExists)
        {
            // Something the spare's manifest did not list: replaced, never written through.
            fs::remove_file(to).map_err(io(IoAction::Replace, to))?;
            linked = fs::hard_link(prev, to);
        }
        match linked {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(_) => {
                // No hard links here (another file system): copy, keeping the time.
                let Ok(m) = fs::symlink_metadata(prev) else {
                    return Ok(false);
                };
                if !m.is_file() {
                    return Ok(false);
                }
                let mtime = m.modified().map_err(io(IoAction::Read, prev))?;
                fs::copy(prev, to).map_err(io(IoAction::Copy, prev))?;
                File::options()
                    .write(true)
                    .open(to)
                    .and_then(|f| f.set_modified(mtime))
                    .map_err(io(IoAction::SetTime, to))?;
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
    /// False when the file is missing or no longer what the manifest recorded (changed on
    /// disk, or replaced by a link): the page is then rendered and written again.
    pub fn relink(&self, page: &Page) -> Result<bool> {
        check_rel(&page.path)?;
        let Some(live) = self.live_file(page) else {
            return Ok(false);
        };
        if let Some(had) = self.spare.get(&page.path).filter(|e| e.fp == page.fp)
            && is(&self.dir.join(&page.path), had.meta).is_some()
        {
            // The recycled folder has it already: same fingerprint, same file (`placed` takes
            // its size and time from the spare's manifest).
            return Ok(true);
        }
        let Some(want) = self.out.manifest.get(&page.path).and_then(|e| e.meta) else {
            return Ok(false);
        };
        let to = self.prepare(page)?;
        if !Self::link_from(&live, &to)? {
            return Ok(false);
        }
        // Checked after linking, on the build's own entry: what was linked is what is kept.
        match is(&to, Some(want)) {
            Some(meta) => {
                self.note(page, meta);
                Ok(true)
            }
            None => {
                fs::remove_file(&to).map_err(io(IoAction::Replace, &to))?;
                Ok(false)
            }
        }
    }

    /// The page's place in the build, its folder made and no file left there: a file in a
    /// recycled folder may share its inode with the live site, so it is never written through.
    fn prepare(&self, page: &Page) -> Result<PathBuf> {
        let to = self.dir.join(&page.path);
        self.touched.entry(&page.path);
        let had = self.spare.contains_key(&page.path);
        if had {
            match fs::remove_file(&to) {
                Err(e) if e.kind() != ErrorKind::NotFound => {
                    return Err(SiteError::io(IoAction::Replace, &to, e));
                }
                _ => {}
            }
        }
        if let Some(parent) = to.parent()
            && !(had && parent.is_dir())
        {
            fs::create_dir_all(parent).map_err(io(IoAction::CreateFolder, parent))?;
        }
        Ok(to)
    }

    /// Places a file made elsewhere (a photo rendition from the cache): hard-linked, or copied
    /// where links cannot be made. It counts as written.
    pub fn link_in(&self, page: &Page, from: &Path) -> Result<bool> {
        check_rel(&page.path)?;
        let to = self.prepare(page)?;
        let gone = || {
            SiteError::io(
                IoAction::Link,
                from,
                std::io::Error::new(ErrorKind::NotFound, "the file is gone"),
            )
        };
        if !Self::link_from(from, &to)? {
            return Err(gone());
        }
        // The cache's file may not be on the disk yet.
        self.touched.file(&page.path);
        self.note(page, Meta::at(&to).ok_or_else(gone)?);
        Ok(true)
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
            && same_bytes(&live, bytes)
            && Self::link_from(&live, &to)?
        {
            match Meta::at(&to).filter(|m| m.size == bytes.len() as u64) {
                Some(meta) => {
                    self.note(page, meta);
                    return Ok(false);
                }
                // Swapped for something else between the look and the link.
                None => fs::remove_file(&to).map_err(io(IoAction::Replace, &to))?,
            }
        }
        let meta = write_new(&to, bytes)?;
        self.touched.file(&page.path);
        self.note(page, meta);
        Ok(true)
    }

    /// Records a page `place` put in the build.
    pub fn placed(&mut self, page: &Page, written: bool) {
        let kept = self.spare.remove(&page.path).and_then(|e| e.meta);
        let noted = self
            .placed
            .get_mut()
            .ok()
            .and_then(|m| m.remove(&page.path));
        let meta = noted
            .or(kept)
            .or_else(|| Meta::at(&self.dir.join(&page.path)))
            .unwrap_or(Meta { size: 0, mtime: 0 });
        self.manifest
            .push_str(&super::publish::manifest_line(page.fp, meta, &page.path));
        self.paths.insert(page.path.clone());
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
                self.touched.entry(path);
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

    /// Makes the build live (if anything changed, or the live build was not trusted); the
    /// build it replaces becomes the rollback build.
    pub fn finish(mut self) -> Result<Counts> {
        let removed = self
            .out
            .manifest
            .keys()
            .filter(|p| !self.paths.contains(*p))
            .count();
        if self.written == 0
            && removed == 0
            && self.out.current.is_some()
            && self.out.trusted
            && !self.recycled
        {
            return Ok(Counts {
                written: 0,
                unchanged: self.unchanged,
                removed: 0,
                build: None,
            });
        }
        self.sweep();
        #[cfg(test)]
        if super::publish::crashes_at("swept") {
            self.done = true; // killed: nothing cleans up
            return Err(SiteError::Read("killed".into()));
        }
        let manifest = self.out.builds.join(format!("{}.manifest", self.number));
        File::create(&manifest)
            .and_then(|mut f| f.write_all(self.manifest.as_bytes()))
            .map_err(io(IoAction::Write, &manifest))?;
        let final_dir = self.out.builds.join(self.number.to_string());
        fs::rename(&self.dir, &final_dir).map_err(io(IoAction::FinishBuildFolder, &self.dir))?;
        // From here on the folder is a finished build; the next export prunes it if it never
        // went live.
        self.done = true;
        // A live build not trusted may hold files never synced, linked into this one.
        let plan = match std::mem::take(&mut self.touched).plan() {
            Plan::Each { .. } if self.out.current.is_some() && !self.out.trusted => Plan::Whole,
            plan => plan,
        };
        self.out.go_live(self.number, plan)?;
        Ok(Counts {
            written: self.written,
            unchanged: self.unchanged,
            removed,
            build: Some(final_dir),
        })
    }
}

/// True when the file at `live` is a regular file (a link is not opened) holding `bytes`.
fn same_bytes(live: &Path, bytes: &[u8]) -> bool {
    let Ok(mut f) = File::options()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(live)
    else {
        return false;
    };
    if !f
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
    {
        return false;
    }
    let mut old = Vec::with_capacity(bytes.len());
    f.read_to_end(&mut old).is_ok() && old == bytes
}

/// Writes a new file at `to` (never through one already there); returns what it looks like.
fn write_new(to: &Path, bytes: &[u8]) -> Result<Meta> {
    let create = || File::options().write(true).create_new(true).open(to);
    let mut f = match create() {
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            fs::remove_file(to).map_err(io(IoAction::Replace, to))?;
            create()
        }
        other => other,
    }
    .map_err(io(IoAction::Write, to))?;
    f.write_all(bytes).map_err(io(IoAction::Write, to))?;
    let m = f.metadata().map_err(io(IoAction::Write, to))?;
    Meta::of(&m).ok_or_else(|| {
        SiteError::io(
            IoAction::Write,
            to,
            std::io::Error::new(ErrorKind::InvalidData, "not a file"),
        )
    })
}

impl Drop for Build<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}
