//! The photo library's metadata: one row per file (by SHA-256), and where each is used. The
//! files themselves are in `media/` beside the database (see `crate::media::Library`).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::row::{from_ts, status_from, to_ts};
use super::{Result, Store, StoreError};
use crate::domain::{Actor, Status, text};
use crate::media::{Format, Image, Inspected, Photo, SHORT, is_hash_prefix};

/// A library image and everything known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaItem {
    pub image: Image,
    /// The file name it was first added under.
    pub name: String,
    pub bytes: u64,
    pub caption: String,
    pub alt: String,
    pub credit: String,
    pub added_by: String,
    pub added_at: DateTime<Utc>,
}

impl MediaItem {
    pub fn hash(&self) -> &str {
        &self.image.hash
    }

    /// The first characters of the hash, as lists show it.
    pub fn short(&self) -> &str {
        self.image.hash.get(..SHORT).unwrap_or(&self.image.hash)
    }

    /// As the library describes it (an article may caption it differently).
    pub fn photo(&self) -> Photo {
        Photo {
            image: self.image.clone(),
            caption: self.caption.clone(),
            alt: self.alt.clone(),
            credit: self.credit.clone(),
        }
    }
}

/// A file to add: checked (`media::inspect`) and hashed by the caller.
#[derive(Debug, Clone)]
pub struct NewMedia {
    pub hash: String,
    pub name: String,
    pub bytes: u64,
    pub inspected: Inspected,
    pub caption: String,
    pub alt: String,
    pub credit: String,
}

/// How an article uses a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Lead,
    /// 1-based place in the gallery.
    Gallery(usize),
    /// In the body, as `![…](media:HASH)`.
    Inline,
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Role::Lead => f.write_str("lead photo"),
            Role::Gallery(n) => write!(f, "gallery photo {n}"),
            Role::Inline => f.write_str("inline in the body"),
        }
    }
}

/// One use of a photo by an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaUse {
    pub article_id: i64,
    pub slug: String,
    pub title: String,
    pub status: Status,
    pub role: Role,
}

pub(super) const MEDIA_COLUMNS: &str =
    "hash, name, format, bytes, width, height, alpha, caption, alt, credit, added_by, added_at";

fn u32_of(v: i64) -> u32 {
    u32::try_from(v).unwrap_or(0)
}

/// Reads a row selected with `MEDIA_COLUMNS`.
pub(super) fn media_item(r: &Row) -> rusqlite::Result<MediaItem> {
    let format: String = r.get(2)?;
    Ok(MediaItem {
        image: Image {
            hash: r.get(0)?,
            format: Format::parse(&format).unwrap_or(Format::Jpeg),
            width: u32_of(r.get(4)?),
            height: u32_of(r.get(5)?),
            alpha: r.get(6)?,
        },
        name: r.get(1)?,
        bytes: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
        caption: r.get(7)?,
        alt: r.get(8)?,
        credit: r.get(9)?,
        added_by: r.get(10)?,
        added_at: from_ts(r.get(11)?),
    })
}

/// One line of editor text: NFC, no control characters, trimmed.
pub(super) fn line(s: &str) -> String {
    text::nfc(text::strip_controls(s, false).trim())
}

fn search_key(caption: &str, name: &str, credit: &str) -> String {
    text::fold(&format!("{caption} {name} {credit}"))
}

/// The library row for a full hash or a unique prefix of one.
pub(super) fn find_tx(conn: &rusqlite::Connection, key: &str) -> Result<MediaItem> {
    let k = key.trim().to_ascii_lowercase();
    if !is_hash_prefix(&k) {
        return Err(StoreError::MediaNotFound(key.trim().to_string()));
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MEDIA_COLUMNS} FROM media WHERE hash >= ?1 AND hash < ?1 || 'g' LIMIT 2"
    ))?;
    let mut found: Vec<MediaItem> = stmt
        .query_map([&k], media_item)?
        .collect::<rusqlite::Result<_>>()?;
    match found.len() {
        0 => Err(StoreError::MediaNotFound(key.trim().to_string())),
        1 => Ok(found.remove(0)),
        _ => {
            let count: i64 = conn.query_row(
                "SELECT count(*) FROM media WHERE hash >= ?1 AND hash < ?1 || 'g'",
                [&k],
                |r| r.get(0),
            )?;
            Err(StoreError::MediaAmbiguous {
                key: k,
                count: usize::try_from(count).unwrap_or(2),
            })
        }
    }
}

impl Store {
    /// Adds a file's metadata; returns the row and whether it is new. A file already in the
    /// library (same hash) keeps its row; a caption, alt text or credit given now fills one
    /// that was empty.
    pub fn add_media(&mut self, m: &NewMedia, actor: &Actor) -> Result<(MediaItem, bool)> {
        let (caption, alt, credit, name) = (
            line(&m.caption),
            line(&m.alt),
            line(&m.credit),
            line(&m.name),
        );
        self.write(|tx| {
            let existed = tx
                .query_row("SELECT 1 FROM media WHERE hash = ?1", [&m.hash], |_| Ok(()))
                .optional()?
                .is_some();
            tx.execute(
                "INSERT INTO media (hash, name, format, bytes, width, height, alpha, caption,
                     caption_key, alt, credit, added_by, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                 ON CONFLICT (hash) DO UPDATE SET
                     caption = CASE WHEN media.caption = '' THEN excluded.caption ELSE media.caption END,
                     alt = CASE WHEN media.alt = '' THEN excluded.alt ELSE media.alt END,
                     credit = CASE WHEN media.credit = '' THEN excluded.credit ELSE media.credit END",
                params![
                    m.hash,
                    name,
                    m.inspected.format.as_str(),
                    i64::try_from(m.bytes).unwrap_or(i64::MAX),
                    m.inspected.width,
                    m.inspected.height,
                    m.inspected.alpha,
                    caption,
                    search_key(&caption, &name, &credit),
                    alt,
                    credit,
                    actor.user,
                    to_ts(actor.now),
                ],
            )?;
            let item = find_tx(tx, &m.hash)?;
            tx.execute(
                "UPDATE media SET caption_key = ?2 WHERE hash = ?1",
                params![
                    item.hash(),
                    search_key(&item.caption, &item.name, &item.credit)
                ],
            )?;
            Ok((item, !existed))
        })
    }

