//! Real image files, made by the tests with the `image` crate: a camera-sized JPEG with GPS in
//! its EXIF (the APP1 segment built by hand and spliced in after SOI), PNG, WebP and GIF files,
//! and the hostile ones (an SVG with a script, a truncated JPEG, a PNG header claiming
//! 20,000 × 20,000 pixels). Plus readers for what the renditions contain.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::webp::WebPEncoder;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

/// A photo-like picture: gradients with some texture, different for every `seed`.
pub fn picture(width: u32, height: u32, seed: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let n = x.wrapping_mul(7919) ^ y.wrapping_mul(104_729) ^ seed.wrapping_mul(2_654_435_761);
        let grain = (n.wrapping_mul(2_246_822_519) >> 27) as u8;
        Rgb([
            ((x * 255 / width.max(1)) as u8).wrapping_add(grain),
            ((y * 255 / height.max(1)) as u8).wrapping_add(seed as u8),
            (((x + y) / 8) as u8) ^ grain,
        ])
    })
}

pub fn jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(img)
        .unwrap();
    out
}

fn be16(v: usize) -> [u8; 2] {
    (v as u16).to_be_bytes()
}

/// An EXIF APP1 segment: IFD0 with Orientation, Make and a GPS IFD pointer; the GPS IFD with
/// latitude and longitude (big-endian TIFF, offsets from the TIFF header).
pub fn exif_app1(orientation: u16) -> Vec<u8> {
    let mut t: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: 3 entries (2 + 3*12 + 4 = 42 bytes) → ends at 50; "Make" string at 50 (8 bytes),
    // GPS IFD at 58.
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_be_bytes());
        t.extend_from_slice(&kind.to_be_bytes());
        t.extend_from_slice(&count.to_be_bytes());
        t.extend_from_slice(&value);
    };
    t.extend_from_slice(&3u16.to_be_bytes());
    let o = orientation.to_be_bytes();
    entry(&mut t, 0x010F, 2, 8, 50u32.to_be_bytes()); // Make
    entry(&mut t, 0x0112, 3, 1, [o[0], o[1], 0, 0]); // Orientation
    entry(&mut t, 0x8825, 4, 1, 58u32.to_be_bytes()); // GPSInfo
    t.extend_from_slice(&0u32.to_be_bytes());
    t.extend_from_slice(b"NDCAM01\0");
    // GPS IFD at 58: 4 entries (2 + 48 + 4 = 54) → rationals at 112 (lat) and 136 (lon).
    t.extend_from_slice(&4u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, *b"N\0\0\0"); // GPSLatitudeRef
    entry(&mut t, 0x0002, 5, 3, 112u32.to_be_bytes()); // GPSLatitude
    entry(&mut t, 0x0003, 2, 2, *b"E\0\0\0"); // GPSLongitudeRef
    entry(&mut t, 0x0004, 5, 3, 136u32.to_be_bytes()); // GPSLongitude
    t.extend_from_slice(&0u32.to_be_bytes());
    assert_eq!(t.len(), 112);
    for (num, den) in [(21, 1), (2, 1), (3456, 100), (105, 1), (51, 1), (1234, 100)] {
        t.extend_from_slice(&(num as u32).to_be_bytes());
        t.extend_from_slice(&(den as u32).to_be_bytes());
    }
    let mut seg = vec![0xFF, 0xE1];
    seg.extend_from_slice(&be16(2 + 6 + t.len()));
    seg.extend_from_slice(b"Exif\0\0");
    seg.extend_from_slice(&t);
    seg
}

/// `jpeg` with an EXIF segment right after its SOI marker.
pub fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&exif_app1(orientation));
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A 4000 × 3000 camera JPEG with GPS in its EXIF (made once per test binary).
pub fn camera_jpeg() -> &'static [u8] {
    static CAMERA: OnceLock<Vec<u8>> = OnceLock::new();
    CAMERA.get_or_init(|| with_exif(&jpeg(&picture(4000, 3000, 1), 90), 1))
}

pub fn png(img: &DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
        .unwrap();
    out
}

/// A PNG with transparent corners (its renditions stay PNG).
pub fn png_with_alpha(width: u32, height: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(width, height, |x, y| {
        let a = if x < width / 4 && y < height / 4 {
            0
        } else {
            255
        };
        Rgba([(x % 256) as u8, (y % 256) as u8, 90, a])
    });
    png(&DynamicImage::ImageRgba8(img))
}

pub fn webp(img: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    WebPEncoder::new_lossless(&mut out)
        .encode(
            img.as_raw(),
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

pub fn gif(width: u32, height: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(width, height, |x, y| {
        Rgba([(x * 8 % 256) as u8, (y * 8 % 256) as u8, 200, 255])
    });
    let mut out = Vec::new();
    GifEncoder::new(&mut out)
        .encode_frame(image::Frame::new(img))
        .unwrap();
    out
}

pub const SVG: &[u8] = b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>\n";

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
}

/// A valid PNG signature and IHDR claiming `width` × `height` RGBA pixels, a tiny IDAT, IEND:
/// a few dozen bytes that would need gigabytes to decode.
pub fn png_bomb_header(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// The JPEG segments before the image data: (marker, payload).
pub fn jpeg_segments(b: &[u8]) -> Vec<(u8, Vec<u8>)> {
    assert_eq!(&b[..2], [0xFF, 0xD8], "not a JPEG");
    let mut out = Vec::new();
    let mut at = 2;
    while at + 4 <= b.len() && b[at] == 0xFF {
        let marker = b[at + 1];
        let len = u16::from_be_bytes([b[at + 2], b[at + 3]]) as usize;
        out.push((marker, b[at + 4..at + 2 + len].to_vec()));
        if marker == 0xDA {
            break;
        }
        at += 2 + len;
    }
    out
}

/// The PNG chunk types, in order.
pub fn png_chunks(b: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 8;
    while at + 8 <= b.len() {
        let len = u32::from_be_bytes(b[at..at + 4].try_into().unwrap()) as usize;
        out.push(String::from_utf8_lossy(&b[at + 4..at + 8]).into_owned());
        at += 12 + len;
    }
    out
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Decoded size of an image file.
pub fn size_of(bytes: &[u8]) -> (u32, u32) {
    let img = image::load_from_memory(bytes).unwrap();
    (img.width(), img.height())
}
