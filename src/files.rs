//! Reading a file someone named, with an end: only regular files (a fifo would block forever,
//! `/dev/zero` never ends), and never more than a limit, checked before reading and again
//! while reading (a file may grow after it was looked at). Import, `new --body-file` and the
//! photo library all read through here.

use std::fs::Metadata;
use std::io::Read;
use std::path::Path;

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    Pipe,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl FileKind {
    fn of(meta: &Metadata) -> FileKind {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            FileKind::Pipe
        } else if t.is_char_device() {
            FileKind::CharDevice
        } else if t.is_block_device() {
            FileKind::BlockDevice
        } else if t.is_socket() {
            FileKind::Socket
        } else if meta.is_dir() {
            FileKind::Folder
        } else {
            FileKind::Other
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    NotRegular(FileKind),
    /// Larger than `limit` bytes (`bytes` is what was seen: the size, or what was read).
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Io(std::io::Error),
}

fn regular(meta: &Metadata, limit: u64) -> Result<(), ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotRegular(FileKind::of(meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    Ok(())
}

/// The whole of the regular file at `path`, at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    // Looked at before opening: opening a device or a pipe can itself block or act.
    regular(&std::fs::metadata(path).map_err(ReadError::Io)?, limit)?;
    // If the path was swapped for a pipe since, opening it must not wait for a writer.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(ReadError::Io)?;
    // The handle's own type and size: the path may have changed since it was looked at.
    let meta = file.metadata().map_err(ReadError::Io)?;
    regular(&meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadError::TooLarge { bytes: read, limit });
    }
    Ok(bytes)
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
        // "à" is two bytes.
        assert!(matches!(
            read_regular(&file, 4),
            Err(ReadError::TooLarge { bytes: 9, limit: 4 })
        ));
        // A sparse file one byte over the limit: refused without reading it.
        let big = dir.path().join("big.md");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(1 << 30)
            .unwrap();
        assert!(matches!(
            read_regular(&big, 1 << 20),
            Err(ReadError::TooLarge { bytes, .. }) if bytes == 1 << 30
        ));
        assert!(matches!(
            read_regular(dir.path(), 100),
            Err(ReadError::NotRegular(FileKind::Folder))
        ));
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 100),
            Err(ReadError::NotRegular(FileKind::CharDevice))
        ));
        let fifo = dir.path().join("fifo.md");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid path; mkfifo only creates the node.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        assert!(matches!(
            read_regular(&fifo, 100),
            Err(ReadError::NotRegular(FileKind::Pipe))
        ));
        assert!(matches!(
            read_regular(&dir.path().join("none.md"), 100),
            Err(ReadError::Io(_))
        ));
    }
}
