//! The photo library below the command line: checking files by their bytes, storing them once
//! by hash, and web renditions with the right widths and no EXIF or GPS left in them.

mod support;

use std::fs;

use image::DynamicImage;
use newsdesk::media::{Format, Image, Library, Refusal, inspect, sha256_hex};
use support::media::*;

fn image_of(bytes: &[u8]) -> Image {
    let i = inspect(bytes, 25).unwrap();
    Image {
        hash: sha256_hex(bytes),
        format: i.format,
        width: i.width,
        height: i.height,
        alpha: i.alpha,
    }
}

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::beside(&dir.path().join("n.db"));
    (dir, lib)
}

#[test]
fn a_camera_photo_is_stored_once_and_its_renditions_carry_no_exif_or_gps() {
    let bytes = camera_jpeg();
    // The source really has what must not leak: an EXIF segment with a GPS position.
    assert!(
        jpeg_segments(bytes)
            .iter()
            .any(|(m, p)| *m == 0xE1 && p.starts_with(b"Exif\0\0"))
    );
    assert!(contains(bytes, b"NDCAM01") && bytes.len() > 1_000_000);
    let i = inspect(bytes, 25).unwrap();
    assert_eq!(
        (i.format, i.width, i.height, i.alpha),
        (Format::Jpeg, 4000, 3000, false)
    );
    let (dir, lib) = library();
    let image = image_of(bytes);
    assert!(lib.store(&image.hash, image.format, bytes).unwrap());
    assert!(!lib.store(&image.hash, image.format, bytes).unwrap());
    let original = lib.original(&image.hash, Format::Jpeg);
    assert_eq!(
        original,
        dir.path()
            .join("media")
            .join(&image.hash[..2])
            .join(format!("{}.jpg", image.hash))
    );
    assert_eq!(fs::read(&original).unwrap(), bytes);

    assert_eq!(lib.prepare(std::slice::from_ref(&image)).unwrap(), 3);
    let widths: Vec<(u32, u32)> = image
        .renditions()
        .iter()
        .map(|r| (r.width, r.height))
        .collect();
    assert_eq!(widths, [(480, 360), (960, 720), (1600, 1200)]);
    for r in image.renditions() {
        assert_eq!(r.name, format!("{}-{}.jpg", &image.hash[..16], r.width));
        let b = fs::read(lib.cached(&r.name)).unwrap();
        assert_eq!(size_of(&b), (r.width, r.height), "{}", r.name);
        let markers: Vec<u8> = jpeg_segments(&b).iter().map(|(m, _)| *m).collect();
        assert!(!markers.contains(&0xE1), "an APP1 segment in {}", r.name);
        for leak in [&b"Exif"[..], b"NDCAM01", b"MM\0\x2a"] {
            assert!(!contains(&b, leak), "{leak:?} in {}", r.name);
        }
    }
    // Made once: a second call finds every rendition by name and encodes nothing.
    assert_eq!(lib.prepare(&[image]).unwrap(), 0);
}

#[test]
fn a_rotated_camera_photo_is_turned_upright() {
    // Stored landscape, meant portrait (EXIF orientation 6: turn 90° clockwise).
    let bytes = with_exif(&jpeg(&picture(800, 600, 7), 85), 6);
    let image = image_of(&bytes);
    assert_eq!((image.width, image.height), (600, 800));
    let (_dir, lib) = library();
    lib.store(&image.hash, image.format, &bytes).unwrap();
    lib.prepare(std::slice::from_ref(&image)).unwrap();
    let r = image.renditions();
    assert_eq!(r.iter().map(|r| r.width).collect::<Vec<_>>(), [480, 600]);
    let b = fs::read(lib.cached(&r[1].name)).unwrap();
    assert_eq!(size_of(&b), (600, 800));
}

#[test]
fn png_webp_and_gif_are_accepted_and_get_sensible_renditions() {
    let (_dir, lib) = library();
    let flat = png(&DynamicImage::ImageRgb8(picture(1000, 500, 2)));
    let cases = [
        (flat, Format::Png, false, "jpg"),
        (png_with_alpha(700, 300), Format::Png, true, "png"),
        (webp(&picture(640, 480, 3)), Format::Webp, false, "jpg"),
        (gif(200, 100), Format::Gif, false, "jpg"),
    ];
    for (bytes, format, alpha, ext) in cases {
        let image = image_of(&bytes);
        assert_eq!((image.format, image.alpha), (format, alpha));
        lib.store(&image.hash, format, &bytes).unwrap();
        lib.prepare(std::slice::from_ref(&image)).unwrap();
        for r in image.renditions() {
            assert!(r.name.ends_with(ext), "{format:?}: {}", r.name);
            let b = fs::read(lib.cached(&r.name)).unwrap();
            assert_eq!(size_of(&b), (r.width, r.height));
            if ext == "png" {
                let chunks = png_chunks(&b);
                assert!(
                    !chunks
                        .iter()
                        .any(|c| ["eXIf", "tEXt", "iTXt", "zTXt"].contains(&c.as_str())),
                    "{chunks:?}"
                );
            }
        }
    }
}

#[test]
fn hostile_and_broken_files_are_refused_with_the_reason() {
    assert_eq!(inspect(SVG, 25), Err(Refusal::Svg));
    let bytes = camera_jpeg();
    match inspect(&bytes[..bytes.len() / 2], 25) {
        Err(r @ Refusal::Truncated(Format::Jpeg)) => {
            assert!(r.to_string().contains("cut short"), "{r}");
        }
        other => panic!("a truncated JPEG: {other:?}"),
    }
    // A truncated PNG does not decode either.
    let p = png(&DynamicImage::ImageRgb8(picture(300, 300, 4)));
    assert!(matches!(
        inspect(&p[..p.len() - 40], 25),
        Err(Refusal::Undecodable { .. })
    ));
    // Refused from the header, without decoding: no time, no memory.
    let bomb = png_bomb_header(20_000, 20_000);
    assert!(bomb.len() < 100);
    assert_eq!(
        inspect(&bomb, 25),
        Err(Refusal::TooManyPixels {
            width: 20_000,
            height: 20_000
        })
    );
    let e = Refusal::TooManyPixels {
        width: 20_000,
        height: 20_000,
    }
    .to_string();
    assert!(e.contains("400 megapixels") && e.contains("50"), "{e}");
    match inspect(bytes, 1) {
        Err(e @ Refusal::TooLarge { limit_mb: 1, .. }) => {
            assert!(e.to_string().contains("over the 1 MB limit"), "{e}")
        }
        other => panic!("over the limit: {other:?}"),
    }
    assert!(matches!(
        inspect(b"plain text, not a photo", 25),
        Err(Refusal::NotAnImage(_))
    ));
}
