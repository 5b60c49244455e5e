//! Making a build survive a power loss: its files reach the disk before the live link points
//! at it, and a build is marked complete (`<n>.complete`) only after that. A live build without
//! the mark (made before this rule, or left by an unclean stop) is not trusted: the next export
//! checks every file of it instead of linking it on the manifest's word.
//!
//! In test builds every step is logged, so a test can check their order.

use crate::site::IoAction;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::io;
use crate::site::error::Result;

#[cfg(test)]
pub(crate) static LOG: std::sync::Mutex<Vec<(&'static str, std::path::PathBuf)>> =
    std::sync::Mutex::new(Vec::new());

/// Notes a step for the tests; nothing outside them.
pub(super) fn log(_step: &'static str, _path: &Path) {
    #[cfg(test)]
    if let Ok(mut l) = LOG.lock() {
        l.push((_step, _path.to_path_buf()));
    }
}

/// Writes everything of the file system `dir` is on to the disk: every file and folder the
/// build made or linked, in one call (a `fsync` per file would cost a disk flush each).
pub(super) fn sync_file_system(dir: &Path) -> Result<()> {
    let f = File::open(dir).map_err(io(IoAction::MakeDurable, dir))?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor is open for the whole call.
        if unsafe { libc::syncfs(f.as_raw_fd()) } != 0 {
            return Err(io(IoAction::MakeDurable, dir)(
                std::io::Error::last_os_error(),
            ));
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        drop(f);
        // SAFETY: sync takes no arguments and cannot fail.
        unsafe { libc::sync() };
    }
    log("syncfs", dir);
    Ok(())
}

/// Makes these files and folders durable, a `fsync` each, on several threads at once: the
/// disk merges flushes that wait together, where one after another each waits its turn. A
/// path no longer there is skipped (a folder the build emptied and removed: its parent, also
/// listed, holds the change).
pub(super) fn sync_paths(paths: &[PathBuf]) -> Result<()> {
    const THREADS: usize = 16;
    let part = paths.len().div_ceil(THREADS).max(1);
    let results: Vec<Result<()>> = std::thread::scope(|s| {
        let handles: Vec<_> = paths
            .chunks(part)
            .map(|chunk| {
                s.spawn(move || {
                    for path in chunk {
                        match File::open(path) {
                            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                            opened => opened
                                .and_then(|f| f.sync_all())
                                .map_err(io(IoAction::MakeDurable, path))?,
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(crate::site::SiteError::Read(
                        "a sync thread panicked".into(),
                    ))
                })
            })
            .collect()
    });
    for path in paths {
        log("fsync", path);
    }
    results.into_iter().collect()
}

/// Makes the entries of folder `dir` (files made, renamed or removed in it) durable.
pub(super) fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(io(IoAction::MakeDurable, dir))?;
    log("fsync folder", dir);
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file renamed over it: readers see the old file
/// or the new one, whole. Not synced: what it records can be worked out without it.
pub(super) fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("new");
    let _ = fs::remove_file(&tmp);
    File::options()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(io(IoAction::Write, &tmp))?;
    fs::rename(&tmp, path).map_err(io(IoAction::Write, path))?;
    log("write", path);
    Ok(())
}

/// `<builds>/<n>.complete`: the mark that build `n`'s files are on the disk.
pub(super) fn marker(builds: &Path, n: u64) -> std::path::PathBuf {
    builds.join(format!("{n}.complete"))
}

/// Marks build `n` complete (its files already synced), and makes the mark durable together
/// with the build's own name and its manifest's (one `fsync` of the builds folder). A mark
/// that outlives a lost rename is removed when that number is built again (`Output::start`).
pub(super) fn mark_complete(builds: &Path, n: u64) -> Result<()> {
    let m = marker(builds, n);
    File::create(&m).map_err(io(IoAction::CreateCompletionMark, &m))?;
    log("mark complete", &m);
    sync_dir(builds)
}