    /// The whole library, newest first.
    pub fn media_list(&self) -> Result<Vec<MediaItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEDIA_COLUMNS} FROM media ORDER BY added_at DESC, hash"
        ))?;
        let rows = stmt.query_map([], media_item)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A library image by its hash or a unique prefix of it (8 characters or more).
    pub fn find_media(&self, key: &str) -> Result<MediaItem> {
        find_tx(&self.conn, key)
    }

    /// How many lead and gallery places each library image fills (unused ones are absent).
    pub fn media_use_counts(&self) -> Result<std::collections::HashMap<String, usize>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT hash, count(*) FROM article_media GROUP BY hash")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, usize::try_from(r.get::<_, i64>(1)?).unwrap_or(0)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes the library's caption, alt text or credit of an image (`None`: unchanged).
    /// Articles that set their own caption or alt text keep theirs.
    pub fn set_media_text(
        &mut self,
        hash: &str,
        caption: Option<&str>,
        alt: Option<&str>,
        credit: Option<&str>,
    ) -> Result<MediaItem> {
        self.write(|tx| {
            let item = find_tx(tx, hash)?;
            let caption = caption.map_or(item.caption.clone(), line);
            let alt = alt.map_or(item.alt.clone(), line);
            let credit = credit.map_or(item.credit.clone(), line);
            tx.execute(
                "UPDATE media SET caption = ?2, alt = ?3, credit = ?4, caption_key = ?5
                 WHERE hash = ?1",
                params![
                    item.hash(),
                    caption,
                    alt,
                    credit,
                    search_key(&caption, &item.name, &credit)
                ],
            )?;
            find_tx(tx, item.hash())
        })
    }

    /// Every article that shows this image, and how.
    pub fn media_uses(&self, hash: &str) -> Result<Vec<MediaUse>> {
        uses_tx(&self.conn, hash)
    }

    /// Removes an image from the library. Refused while an article uses it, unless `force`,
    /// which detaches it from every article first (inline references stay in the bodies).
    /// Returns the uses it had; the caller removes the files.
    pub fn remove_media(&mut self, hash: &str, force: bool) -> Result<Vec<MediaUse>> {
        self.write(|tx| {
            let uses = uses_tx(tx, hash)?;
            if !uses.is_empty() && !force {
                return Err(StoreError::MediaInUse {
                    hash: hash.get(..SHORT).unwrap_or(hash).to_string(),
                    uses,
                });
            }
            tx.execute("DELETE FROM article_media WHERE hash = ?1", [hash])?;
            if tx.execute("DELETE FROM media WHERE hash = ?1", [hash])? == 0 {
                return Err(StoreError::MediaNotFound(hash.to_string()));
            }
            Ok(uses)
        })
    }
}

/// “Title” (slug) as lead photo, …: for messages.
pub fn describe(uses: &[MediaUse]) -> String {
    uses.iter()
        .map(|u| format!("“{}” ({}) as {}", u.title, u.slug, u.role))
        .collect::<Vec<_>>()
        .join(", ")
}

fn uses_tx(conn: &rusqlite::Connection, hash: &str) -> Result<Vec<MediaUse>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.slug, a.title, a.status, am.role, am.position
         FROM article_media am JOIN articles a ON a.id = am.article_id
         WHERE am.hash = ?1 ORDER BY a.id, am.role DESC, am.position",
    )?;
    let rows = stmt.query_map([hash], |r| {
        let role = match r.get::<_, String>(4)?.as_str() {
            "lead" => Role::Lead,
            _ => Role::Gallery(usize::try_from(r.get::<_, i64>(5)?).unwrap_or(0) + 1),
        };
        use_row(r, role)
    })?;
    for u in rows {
        out.push(u?);
    }
    // Inline references are prefixes: those that the hash starts with.
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT a.id, a.slug, a.title, a.status FROM article_media_refs r
         JOIN articles a ON a.id = r.article_id
         WHERE substr(?1, 1, length(r.ref)) = r.ref ORDER BY a.id",
    )?;
    let rows = stmt.query_map([hash], |r| use_row(r, Role::Inline))?;
    for u in rows {
        out.push(u?);
    }
    Ok(out)
}

fn use_row(r: &Row, role: Role) -> rusqlite::Result<MediaUse> {
    Ok(MediaUse {
        article_id: r.get(0)?,
        slug: r.get(1)?,
        title: r.get(2)?,
        status: status_from(&r.get::<_, String>(3)?)?,
        role,
    })
}

/// Keeps `article_media_refs` in step with a body: called by every save.
pub(super) fn index_inline(
    tx: &Transaction,
    id: i64,
    refs: &[String],
    replacing: bool,
) -> Result<()> {
    if replacing {
        tx.prepare_cached("DELETE FROM article_media_refs WHERE article_id = ?1")?
            .execute([id])?;
    }
    if refs.is_empty() {
        return Ok(());
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO article_media_refs (article_id, position, ref) VALUES (?1, ?2, ?3)",
    )?;
    for (i, r) in refs.iter().enumerate() {
        stmt.execute(params![id, i as i64, r])?;
    }
    Ok(())
}
