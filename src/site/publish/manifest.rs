//! A build's manifest: one line per file, `<fingerprint> <size> <mtime ns> <path>`. The size
//! and modification time are what the file had when the build placed it, so a later export
//! can tell (with one `lstat`, never following a link) that a file was changed or replaced
//! since, and write it again instead of linking it into the next build. Manifests written
//! before sizes were recorded have lines `<fingerprint> <path>`: those builds are not trusted.

use std::collections::HashMap;
use std::fs::{self, Metadata};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// What a placed file looked like: its size and modification time (nanoseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta {
    pub size: u64,
    pub mtime: i128,
}

impl Meta {
    /// The metadata of a regular file; `None` for anything else (a link, a folder).
    pub fn of(m: &Metadata) -> Option<Meta> {
        m.file_type().is_file().then(|| Meta {
            size: m.len(),
            mtime: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
        })
    }

    /// The file at `path` as it is now, without following a link.
    pub fn at(path: &Path) -> Option<Meta> {
        fs::symlink_metadata(path).ok().as_ref().and_then(Meta::of)
    }
}

/// One line: the page's fingerprint and, in current manifests, the file's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub fp: u64,
    pub meta: Option<Meta>,
}

pub fn line(fp: u64, meta: Meta, path: &str) -> String {
    format!("{fp:016x} {} {} {path}\n", meta.size, meta.mtime)
}

/// The manifest at `path` (empty when missing or unreadable) and whether every line carries
/// the file's metadata.
pub fn read(path: &Path) -> (HashMap<String, Entry>, bool) {
    let Ok(text) = fs::read_to_string(path) else {
        return (HashMap::new(), false);
    };
    let mut all_meta = true;
    let entries = text
        .lines()
        .filter_map(|l| {
            // No allocation but the path's: a manifest has a line per file of the site.
            let (fp, rest) = l.split_once(' ')?;
            let fp = u64::from_str_radix(fp, 16).ok()?;
            let (meta, path) = match rest.split_once(' ') {
                None => (None, rest),
                Some((size, rest)) => {
                    let (mtime, path) = rest.split_once(' ')?;
                    let meta = Meta {
                        size: size.parse().ok()?,
                        mtime: mtime.parse().ok()?,
                    };
                    (Some(meta), path)
                }
            };
            all_meta &= meta.is_some();
            Some((path.to_string(), Entry { fp, meta }))
        })
        .collect();
    (entries, all_meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_and_old_lines_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("1.manifest");
        let meta = Meta {
            size: 12,
            mtime: 1_700_000_000_123_456_789,
        };
        fs::write(&p, line(0xab, meta, "a/index.html")).unwrap();
        let (m, all) = read(&p);
        assert!(all);
        assert_eq!(
            m["a/index.html"],
            Entry {
                fp: 0xab,
                meta: Some(meta)
            }
        );
        fs::write(&p, "00000000000000ab a/index.html\n").unwrap();
        let (m, all) = read(&p);
        assert!(!all, "an old manifest is not trusted");
        assert_eq!(m["a/index.html"].meta, None);
        assert_eq!(read(&dir.path().join("none")), (HashMap::new(), false));
    }
}
