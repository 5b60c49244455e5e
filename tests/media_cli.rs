//! `newsdesk media` as an editor types it: adding a mixed batch (one line per refused file, the
//! rest added, exit 1), the same photo stored once, attaching to articles, the publish warning
//! for missing alt text, and removal refused while a photo is used.

mod support;

use std::path::Path;

use image::DynamicImage;
use serde_json::Value;
use support::cli::*;
use support::media::*;

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn library(d: &Desk) -> Vec<Value> {
    match d.json(&["media", "list", "--json"]) {
        Value::Array(items) => items,
        other => panic!("media list --json printed {other}"),
    }
}

fn hash_named(d: &Desk, name: &str) -> String {
    library(d)
        .iter()
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in the library"))["hash"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_mixed_batch_adds_the_good_files_and_names_each_refused_one() {
    let d = Desk::new();
    let dir = d.path("upload");
    std::fs::create_dir_all(&dir).unwrap();
    let camera = camera_jpeg();
    let good = [
        write(&dir, "IMG_0001.JPG", camera),
        write(
            &dir,
            "so-do.png",
            &png(&DynamicImage::ImageRgb8(picture(640, 400, 5))),
        ),
        write(&dir, "toan-canh.webp", &webp(&picture(500, 300, 6))),
        write(&dir, "bieu-do.gif", &gif(120, 80)),
        // Named .jpg, but PNG bytes: accepted, and stored as the PNG it is.
        write(&dir, "anh-chup.jpg", &png_with_alpha(300, 200)),
    ];
    let bad = [
        write(&dir, "logo.svg", SVG),
        write(&dir, "cut.jpg", &camera[..camera.len() / 3]),
        write(&dir, "bomb.png", &png_bomb_header(20_000, 20_000)),
    ];
    let mut args = vec![
        "media",
        "add",
        "--caption",
        "Lễ ra quân",
        "--credit",
        "Văn Hùng",
    ];
    let paths: Vec<String> = good
        .iter()
        .chain(&bad)
        .map(|p| p.display().to_string())
        .collect();
    args.extend(paths.iter().map(String::as_str));
    let out = d.run(&args);
    expect_code(&out, 1, &args);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    for (file, reason) in [
        ("logo.svg", "SVG is not accepted"),
        ("cut.jpg", "does not decode"),
        ("bomb.png", "400 megapixels, over the limit of 50"),
    ] {
        assert!(
            lines.iter().any(|l| l.contains(file) && l.contains(reason)),
            "{file}: {reason}\n{err}"
        );
    }
    let said = stdout(&out);
    assert_eq!(said.matches("added ").count(), 5, "{said}");
    let items = library(&d);
    assert_eq!(items.len(), 5);
    let fake = items.iter().find(|m| m["name"] == "anh-chup.jpg").unwrap();
    assert_eq!(fake["type"], "png");
    assert!(fake["file"].as_str().unwrap().ends_with(".png"));
    let cam = items.iter().find(|m| m["name"] == "IMG_0001.JPG").unwrap();
    assert_eq!(
        (cam["width"].as_u64(), cam["height"].as_u64()),
        (Some(4000), Some(3000))
    );
    assert_eq!(cam["caption"], "Lễ ra quân");
    assert_eq!(cam["credit"], "Văn Hùng");
    assert_eq!(cam["added_by"], "hoa");
    let stored = files(&d.path("media"));
    assert_eq!(
        stored.len(),
        5,
        "only the accepted files, no temporary leftovers: {stored:?}"
    );

    // The same photo again, under another name: stored once; an empty alt text is filled in.
    let again = write(&dir, "copy-of-camera.jpg", camera);
    let said = d.ok(&[
        "media",
        "add",
        again.to_str().unwrap(),
        "--alt",
        "Đoàn viên ra quân",
    ]);
    assert!(said.contains("already in the library"), "{said}");
    assert_eq!(files(&d.path("media")), stored);
    assert_eq!(library(&d).len(), 5);
    let hash = hash_named(&d, "IMG_0001.JPG");
    let show = d.ok(&["media", "show", &hash[..8]]);
    assert!(show.contains("alt      Đoàn viên ra quân"), "{show}");
    assert!(
        show.contains(&hash) && show.contains("used by: no article"),
        "{show}"
    );

    // The size limit is a site setting.
    d.ok(&["site", "set", "media_max_mb", "1"]);
    let big = write(&dir, "big.jpg", &jpeg(&picture(2000, 1500, 9), 95));
    let e = d.fails(&["media", "add", big.to_str().unwrap()]);
    assert!(
        e.contains("big.jpg") && e.contains("over the 1 MB limit"),
        "{e}"
    );
    assert_eq!(library(&d).len(), 5);
}

