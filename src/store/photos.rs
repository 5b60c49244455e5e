//! An article's photos: a lead photo and an ordered gallery, each with this article's caption
//! and alt text (NULL: the library's), and the inline images of its body resolved against the
//! library. Attaching photos is not a save of the article (no revision, no new version: the
//! text did not change); the site export sees the change through its page fingerprints.

use std::collections::HashMap;

use rusqlite::{Connection, Row, Transaction, params};

use super::articles::get_tx;
use super::media::{find_tx, line};
use super::{Result, Store, StoreError};
use crate::media::{ArticleMedia, Format, Found, Image, Inline, Photo};

/// This article's caption and alt text for a photo. `None` leaves the current text (for a
/// photo newly attached: the library's); `Some("")` stores an empty one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhotoText {
    pub caption: Option<String>,
    pub alt: Option<String>,
}

type Row3 = (String, Option<String>, Option<String>);

fn gallery_tx(tx: &Transaction, id: i64) -> Result<Vec<Row3>> {
    let mut stmt = tx.prepare_cached(
        "SELECT hash, caption, alt FROM article_media
         WHERE article_id = ?1 AND role = 'gallery' ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn write_gallery(tx: &Transaction, id: i64, rows: &[Row3]) -> Result<()> {
    tx.execute(
        "DELETE FROM article_media WHERE article_id = ?1 AND role = 'gallery'",
        [id],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO article_media (article_id, role, position, hash, caption, alt)
         VALUES (?1, 'gallery', ?2, ?3, ?4, ?5)",
    )?;
    for (i, (hash, caption, alt)) in rows.iter().enumerate() {
        stmt.execute(params![id, i as i64, hash, caption, alt])?;
    }
    Ok(())
}

fn apply(text: &PhotoText, caption: &mut Option<String>, alt: &mut Option<String>) {
    if let Some(c) = &text.caption {
        *caption = Some(line(c));
    }
    if let Some(a) = &text.alt {
        *alt = Some(line(a));
    }
}

/// The article (it must exist) and the full hash of a library image named by `key`.
fn resolve(tx: &Transaction, article_id: i64, key: &str) -> Result<(String, String)> {
    let article = get_tx(tx, article_id)?.ok_or(StoreError::NotFound(article_id.to_string()))?;
    Ok((article.title, find_tx(tx, key)?.image.hash))
}

impl Store {
    /// Makes a library image the article's lead photo (replacing the one it had).
    pub fn set_lead(&mut self, article_id: i64, key: &str, text: &PhotoText) -> Result<()> {
        self.write(|tx| {
            let (_, hash) = resolve(tx, article_id, key)?;
            let mut stmt = tx.prepare_cached(
                "SELECT hash, caption, alt FROM article_media
                 WHERE article_id = ?1 AND role = 'lead'",
            )?;
            let old: Option<Row3> = stmt
                .query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .next()
                .transpose()?;
            let (mut caption, mut alt) = match old {
                Some((h, c, a)) if h == hash => (c, a),
                _ => (None, None),
            };
            apply(text, &mut caption, &mut alt);
            tx.execute(
                "INSERT OR REPLACE INTO article_media (article_id, role, position, hash, caption, alt)
                 VALUES (?1, 'lead', 0, ?2, ?3, ?4)",
                params![article_id, hash, caption, alt],
            )?;
            Ok(())
        })
    }

    /// Adds a library image to the article's gallery at `at` (1-based; `None`: at the end) and
    /// returns its place. An image already in the gallery is moved there instead (and its text
    /// updated), never added twice.
    pub fn add_to_gallery(
        &mut self,
        article_id: i64,
        key: &str,
        at: Option<usize>,
        text: &PhotoText,
    ) -> Result<usize> {
        self.write(|tx| {
            let (_, hash) = resolve(tx, article_id, key)?;
            let mut rows = gallery_tx(tx, article_id)?;
            let mut row = match rows.iter().position(|r| r.0 == hash) {
                Some(i) => rows.remove(i),
                None => (hash, None, None),
            };
            apply(text, &mut row.1, &mut row.2);
            let place = at.map_or(rows.len(), |n| n.saturating_sub(1).min(rows.len()));
            rows.insert(place, row);
            write_gallery(tx, article_id, &rows)?;
            Ok(place + 1)
        })
    }

    /// Moves a gallery photo to place `to` (1-based, clamped to the gallery).
    pub fn move_in_gallery(&mut self, article_id: i64, key: &str, to: usize) -> Result<usize> {
        self.edit_gallery(article_id, key, |rows, i| {
            let row = rows.remove(i);
            let place = to.saturating_sub(1).min(rows.len());
            rows.insert(place, row);
            place + 1
        })
    }

    /// Changes this article's caption or alt text for a photo in its gallery.
    pub fn set_gallery_text(&mut self, article_id: i64, key: &str, text: &PhotoText) -> Result<()> {
        self.edit_gallery(article_id, key, |rows, i| {
            let (_, caption, alt) = &mut rows[i];
            apply(text, caption, alt);
        })
    }

    /// Takes the article's lead photo away, if it is this image (its gallery place, if it
    /// has one, stays).
    pub fn remove_lead(&mut self, article_id: i64, key: &str) -> Result<()> {
        self.write(|tx| {
            let (_, hash) = resolve(tx, article_id, key)?;
            tx.execute(
                "DELETE FROM article_media WHERE article_id = ?1 AND role = 'lead' AND hash = ?2",
                params![article_id, hash],
            )?;
            Ok(())
        })
    }

    /// Takes a photo out of the gallery (the others close up).
    pub fn remove_from_gallery(&mut self, article_id: i64, key: &str) -> Result<()> {
        self.edit_gallery(article_id, key, |rows, i| {
            rows.remove(i);
        })
    }

    fn edit_gallery<T>(
        &mut self,
        article_id: i64,
        key: &str,
        f: impl FnOnce(&mut Vec<Row3>, usize) -> T,
    ) -> Result<T> {
        self.write(|tx| {
            let (title, hash) = resolve(tx, article_id, key)?;
            let mut rows = gallery_tx(tx, article_id)?;
            let i =
                rows.iter()
                    .position(|r| r.0 == hash)
                    .ok_or_else(|| StoreError::NotInGallery {
                        title,
                        hash: hash.get(..crate::media::SHORT).unwrap_or(&hash).to_string(),
                    })?;
            let out = f(&mut rows, i);
            write_gallery(tx, article_id, &rows)?;
            Ok(out)
        })
    }

    /// Removes a photo from the article's lead and gallery; returns how many uses went.
    pub fn detach_media(&mut self, article_id: i64, key: &str) -> Result<usize> {
        self.write(|tx| {
            let (_, hash) = resolve(tx, article_id, key)?;
            let lead = tx.execute(
                "DELETE FROM article_media WHERE article_id = ?1 AND role = 'lead' AND hash = ?2",
                params![article_id, hash],
            )?;
            let mut rows = gallery_tx(tx, article_id)?;
            let before = rows.len();
            rows.retain(|r| r.0 != hash);
            let gallery = before - rows.len();
            if gallery > 0 {
                write_gallery(tx, article_id, &rows)?;
            }
            Ok(lead + gallery)
        })
    }

    /// The article's photos as the site shows them (texts defaulted to the library's).
    pub fn article_media(&self, article_id: i64) -> Result<ArticleMedia> {
        let mut by = read_media(&self.conn, Some(article_id))?;
        Ok(by.remove(&article_id).unwrap_or_default())
    }

    /// The photos of every published article, by article id (articles without any are absent).
    pub fn published_media(&self) -> Result<HashMap<i64, ArticleMedia>> {
        read_media(&self.conn, None)
    }
}

/// A library row (`hash, format, width, height, alpha, caption, alt, credit`) as a photo
/// with the library's texts.
fn library_photo(r: &Row) -> rusqlite::Result<Photo> {
    let format: String = r.get(1)?;
    Ok(Photo {
        image: Image {
            hash: r.get(0)?,
            format: Format::parse(&format).unwrap_or(Format::Jpeg),
            width: u32::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
            height: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
            alpha: r.get(4)?,
        },
        caption: r.get(5)?,
        alt: r.get(6)?,
        credit: r.get(7)?,
    })
}

/// A SHA-256 in 32 bytes: a map key that costs no allocation.
fn key(hash: &str) -> [u8; 32] {
    let mut k = [0u8; 32];
    for (i, pair) in hash.as_bytes().chunks(2).take(32).enumerate() {
        let nibble = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
        k[i] = nibble(pair[0]) << 4 | pair.get(1).map_or(0, |c| nibble(*c));
    }
    k
}

/// One use of a photo by an article: article, lead or not, photo, this article's texts.
type Use = (i64, bool, [u8; 32], Option<String>, Option<String>);

/// One article's photos (`Some(id)`) or those of every published article (`None`). Tables
/// are read in order and joined here (a lookup of each photo by its hash costs more than one
/// pass over the library), and a photo used once is moved, not copied, into its article.
fn read_media(conn: &Connection, one: Option<i64>) -> Result<HashMap<i64, ArticleMedia>> {
    // Published articles are found in the status index alone: `status` sits after `body` in
    // the articles table, so reading it from the table would read every body.
    let filter = match one {
        Some(_) => "WHERE article_id = ?1",
        None => "WHERE article_id IN (SELECT id FROM articles WHERE status = 'published')",
    };
    let args: Vec<i64> = one.into_iter().collect();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT article_id, role, hash, caption, alt FROM article_media {filter}
         ORDER BY article_id, role, position"
    ))?;
    let mut wanted: HashMap<[u8; 32], usize> = HashMap::new();
    let uses: Vec<Use> = stmt
        .query_map(rusqlite::params_from_iter(&args), |r| {
            let k = key(r.get_ref(2)?.as_str()?);
            *wanted.entry(k).or_default() += 1;
            let lead = r.get_ref(1)?.as_str()? == "lead";
            Ok((r.get(0)?, lead, k, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut library: HashMap<[u8; 32], Photo> = HashMap::with_capacity(wanted.len());
    let mut stmt = conn.prepare_cached(if one.is_some() {
        "SELECT hash, format, width, height, alpha, caption, alt, credit FROM media
         WHERE hash IN (SELECT hash FROM article_media WHERE article_id = ?1)"
    } else {
        "SELECT hash, format, width, height, alpha, caption, alt, credit FROM media"
    })?;
    let mut rows = stmt.query(rusqlite::params_from_iter(&args))?;
    while let Some(r) = rows.next()? {
        let k = key(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?);
        if wanted.contains_key(&k) {
            library.insert(k, library_photo(r)?);
        }
    }
    let mut out: HashMap<i64, ArticleMedia> = HashMap::new();
    for (id, lead, k, caption, alt) in uses {
        let left = wanted.get_mut(&k).map_or(0, |n| {
            *n -= 1;
            *n
        });
        let base = if left == 0 {
            library.remove(&k)
        } else {
            library.get(&k).cloned()
        };
        let Some(mut p) = base else {
            continue; // the foreign key keeps this from happening
        };
        if let Some(c) = caption {
            p.caption = c;
        }
        if let Some(a) = alt {
            p.alt = a;
        }
        let m = out.entry(id).or_default();
        if lead {
            m.lead = Some(p);
        } else {
            m.gallery.push(p);
        }
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT article_id, ref FROM article_media_refs {filter} ORDER BY article_id, position"
    ))?;
    let refs: Vec<(i64, String)> = stmt
        .query_map(rusqlite::params_from_iter(&args), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut known: HashMap<String, Found> = HashMap::new();
    for (id, reference) in refs {
        let found = if let Some(f) = known.get(&reference) {
            f.clone()
        } else {
            let f = match find_tx(conn, &reference) {
                Ok(item) => Found::Photo(item.photo()),
                Err(StoreError::MediaNotFound(_)) => Found::Unknown,
                Err(StoreError::MediaAmbiguous { .. }) => Found::Ambiguous,
                Err(e) => return Err(e),
            };
            known.insert(reference.clone(), f.clone());
            f
        };
        out.entry(id)
            .or_default()
            .inline
            .push(Inline { reference, found });
    }
    Ok(out)
}
