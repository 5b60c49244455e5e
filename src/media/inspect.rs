//! Checking a file before it enters the library: size, kind, pixel count from the header, then a
//! full decode, in that order, so the cheap refusals come first and no pixels are allocated for
//! a file whose header claims a monstrous size.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use super::{Format, Refusal, header_size, jpeg_complete, sniff};

/// The most pixels a library image may have: 50 megapixels (a 4000 × 3000 camera photo is 12).
pub const MAX_PIXELS: u64 = 50_000_000;

/// What an accepted file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inspected {
    pub format: Format,
    /// As displayed: the camera's rotation (EXIF orientation) is applied.
    pub width: u32,
    pub height: u32,
    /// Some pixel is not fully opaque.
    pub alpha: bool,
}

fn too_many(width: u32, height: u32) -> bool {
    u64::from(width) * u64::from(height) > MAX_PIXELS
}

/// Checks a file's bytes; `max_mb` is the site's size limit in megabytes (10^6 bytes).
pub fn inspect(bytes: &[u8], max_mb: u64) -> Result<Inspected, Refusal> {
    let len = bytes.len() as u64;
    if len > max_mb.saturating_mul(1_000_000) {
        return Err(Refusal::TooLarge {
            bytes: len,
            limit_mb: max_mb,
        });
    }
    let format = sniff(bytes)?;
    let (width, height) = header_size(format, bytes).ok_or(Refusal::BadHeader(format))?;
    if too_many(width, height) {
        return Err(Refusal::TooManyPixels { width, height });
    }
    if format == Format::Jpeg && !jpeg_complete(bytes) {
        return Err(Refusal::Truncated(format));
    }
    let img = decode(bytes, format).map_err(|detail| Refusal::Undecodable { format, detail })?;
    Ok(Inspected {
        format,
        width: img.width(),
        height: img.height(),
        alpha: has_transparency(&img),
    })
}

/// Decodes a whole image (the first frame of an animation), turned upright as the camera meant.
/// A decoder that panics on a hostile file is a refusal, not a crash.
pub fn decode(bytes: &[u8], format: Format) -> Result<DynamicImage, String> {
    std::panic::catch_unwind(|| decode_unguarded(bytes, format))
        .unwrap_or_else(|_| Err("the decoder gave up on it".into()))
}

fn decode_unguarded(bytes: &[u8], format: Format) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.codec());
    let mut limits = Limits::default();
    limits.max_image_width = Some(u32::from(u16::MAX));
    limits.max_image_height = Some(u32::from(u16::MAX));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let (w, h) = decoder.dimensions();
    if too_many(w, h) {
        return Err(format!("{w}×{h} pixels is over the 50-megapixel limit"));
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    img.apply_orientation(orientation);
    Ok(img)
}

fn has_transparency(img: &DynamicImage) -> bool {
    match img {
        DynamicImage::ImageLumaA8(b) => b.pixels().any(|p| p[1] < u8::MAX),
        DynamicImage::ImageRgba8(b) => b.pixels().any(|p| p[3] < u8::MAX),
        DynamicImage::ImageLumaA16(b) => b.pixels().any(|p| p[1] < u16::MAX),
        DynamicImage::ImageRgba16(b) => b.pixels().any(|p| p[3] < u16::MAX),
        DynamicImage::ImageRgba32F(b) => b.pixels().any(|p| p[3] < 1.0),
        _ => false,
    }
}
