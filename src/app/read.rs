//! Reading one Markdown file for `import`: only a regular file, only up to a size limit, so
//! `/dev/zero` cannot fill the memory, a named pipe cannot block the import forever, and a
//! file growing while it is read stops at the limit.

use std::path::Path;

use thiserror::Error;

pub use crate::files::FileKind;
use crate::files::{ReadError, read_regular};

/// The largest Markdown file imported: a thousand times a long article.
pub const MAX_MARKDOWN_BYTES: u64 = 16 << 20;

fn english(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Folder => "a folder",
        FileKind::Pipe => "a named pipe (FIFO)",
        FileKind::CharDevice => "a character device",
        FileKind::BlockDevice => "a block device",
        FileKind::Socket => "a socket",
        FileKind::Other => "not a file",
    }
}

/// Why a file was not read. The English wording is the `Display`; `words::import` words
/// it in Vietnamese.
#[derive(Debug, Error)]
pub enum ReadRefusal {
    #[error("cannot read: {0}")]
    Io(std::io::Error),
    #[error("is {}, not a regular file: only regular files are imported", english(*.0))]
    NotRegular(FileKind),
    #[error(
        "is {bytes} bytes, over the {} MiB a Markdown file may have",
        MAX_MARKDOWN_BYTES >> 20
    )]
    TooLarge { bytes: u64 },
    #[error("is not UTF-8 text (byte {offset})")]
    NotUtf8 { offset: usize },
}

/// The text of the regular file at `path`, at most `MAX_MARKDOWN_BYTES`.
pub fn read_markdown(path: &Path) -> Result<String, ReadRefusal> {
    let bytes = read_regular(path, MAX_MARKDOWN_BYTES).map_err(|e| match e {
        ReadError::NotRegular(kind) => ReadRefusal::NotRegular(kind),
        ReadError::TooLarge { bytes, .. } => ReadRefusal::TooLarge { bytes },
        ReadError::Io(e) => ReadRefusal::Io(e),
    })?;
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
        let f = std::fs::File::create(&big).unwrap();
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
