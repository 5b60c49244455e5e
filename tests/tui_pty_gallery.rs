//! The gallery panel in the real binary in a pseudo-terminal (tmux): a photo the test makes is
//! attached by typing its path with Tab completion, then placed in the body; the CLI sees both.

use std::path::PathBuf;

mod support;

use support::pty::{Tmux, cli_json, newsroom_with};

/// A small PNG (a gradient, so it is a real picture).
fn write_png(path: &PathBuf) {
    let img = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8 * 4, y as u8 * 5, 90]));
    img.save_with_format(path, image::ImageFormat::Png).unwrap();
}

#[test]
fn attach_a_photo_by_typed_path_with_tab_completion_and_place_it_in_the_body() {
    let (dir, db) = newsroom_with("Cầu treo mới", "Dòng đầu.");
    let uploads = dir.path().join("uploads");
    std::fs::create_dir(&uploads).unwrap();
    write_png(&uploads.join("cau-treo.png"));

    let t = Tmux::start("gallery", 100, 30, &db, "hoa", &[]);
    t.wait_for("Cầu treo mới");
    t.keys(&["Enter"]);
    t.wait_for("Editor · cau-treo-moi");
    t.keys(&["C-u"]);
    t.wait_for("No photos yet");
    t.keys(&["a"]);
    t.wait_for("File: ");
    // The folder by its first letters, then the file by its first letter: Tab completes both.
    t.type_text(&format!("{}/upl", dir.path().display()));
    t.keys(&["Tab"]);
    t.wait_for("uploads/▏");
    t.type_text("c");
    t.keys(&["Tab"]);
    t.wait_for("cau-treo.png▏");
    t.keys(&["Enter"]);
    t.wait_for("added to the library and attached");
    t.wait_for("⚠ no alt text");

    let list = cli_json(&db, &["media", "list", "--json"]);
    let items = list.as_array().expect("a JSON list");
    assert_eq!(items.len(), 1, "{list}");
    assert_eq!(items[0]["name"], "cau-treo.png");
    assert_eq!(items[0]["type"], "png");
    assert_eq!(items[0]["width"], 64);
    assert_eq!(items[0]["uses"], 1);
    let hash = items[0]["hash"].as_str().unwrap().to_string();
    let shown = cli_json(&db, &["media", "show", &hash, "--json"]);
    assert_eq!(shown["used_by"][0]["id"], 1, "{shown}");
    assert!(
        shown["used_by"][0]["as"]
            .as_str()
            .is_some_and(|r| r.contains("gallery")),
        "{shown}"
    );

    // Alt text for this article, then the photo placed in the body and the article saved.
    t.keys(&["t"]);
    t.wait_for("Alt: ");
    t.type_text("Cầu treo bắc qua suối");
    t.keys(&["Enter"]);
    t.wait_for("Saved for this article");
    t.keys(&["i"]);
    t.wait_for("placed in the body");
    t.keys(&["C-s"]);
    t.wait_for("Saved “");
    let article = cli_json(&db, &["show", "1", "--json"]);
    let short = &hash[..12];
    assert_eq!(
        article["body"],
        format!("![](media:{short})Dòng đầu."),
        "{article}"
    );
}
