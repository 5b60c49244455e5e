//! Photos: recognising and checking image files by their bytes, the content-addressed library
//! folder beside the database, and the web renditions the site export links. No SQL and no
//! terminal here: the store keeps the metadata, the site decides the markup.

mod format;
mod inspect;
pub mod library;
pub mod refs;
pub mod rendition;

use thiserror::Error;

pub use format::{Format, header_size, jpeg_complete, sniff};
pub use inspect::{Inspected, MAX_PIXELS, inspect};
pub use library::{Library, sha256_hex};
pub use rendition::{RENDITION_WIDTHS, Rendition};

/// Shortest hash prefix accepted where a hash is asked for (`media show 1a2b3c4d`).
pub const MIN_PREFIX: usize = 8;
/// Hash characters shown in lists and used in rendition file names.
pub const SHORT: usize = 12;

/// Why a file was not added to the library. Nothing is stored for a refused file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("the file is empty")]
    Empty,
    #[error(
        "SVG is not accepted (an SVG file can carry script): export it as PNG or JPEG and add that"
    )]
    Svg,
    #[error(
        "not a JPEG, PNG, WebP or GIF image (it looks like {0}; the bytes were checked, not the name)"
    )]
    NotAnImage(LooksLike),
    #[error(
        "{} is over the {limit_mb} MB limit (site setting media_max_mb)",
        megabytes(*bytes)
    )]
    TooLarge { bytes: u64, limit_mb: u64 },
    #[error(
        "{width}×{height} pixels is {:.0} megapixels, over the limit of {} (a decompression bomb, or a scan far larger than the web needs): scale it down first",
        *width as f64 * *height as f64 / 1e6,
        MAX_PIXELS / 1_000_000
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error("the {0} header is damaged (no pixel size in it)")]
    BadHeader(Format),
    /// A JPEG without its end: most often an upload cut short.
    #[error(
        "the {0} image is damaged and does not decode: the file ends before the picture does (was the upload cut short?)"
    )]
    Truncated(Format),
    /// The decoder's own reason (its words, in English).
    #[error("the {format} image is damaged and does not decode: {detail}")]
    Undecodable { format: Format, detail: String },
}

/// What a refused file looks like, judged by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum LooksLike {
    #[error("HEIC/HEIF")]
    Heif,
    #[error("AVIF")]
    Avif,
    #[error("a video")]
    Video,
    #[error("TIFF or a camera raw file")]
    TiffOrRaw,
    #[error("BMP")]
    Bmp,
    #[error("PDF")]
    Pdf,
    #[error("HTML or XML")]
    HtmlOrXml,
    #[error("something else")]
    Unknown,
}

/// `5.1 MB`, `820 KB`: sizes as editors read them (decimal units, as file managers show).
pub fn megabytes(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// One library image as the site needs it: enough to name and size its renditions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Image {
    /// SHA-256 of the original file, 64 lowercase hex digits.
    pub hash: String,
    pub format: Format,
    /// As displayed: the camera's rotation is applied.
    pub width: u32,
    pub height: u32,
    /// Has transparent pixels (its renditions stay PNG).
    pub alpha: bool,
}

/// An image as one article shows it: the caption and alt text for this article, the credit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Photo {
    pub image: Image,
    pub caption: String,
    pub alt: String,
    pub credit: String,
}

/// A `![caption](media:HASH)` in a body, and the library image it names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Inline {
    /// The hash or hash prefix as written after `media:`.
    pub reference: String,
    pub found: Found,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Found {
    Photo(Photo),
    /// No library image has this hash.
    Unknown,
    /// The prefix names several images.
    Ambiguous,
}

/// Everything an article shows: its lead photo, its gallery in order, and its inline images.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ArticleMedia {
    pub lead: Option<Photo>,
    pub gallery: Vec<Photo>,
    pub inline: Vec<Inline>,
}

impl ArticleMedia {
    pub fn is_empty(&self) -> bool {
        self.lead.is_none() && self.gallery.is_empty() && self.inline.is_empty()
    }

    /// The photo an inline reference names, if it names exactly one.
    pub fn inline_photo(&self, reference: &str) -> Option<&Photo> {
        self.inline
            .iter()
            .find(|i| i.reference == reference)
            .and_then(|i| match &i.found {
                Found::Photo(p) => Some(p),
                _ => None,
            })
    }

    /// Where each photo is used and what it lacks, for the publish warning: the photos with no
    /// alt text and where they stand, and the inline references that name no image.
    pub fn problems(&self) -> (Vec<(Place, &Photo)>, Vec<&Inline>) {
        let mut no_alt = Vec::new();
        if let Some(p) = &self.lead {
            no_alt.push((Place::Lead, p));
        }
        for (i, p) in self.gallery.iter().enumerate() {
            no_alt.push((Place::Gallery(i + 1), p));
        }
        for i in &self.inline {
            if let Found::Photo(p) = &i.found {
                no_alt.push((Place::Inline, p));
            }
        }
        no_alt.retain(|(_, p)| p.alt.trim().is_empty());
        let broken = self
            .inline
            .iter()
            .filter(|i| !matches!(i.found, Found::Photo(_)))
            .collect();
        (no_alt, broken)
    }
}

/// Where an article shows a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Lead,
    /// Its place in the gallery, from 1.
    Gallery(usize),
    /// Inline in the body.
    Inline,
}

/// A hash or a prefix of one: lowercase hex, at least `MIN_PREFIX` digits.
pub fn is_hash_prefix(s: &str) -> bool {
    (MIN_PREFIX..=64).contains(&s.len())
        && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}
