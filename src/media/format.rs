//! What a file is, from its bytes (magic numbers), never from its name; and its pixel size from
//! the header alone, read by hand before any decoder runs, so a 20,000 × 20,000 "photo" of a few
//! hundred bytes (a decompression bomb) is refused without allocating its pixels.

use super::{LooksLike, Refusal};

/// The four formats the library accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
    Gif,
}

impl Format {
    /// As stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Webp => "webp",
            Format::Gif => "gif",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::Webp),
            "gif" => Some(Format::Gif),
            _ => None,
        }
    }

    /// The extension of the stored original.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            other => other.as_str(),
        }
    }

    /// As people write it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Webp => "WebP",
            Format::Gif => "GIF",
        }
    }

    pub(super) fn codec(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::Webp => image::ImageFormat::WebP,
            Format::Gif => image::ImageFormat::Gif,
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Recognises an accepted format by its first bytes; anything else is refused, saying what it
/// looks like when we can tell.
pub fn sniff(bytes: &[u8]) -> Result<Format, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Format::Jpeg);
    }
    if bytes.starts_with(PNG_MAGIC) {
        return Ok(Format::Png);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Ok(Format::Gif);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Ok(Format::Webp);
    }
    match looks_like(bytes) {
        None => Err(Refusal::Svg),
        Some(other) => Err(Refusal::NotAnImage(other)),
    }
}

/// What a refused file looks like, for the message; `None` for SVG, refused for its own reason.
fn looks_like(bytes: &[u8]) -> Option<LooksLike> {
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if text.contains("<svg") || (trimmed.starts_with("<?xml") && text.contains("svg")) {
        return None;
    }
    let brand = bytes.get(8..12).unwrap_or_default();
    let kind = if bytes.get(4..8) == Some(b"ftyp".as_slice()) {
        match brand {
            b"heic" | b"heix" | b"heim" | b"heis" | b"mif1" | b"msf1" | b"hevc" => LooksLike::Heif,
            b"avif" | b"avis" => LooksLike::Avif,
            _ => LooksLike::Video,
        }
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        LooksLike::TiffOrRaw
    } else if bytes.starts_with(b"BM") {
        LooksLike::Bmp
    } else if bytes.starts_with(b"%PDF") {
        LooksLike::Pdf
    } else if trimmed.starts_with('<') {
        LooksLike::HtmlOrXml
    } else {
        LooksLike::Unknown
    };
    Some(kind)
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        0,
    ]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Width and height as the header states them (before any camera rotation), or `None` when the
/// header is damaged.
pub fn header_size(format: Format, b: &[u8]) -> Option<(u32, u32)> {
    let size = match format {
        Format::Png => (b.get(12..16)? == b"IHDR").then_some((be32(b, 16)?, be32(b, 20)?))?,
        Format::Gif => (le16(b, 6)?, le16(b, 8)?),
        Format::Webp => match b.get(12..16)? {
            b"VP8 " if b.get(23..26)? == [0x9d, 0x01, 0x2a] => {
                (le16(b, 26)? & 0x3fff, le16(b, 28)? & 0x3fff)
            }
            b"VP8L" if *b.get(20)? == 0x2f => {
                let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
                ((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1)
            }
            b"VP8X" => (le24(b, 24)? + 1, le24(b, 27)? + 1),
            _ => return None,
        },
        Format::Jpeg => jpeg_size(b)?,
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
}

/// Walks the JPEG segments to the frame header (SOF0–SOF15, not DHT, JPG or DAC).
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        if *b.get(at)? != 0xFF {
            return None;
        }
        let marker = *b.get(at + 1)?;
        match marker {
            0xFF => at += 1, // fill byte
            0xD0..=0xD7 | 0x01 => at += 2,
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                return Some((be16(b, at + 7)?, be16(b, at + 5)?));
            }
            0xD9 | 0xDA => return None, // the image data began without a frame header
            _ => at += 2 + usize::try_from(be16(b, at + 2)?).ok()?,
        }
    }
}

/// True when a JPEG ends its image data with the EOI marker. The JPEG decoder fills a
/// truncated file with grey rather than failing, so a half-uploaded photo is caught here.
/// Inside entropy-coded data every 0xFF is followed by 0x00 or a restart marker, so the first
/// FF D9 after the first scan header is the end of the image (trailing bytes are allowed).
pub fn jpeg_complete(b: &[u8]) -> bool {
    let mut at = 2;
    while let (Some(&ff), Some(&marker)) = (b.get(at), b.get(at + 1)) {
        if ff != 0xFF {
            return false;
        }
        match marker {
            0xFF => at += 1,
            0xD0..=0xD7 | 0x01 => at += 2,
            0xDA => return b[at..].windows(2).any(|w| w == [0xFF, 0xD9]),
            0xD9 => return false,
            _ => match be16(b, at + 2) {
                Some(len) => at += 2 + len as usize,
                None => return false,
            },
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_bytes_and_names_what_it_refuses() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Ok(Format::Jpeg));
        assert_eq!(sniff(b"GIF89a.."), Ok(Format::Gif));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Ok(Format::Webp));
        let svg = b"\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assert_eq!(sniff(svg), Err(Refusal::Svg));
        assert_eq!(
            sniff(b"\0\0\0\x18ftypheic\0\0"),
            Err(Refusal::NotAnImage(LooksLike::Heif))
        );
        assert_eq!(sniff(b""), Err(Refusal::Empty));
    }

    #[test]
    fn header_sizes() {
        let mut png = PNG_MAGIC.to_vec();
        png.extend_from_slice(&[0, 0, 0, 13]);
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&20_000u32.to_be_bytes());
        png.extend_from_slice(&30_000u32.to_be_bytes());
        assert_eq!(header_size(Format::Png, &png), Some((20_000, 30_000)));
        assert_eq!(header_size(Format::Png, &png[..20]), None);
        let gif = b"GIF89a\x40\x01\xF0\x00";
        assert_eq!(header_size(Format::Gif, gif), Some((320, 240)));
        // SOI, an APP0 of 4 bytes, SOF0 with height 3000 and width 4000.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 17, 8, 0x0B, 0xB8, 0x0F, 0xA0,
        ];
        assert_eq!(header_size(Format::Jpeg, &jpeg), Some((4000, 3000)));
        assert!(!jpeg_complete(&jpeg));
    }
}
