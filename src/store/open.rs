//! Telling what is wrong when a database file cannot be opened, before anything is written:
//! not ours, damaged, a folder we may not write, a full disk. "Name another file" is only
//! the answer for a file that is not ours; for the others it would split a newsroom's data.

use std::io::Read;
use std::path::Path;

use super::error::{OpenProblem, StoreError};

/// SQLite's file header: magic, then the fields read below (all big-endian).
const MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;

/// A non-empty file that does not start with SQLite's header is not ours: say so untouched.
/// One that does, but is shorter than its header says (with no write-ahead log holding the
/// rest), was cut short: damaged.
pub(super) fn check_header(path: &Path, shown: &str) -> Result<(), StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(from_io(path, shown, &e)),
    };
    let mut header = [0u8; HEADER_LEN];
    let mut n = 0;
    while n < HEADER_LEN {
        match file.read(header.get_mut(n..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(from_io(path, shown, &e)),
        }
    }
    let head = header.get(..n).unwrap_or_default();
    if n == 0 {
        return Ok(());
    }
    if !MAGIC.starts_with(head) && !head.starts_with(MAGIC) {
        return Err(StoreError::NotNewsdesk {
            path: shown.to_string(),
        });
    }
    if n < HEADER_LEN {
        return Err(damaged(shown));
    }
    let len = file.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
    if declared_len(&header).is_some_and(|want| len < want) && !has_wal(path) {
        return Err(damaged(shown));
    }
    Ok(())
}

/// The file length the header promises, when the header says its page count is current.
fn declared_len(h: &[u8; HEADER_LEN]) -> Option<u64> {
    let be32 = |at: usize| -> Option<u32> {
        let b: [u8; 4] = h.get(at..at + 4)?.try_into().ok()?;
        Some(u32::from_be_bytes(b))
    };
    let page_size = match u16::from_be_bytes([h[16], h[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28)?);
    // "Version-valid-for" equal to the change counter: the page count is to be trusted.
    (be32(92)? == be32(24)? && pages > 0).then_some(pages * page_size)
}

/// A write-ahead log with content beside the file may hold pages a checkpoint had not yet
/// copied in when the machine stopped: then a short file is not damage.
fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(Path::new(&wal)).is_ok_and(|m| m.len() > 0)
}

fn damaged(shown: &str) -> StoreError {
    StoreError::CannotOpen {
        path: shown.to_string(),
        problem: OpenProblem::Damaged,
    }
}

pub(super) fn from_io(path: &Path, shown: &str, e: &std::io::Error) -> StoreError {
    let problem = match e.kind() {
        std::io::ErrorKind::PermissionDenied => Some(denied(path)),
        std::io::ErrorKind::StorageFull => Some(OpenProblem::DiskFull),
        _ => None,
    };
    match problem {
        Some(problem) => StoreError::CannotOpen {
            path: shown.to_string(),
            problem,
        },
        None => StoreError::Open {
            path: shown.to_string(),
            reason: e.to_string(),
        },
    }
}

/// Whose fault a refused access is: the folder (SQLite must make its `-wal` and `-shm` files
/// beside the database) or the file itself.
fn denied(path: &Path) -> OpenProblem {
    if writable(&folder_of(path)) {
        OpenProblem::FileDenied
    } else {
        OpenProblem::FolderReadOnly
    }
}

fn folder_of(path: &Path) -> std::path::PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

fn access(path: &Path, mode: libc::c_int) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    unsafe { libc::access(c.as_ptr(), mode) == 0 }
}

fn writable(path: &Path) -> bool {
    access(path, libc::W_OK | libc::X_OK)
}

/// True when the file system holding `path` has no block left for this user.
fn disk_full(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(folder_of(path).as_os_str().as_bytes()) else {
        return false;
    };
    let mut st = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `c` is a valid path and `st` is written by statvfs before it is read.
    let ok = unsafe { libc::statvfs(c.as_ptr(), st.as_mut_ptr()) == 0 };
    // SAFETY: statvfs succeeded, so it filled `st`.
    ok && unsafe { st.assume_init() }.f_bavail == 0
}

/// An error met while opening and checking the file, turned into what is true about it.
pub(super) fn classify(path: &Path, shown: &str, err: StoreError) -> StoreError {
    use rusqlite::ErrorCode as C;
    let StoreError::Sqlite(e) = &err else {
        return err;
    };
    let problem = match e.sqlite_error_code() {
        Some(C::NotADatabase | C::DatabaseCorrupt) => Some(OpenProblem::Damaged),
        Some(C::DiskFull) => Some(OpenProblem::DiskFull),
        Some(C::CannotOpen | C::ReadOnly | C::PermissionDenied | C::SystemIoFailure) => {
            if disk_full(path) {
                Some(OpenProblem::DiskFull)
            } else if !writable(&folder_of(path)) {
                Some(OpenProblem::FolderReadOnly)
            } else if !access(path, libc::R_OK | libc::W_OK) && path.exists() {
                Some(OpenProblem::FileDenied)
            } else {
                None
            }
        }
        _ => None,
    };
    match problem {
        Some(problem) => StoreError::CannotOpen {
            path: shown.to_string(),
            problem,
        },
        None => err,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_page_count_beyond_the_file_is_damage() {
        let mut h = [0u8; HEADER_LEN];
        h[..16].copy_from_slice(MAGIC);
        h[16..18].copy_from_slice(&4096u16.to_be_bytes());
        h[24..28].copy_from_slice(&7u32.to_be_bytes());
        h[28..32].copy_from_slice(&10u32.to_be_bytes());
        h[92..96].copy_from_slice(&7u32.to_be_bytes());
        assert_eq!(declared_len(&h), Some(40_960));
        // A stale count (valid-for differs from the change counter) is not trusted.
        h[92..96].copy_from_slice(&6u32.to_be_bytes());
        assert_eq!(declared_len(&h), None);
    }
}
