//! Web renditions: each image at 480, 960 and 1600 pixels wide (never wider than the original),
//! re-encoded from pixels, so no EXIF (GPS position, camera serial) or other metadata of the
//! original survives. Names come from the content hash and the width, so a rendition never
//! changes once published and browsers may cache it forever: `0123456789abcdef-960.jpg`.
//!
//! Format: JPEG (quality 82), except for images with transparent pixels, which stay PNG. WebP
//! and GIF sources are converted the same way: the `image` crate encodes WebP losslessly only,
//! which for a photo is several times the size of a good JPEG, and a GIF rendition keeps its
//! first frame.

use std::fs;
use std::io::{self, ErrorKind};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use image::DynamicImage;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;

use super::inspect::decode;
use super::library::write_atomic;
use super::{Image, Library};

/// The widths every image is offered at (narrower originals stop at their own width).
pub const RENDITION_WIDTHS: [u32; 3] = [480, 960, 1600];
/// Hash characters in a rendition's name.
pub const NAME_HASH: usize = 16;
const JPEG_QUALITY: u8 = 82;

/// One size of one image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendition {
    pub width: u32,
    pub height: u32,
    /// `<hash16>-<width>.jpg` (or `.png`).
    pub name: String,
}

impl Image {
    /// `jpg`, or `png` for an image with transparency.
    pub fn rendition_ext(&self) -> &'static str {
        if self.alpha { "png" } else { "jpg" }
    }

    /// Its renditions, narrowest first: the standard widths below its own, then its own width
    /// capped at the widest standard one.
    pub fn renditions(&self) -> Vec<Rendition> {
        let own = self.width.max(1);
        let top = own.min(RENDITION_WIDTHS[RENDITION_WIDTHS.len() - 1]);
        let hash = self.hash.get(..NAME_HASH).unwrap_or(&self.hash);
        let ext = self.rendition_ext();
        RENDITION_WIDTHS
            .iter()
            .copied()
            .filter(|w| *w < top)
            .chain(std::iter::once(top))
            .map(|width| Rendition {
                width,
                height: scaled(self.height, width, own),
                name: format!("{hash}-{width}.{ext}"),
            })
            .collect()
    }
}

/// `height` scaled by `width / own`, rounded, at least 1.
fn scaled(height: u32, width: u32, own: u32) -> u32 {
    let h = (u64::from(height) * u64::from(width) + u64::from(own) / 2) / u64::from(own);
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// Encodes the `wanted` renditions of an image from its original's bytes, widest first, each
/// resized from the one before (faster than from the original every time, and as sharp).
pub fn make(
    original: &[u8],
    image: &Image,
    wanted: &[Rendition],
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let decoded = decode(original, image.format)?;
    let mut current = if image.alpha {
        DynamicImage::ImageRgba8(decoded.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(decoded.into_rgb8())
    };
    let mut wanted: Vec<&Rendition> = wanted.iter().collect();
    wanted.sort_by_key(|r| std::cmp::Reverse(r.width));
    let mut out = Vec::with_capacity(wanted.len());
    for r in wanted {
        if (current.width(), current.height()) != (r.width, r.height) {
            current = current.resize_exact(r.width, r.height, FilterType::Triangle);
        }
        out.push((r.name.clone(), encode(&current, image.alpha)?));
    }
    Ok(out)
}

fn encode(img: &DynamicImage, alpha: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let done = if alpha {
        img.write_with_encoder(PngEncoder::new_with_quality(
            &mut out,
            CompressionType::Default,
            PngFilter::Adaptive,
        ))
    } else {
        img.write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))
    };
    done.map_err(|e| format!("cannot encode a rendition: {e}"))?;
    Ok(out)
}

/// Why an image's renditions could not be made: the file concerned and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub hash: String,
    pub file: PathBuf,
    pub reason: String,
}

impl Library {
    /// The renditions of `image` the cache lacks, checked by file name only: a cached rendition
    /// is never read, hashed or made again.
    pub fn missing(&self, image: &Image) -> Vec<Rendition> {
        image
            .renditions()
            .into_iter()
            .filter(|r| !self.cached(&r.name).exists())
            .collect()
    }