#[test]
fn attach_detach_publish_warnings_and_removal() {
    let d = Desk::new();
    let dir = d.path("upload");
    std::fs::create_dir_all(&dir).unwrap();
    let a = write(&dir, "a.jpg", &jpeg(&picture(1200, 800, 11), 85));
    let b = write(
        &dir,
        "b.png",
        &png(&DynamicImage::ImageRgb8(picture(900, 600, 12))),
    );
    let c = write(&dir, "c.jpg", &jpeg(&picture(700, 500, 13), 85));
    d.ok(&["new", "--title", "Hội nghị dân vận", "--slug", "hoi-nghi"]);
    d.ok(&[
        "media",
        "add",
        a.to_str().unwrap(),
        "--alt",
        "Hội trường",
        "--article",
        "hoi-nghi",
    ]);
    d.ok(&["media", "add", b.to_str().unwrap(), c.to_str().unwrap()]);
    let (ha, hb, hc) = (
        hash_named(&d, "a.jpg"),
        hash_named(&d, "b.png"),
        hash_named(&d, "c.jpg"),
    );
    let said = d.ok(&["media", "attach", &hb[..10], "hoi-nghi", "--lead"]);
    assert!(said.contains("lead photo"), "{said}");
    let said = d.ok(&[
        "media",
        "attach",
        &hc[..10],
        "hoi-nghi",
        "--at",
        "1",
        "--alt",
        "Đại biểu",
    ]);
    assert!(said.contains("gallery photo 1"), "{said}");
    let body = d.write(
        "body.md",
        format!("Mở đầu.\n\n![Toàn cảnh](media:{})\n", &hb[..12]),
    );
    // The body is set by importing the article again with the same slug.
    let md = format!(
        "---\ntitle: Hội nghị dân vận\nslug: hoi-nghi\nstatus: draft\n---\n{}",
        std::fs::read_to_string(&body).unwrap()
    );
    let file = d.write("hoi-nghi.md", md);
    d.ok(&["import", file.to_str().unwrap()]);

    // Publishing warns (does not refuse) about the photos without alt text, naming them.
    let out = d.run(&["status", "hoi-nghi", "published"]);
    expect_code(&out, 0, "publish");
    let err = stderr(&out);
    assert!(err.contains("without alt text"), "{err}");
    // Named as the terminal app names them: where, then which.
    assert!(err.contains(&format!("lead ({})", &hb[..12])), "{err}");
    assert!(
        err.contains(&format!("in the body ({})", &hb[..12])),
        "{err}"
    );
    assert!(
        !err.contains(&ha[..12]) && !err.contains(&hc[..12]),
        "{err}"
    );

    let show = d.ok(&["media", "show", &ha]);
    assert!(show.contains("as gallery photo 2"), "{show}");
    let e = d.fails(&["media", "rm", &ha[..8]]);
    assert!(
        e.contains("is used by “Hội nghị dân vận” (hoi-nghi) as gallery photo 2"),
        "{e}"
    );
    d.ok(&["media", "detach", &ha[..8], "hoi-nghi"]);
    let e = d.fails(&["media", "detach", &ha[..8], "hoi-nghi"]);
    assert!(e.contains("has no photo"), "{e}");
    d.ok(&["media", "rm", &ha[..8]]);
    assert_eq!(library(&d).len(), 2);
    assert!(!files(&d.path("media")).iter().any(|f| f.contains(&ha)));

    // Used inline in the body and as the lead: refused, then forced with a warning.
    let e = d.fails(&["media", "rm", &hb]);
    assert!(
        e.contains("lead photo") && e.contains("inline in the body"),
        "{e}"
    );
    let out = d.run(&["media", "rm", &hb, "--force"]);
    expect_code(&out, 0, "rm --force");
    assert!(
        stderr(&out).contains("still named in the body"),
        "{}",
        stderr(&out)
    );
    let e = d.fails(&["media", "show", &hb[..8]]);
    assert!(e.contains("no photo"), "{e}");
}

#[test]
fn devices_pipes_and_endless_files_are_refused_without_reading_them() {
    let d = Desk::new();
    let dir = d.path("upload");
    std::fs::create_dir_all(&dir).unwrap();
    let good = write(&dir, "IMG_0001.JPG", camera_jpeg());
    let fifo = dir.join("fifo.jpg");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid path; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let args = [
        "media",
        "add",
        "/dev/zero",
        fifo.to_str().unwrap(),
        good.to_str().unwrap(),
    ];
    // 1 GiB of address space and 60 s: /dev/zero read to the end would need neither.
    let out = nd_bounded(&d.db, &args, 1024, 60);
    expect_code(&out, 1, &args);
    let err = stderr(&out);
    for name in ["/dev/zero", "fifo.jpg"] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{err}"));
        assert!(line.contains("not a file"), "{line}");
    }
    assert_eq!(library(&d).len(), 1, "{err}");
    assert_eq!(hash_named(&d, "IMG_0001.JPG").len(), 64);
}
