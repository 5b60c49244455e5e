//! The photo library: one host file checked (its size before reading it, then its bytes),
//! kept once by hash and recorded; found by a hash prefix, listed, its texts changed, removed.
//! `newsdesk media` and the TUI's gallery panel both use the library this way; an article's
//! own photos are in `photos`.

use std::path::Path;

use super::error::{AppResult, PhotoProblem};
use super::session::Session;
use crate::files::{ReadError, read_regular};
use crate::media::{Library, Place, Refusal, SHORT, inspect, sha256_hex};
use std::collections::HashMap;

use crate::store::{MediaItem, MediaUse, NewMedia};

/// Keeps `file` in `library` and records it with `text` (caption, alt, credit); returns the
/// library item and whether it is new. The error says why it was refused.
pub fn add_to_library(
    session: &mut Session,
    library: &Library,
    max_mb: u64,
    file: &Path,
    text: &[String; 3],
) -> AppResult<(MediaItem, bool)> {
    let bytes = read_regular(file, max_mb.saturating_mul(1_000_000)).map_err(|e| match e {
        ReadError::NotRegular(kind) => PhotoProblem::NotAFile(kind),
        ReadError::TooLarge { bytes, .. } => PhotoProblem::Rejected(Refusal::TooLarge {
            bytes,
            limit_mb: max_mb,
        }),
        ReadError::Io(e) => PhotoProblem::CannotRead(e.to_string()),
    })?;
    let inspected = inspect(&bytes, max_mb).map_err(PhotoProblem::Rejected)?;
    let hash = sha256_hex(&bytes);
    library
        .store(&hash, inspected.format, &bytes)
        .map_err(|e| PhotoProblem::CannotStore {
            dir: library.originals_dir().to_path_buf(),
            err: e.to_string(),
        })?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let [caption, alt, credit] = text.clone();
    let new = NewMedia {
        hash,
        name,
        bytes: bytes.len() as u64,
        inspected,
        caption,
        alt,
        credit,
    };
    Ok(session.store.add_media(&new, &session.actor())?)
}

/// The photos of article `id` that have no alt text, where each stands and its short hash: the
/// warning both front ends give when it is published or scheduled (a warning, not a refusal:
/// alt text is what blind readers hear).
pub fn lacking_alt(session: &Session, id: i64) -> AppResult<Vec<(Place, String)>> {
    let media = session.store.article_media(id)?;
    let (no_alt, _) = media.problems();
    Ok(no_alt
        .into_iter()
        .map(|(place, p)| {
            let h = &p.image.hash;
            (place, h.get(..SHORT).unwrap_or(h).to_string())
        })
        .collect())
}

/// The library photo whose hash is `key` or starts with it.
pub fn find(session: &Session, key: &str) -> AppResult<MediaItem> {
    Ok(session.store.find_media(key)?)
}

/// The photo library, newest first.
pub fn library(session: &Session) -> AppResult<Vec<MediaItem>> {
    Ok(session.store.media_list()?)
}

/// How many lead and gallery places each photo fills, by hash (unused ones are absent).
pub fn use_counts(session: &Session) -> AppResult<HashMap<String, usize>> {
    Ok(session.store.media_use_counts()?)
}

/// Every article that shows photo `hash`, and how.
pub fn uses(session: &Session, hash: &str) -> AppResult<Vec<MediaUse>> {
    Ok(session.store.media_uses(hash)?)
}

/// Changes the library's caption, alt text or credit of photo `key` (`None`: unchanged);
/// articles with their own texts keep theirs.
pub fn set_library_text(
    session: &mut Session,
    key: &str,
    text: [Option<&str>; 3],
) -> AppResult<MediaItem> {
    let [caption, alt, credit] = text;
    Ok(session.store.set_media_text(key, caption, alt, credit)?)
}

/// A photo taken out of the library.
#[derive(Debug)]
pub struct Removed {
    pub item: MediaItem,
    /// The article places it had (detached with `force`; inline references stay in bodies).
    pub uses: Vec<MediaUse>,
    /// Its file could not be removed from the library's folder (the OS's words): the record
    /// is gone all the same.
    pub file_left: Option<String>,
}

/// Removes photo `key` from the library and its file from `library`'s folder. Refused while
/// an article uses it, unless `force`, which detaches it from every article first.
pub fn remove(
    session: &mut Session,
    library: &Library,
    key: &str,
    force: bool,
) -> AppResult<Removed> {
    let item = session.store.find_media(key)?;
    let uses = session.store.remove_media(item.hash(), force)?;
    let file_left = library.remove(&item.image).err().map(|e| e.to_string());
    Ok(Removed {
        item,
        uses,
        file_left,
    })
}
