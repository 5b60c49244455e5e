//! Photos into the library: one host file checked (its size before reading it, then its
//! bytes), kept once by hash and recorded. `media add` and the TUI's gallery panel both add
//! photos this way.

use std::path::Path;

use super::error::{AppResult, PhotoProblem};
use super::session::Session;
use crate::files::{ReadError, read_regular};
use crate::media::{Library, Place, Refusal, SHORT, inspect, sha256_hex};
use crate::store::{MediaItem, NewMedia};

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
