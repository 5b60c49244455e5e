//! Reading a file someone named, with an end: only regular files (a fifo would block forever,
//! `/dev/zero` never ends), and never more than a limit, checked before reading and again
//! while reading (a file may grow after it was looked at).

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// What a named path turned out to be, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRegular {
    Folder,
    /// A fifo, a socket, a device (`/dev/zero`, a terminal).
    Special,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    NotRegular(NotRegular),
    /// Larger than `limit` bytes (`bytes` is what was seen: the size, or what was read).
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// The whole of a regular file of at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Opening a fifo for reading blocks until a writer comes: open without waiting, then look
    // at what was opened (not at the path, which may change in between).
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(ReadError::NotRegular(NotRegular::Folder));
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular(NotRegular::Special));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadError::TooLarge { bytes: read, limit });
    }
    Ok(bytes)
}

fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "xin chào").unwrap();
        assert_eq!(read_regular(&file, 100).unwrap(), "xin chào".as_bytes());
        assert!(matches!(
            read_regular(&file, 4),
            Err(ReadError::TooLarge { bytes: 9, limit: 4 })
        ));
        assert!(matches!(
            read_regular(dir.path(), 100),
            Err(ReadError::NotRegular(NotRegular::Folder))
        ));
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 100),
            Err(ReadError::NotRegular(NotRegular::Special))
        ));
        let fifo = dir.path().join("fifo.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid path; mkfifo only creates the node.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        assert!(matches!(
            read_regular(&fifo, 100),
            Err(ReadError::NotRegular(NotRegular::Special))
        ));
        assert!(matches!(
            read_regular(&dir.path().join("none.md"), 100),
            Err(ReadError::Io(_))
        ));
    }
}