    /// Makes every rendition of `images` that the cache lacks, on all cores. Returns how many
    /// were encoded; the first failure (a missing or damaged original) stops the work.
    pub fn prepare(&self, images: &[Image]) -> Result<usize, Failure> {
        let todo: Vec<(&Image, Vec<Rendition>)> = images
            .iter()
            .map(|i| (i, self.missing(i)))
            .filter(|(_, m)| !m.is_empty())
            .collect();
        if todo.is_empty() {
            return Ok(0);
        }
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(todo.len());
        let next = AtomicUsize::new(0);
        let made = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let failure: Mutex<Option<Failure>> = Mutex::new(None);
        std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(|| {
                        while !stop.load(Ordering::Relaxed) {
                            let Some((image, wanted)) =
                                todo.get(next.fetch_add(1, Ordering::Relaxed))
                            else {
                                break;
                            };
                            match self.make_one(image, wanted) {
                                Ok(n) => {
                                    made.fetch_add(n, Ordering::Relaxed);
                                }
                                Err(f) => {
                                    stop.store(true, Ordering::Relaxed);
                                    if let Ok(mut slot) = failure.lock() {
                                        slot.get_or_insert(f);
                                    }
                                }
                            }
                        }
                    })
                })
                .collect();
            for w in workers {
                if w.join().is_err()
                    && let Ok(mut slot) = failure.lock()
                {
                    slot.get_or_insert(Failure {
                        hash: String::new(),
                        file: self.cache_dir(),
                        reason: "a rendition thread stopped unexpectedly".into(),
                    });
                }
            }
        });
        match failure.into_inner().ok().flatten() {
            Some(f) => Err(f),
            None => Ok(made.into_inner()),
        }
    }

    fn make_one(&self, image: &Image, wanted: &[Rendition]) -> Result<usize, Failure> {
        let file = self.original(&image.hash, image.format);
        let fail = |reason: String| Failure {
            hash: image.hash.clone(),
            file: file.clone(),
            reason,
        };
        let bytes = fs::read(&file).map_err(|e| {
            fail(match e.kind() {
                ErrorKind::NotFound => "the original is missing from the media folder".into(),
                _ => format!("cannot read it: {e}"),
            })
        })?;
        for (name, data) in make(&bytes, image, wanted).map_err(fail)? {
            let to = self.cached(&name);
            write_atomic(&to, &data).map_err(|e: io::Error| Failure {
                hash: image.hash.clone(),
                file: to.clone(),
                reason: format!("cannot write the rendition: {e}"),
            })?;
        }
        Ok(wanted.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::Format;

    fn image(width: u32, height: u32, alpha: bool) -> Image {
        Image {
            hash: "0123456789abcdef".repeat(4),
            format: Format::Png,
            width,
            height,
            alpha,
        }
    }

    #[test]
    fn widths_never_upscale() {
        let names = |i: Image| -> Vec<(u32, u32, String)> {
            i.renditions()
                .into_iter()
                .map(|r| (r.width, r.height, r.name))
                .collect()
        };
        assert_eq!(
            names(image(4000, 3000, false)),
            [
                (480, 360, "0123456789abcdef-480.jpg".to_string()),
                (960, 720, "0123456789abcdef-960.jpg".to_string()),
                (1600, 1200, "0123456789abcdef-1600.jpg".to_string()),
            ]
        );
        let w: Vec<u32> = image(1200, 800, true)
            .renditions()
            .iter()
            .map(|r| r.width)
            .collect();
        assert_eq!(w, [480, 960, 1200]);
        assert_eq!(image(960, 10, false).renditions().len(), 2);
        let tiny = image(300, 1, true).renditions();
        assert_eq!(
            (tiny.len(), tiny[0].height, tiny[0].name.as_str()),
            (1, 1, "0123456789abcdef-300.png")
        );
    }
}
