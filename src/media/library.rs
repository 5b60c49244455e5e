//! The library folders beside the database: `media/ab/abcdef….jpg` holds each original once,
//! named by its SHA-256, and `media-cache/ab/abcdef0123456789-960.jpg` the web renditions the
//! site export links. Every file is written to a temporary name and renamed into place, so a
//! reader (or a crash) never sees half a file.

use std::fs::{self, File};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use super::{Format, Image};

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The two folders of one newsroom's photos.
#[derive(Debug, Clone)]
pub struct Library {
    root: PathBuf,
}

impl Library {
    /// The folders beside the database file `db`.
    pub fn beside(db: &Path) -> Library {
        let root = match db.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Library { root }
    }

    /// `media/`: the originals.
    pub fn originals_dir(&self) -> PathBuf {
        self.root.join("media")
    }

    /// `media-cache/`: the renditions, made once and kept.
    pub fn cache_dir(&self) -> PathBuf {
        self.root.join("media-cache")
    }

    /// Where the original with this hash lives: `media/ab/abcdef….jpg`.
    pub fn original(&self, hash: &str, format: Format) -> PathBuf {
        let fan = hash.get(..2).unwrap_or("00");
        self.originals_dir()
            .join(fan)
            .join(format!("{hash}.{}", format.ext()))
    }

    /// Where a rendition file (named by `Image::renditions`) is cached.
    pub fn cached(&self, name: &str) -> PathBuf {
        let fan = name.get(..2).unwrap_or("00");
        self.cache_dir().join(fan).join(name)
    }

    /// Stores an original; false when the library had it already (the same bytes, by hash).
    pub fn store(&self, hash: &str, format: Format, bytes: &[u8]) -> io::Result<bool> {
        let path = self.original(hash, format);
        if fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64) {
            return Ok(false);
        }
        write_atomic(&path, bytes)?;
        Ok(true)
    }

    /// Removes an original and its cached renditions (what is already gone is no error).
    pub fn remove(&self, image: &Image) -> io::Result<()> {
        let mut paths = vec![self.original(&image.hash, image.format)];
        paths.extend(image.renditions().iter().map(|r| self.cached(&r.name)));
        for p in paths {
            match fs::remove_file(&p) {
                Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, synced, then renamed
/// over `path` in one step.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let written = File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match written.and_then(|()| fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_strings() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
