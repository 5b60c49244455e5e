//! Reading one Markdown file for `import`: only a regular file, only up to a size limit, so
//! `/dev/zero` cannot fill the memory, a named pipe cannot block the import forever, and a
//! file growing while it is read stops at the limit.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use thiserror::Error;

/// The largest Markdown file imported: a thousand times a long article.
pub const MAX_MARKDOWN_BYTES: u64 = 16 << 20;

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
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let t = meta.file_type();
            if t.is_fifo() {
                return FileKind::Pipe;
            }
            if t.is_char_device() {
                return FileKind::CharDevice;
            }
            if t.is_block_device() {
                return FileKind::BlockDevice;
            }
            if t.is_socket() {
                return FileKind::Socket;
            }
        }
        if meta.is_dir() {
            FileKind::Folder
        } else {
            FileKind::Other
        }
    }

    fn english(self) -> &'static str {
        match self {
            FileKind::Folder => "a folder",
            FileKind::Pipe => "a named pipe (FIFO)",
            FileKind::CharDevice => "a character device",
            FileKind::BlockDevice => "a block device",
            FileKind::Socket => "a socket",
            FileKind::Other => "not a file",
        }
    }
}

/// Why a file was not read. The English wording is the `Display`; `describe_import` words
/// it in Vietnamese.
#[derive(Debug, Error)]
pub enum ReadRefusal {
    #[error("cannot read: {0}")]
    Io(std::io::Error),
    #[error("is {}, not a regular file: only regular files are imported", .0.english())]
    NotRegular(FileKind),
    #[error(
        "is {bytes} bytes, over the {} MiB a Markdown file may have",
        MAX_MARKDOWN_BYTES >> 20
    )]
    TooLarge { bytes: u64 },
    #[error("is not UTF-8 text (byte {offset})")]
    NotUtf8 { offset: usize },
}

fn regular(meta: &Metadata) -> Result<(), ReadRefusal> {
    if !meta.is_file() {
        return Err(ReadRefusal::NotRegular(FileKind::of(meta)));
    }
    if meta.len() > MAX_MARKDOWN_BYTES {
        return Err(ReadRefusal::TooLarge { bytes: meta.len() });
    }
    Ok(())
}

/// The text of the regular file at `path`, at most `MAX_MARKDOWN_BYTES`.
pub fn read_markdown(path: &Path) -> Result<String, ReadRefusal> {
    // Looked at before opening: opening a device or a pipe can itself block or act.
    regular(&std::fs::metadata(path).map_err(ReadRefusal::Io)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // If the path was swapped for a pipe since, opening it must not wait for a writer.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file: File = options.open(path).map_err(ReadRefusal::Io)?;
    // The handle's own type and size: the path may have changed since it was looked at.
    regular(&file.metadata().map_err(ReadRefusal::Io)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_MARKDOWN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadRefusal::Io)?;
    if bytes.len() as u64 > MAX_MARKDOWN_BYTES {
        return Err(ReadRefusal::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    String::from_utf8(bytes).map_err(|e| ReadRefusal::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_up_to_the_limit_are_read() {
        // A sparse file one byte over the limit: refused without reading it whole.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "x".repeat(100)).unwrap();
        assert_eq!(read_markdown(&path).unwrap().len(), 100);
        let big = dir.path().join("big.md");
        let f = File::create(&big).unwrap();
        f.set_len(MAX_MARKDOWN_BYTES + 1).unwrap();
        assert!(matches!(
            read_markdown(&big),
            Err(ReadRefusal::TooLarge { bytes }) if bytes == MAX_MARKDOWN_BYTES + 1
        ));
        assert!(matches!(
            read_markdown(dir.path()),
            Err(ReadRefusal::NotRegular(FileKind::Folder))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_markdown(Path::new("/dev/null")),
            Err(ReadRefusal::NotRegular(FileKind::CharDevice))
        ));
    }
}
