//! A status move made from the editor reaches the editor's own fields at once: after
//! "Publish now", a save writes the publish time the move set, never the stale one the editor
//! still showed (the real binary in tmux, checked with `newsdesk show` afterwards).

mod support;

use std::path::Path;

use chrono::{DateTime, Utc};
use support::pty::{Tmux, cli_json, newsroom_with};

fn show(db: &Path) -> serde_json::Value {
    cli_json(db, &["show", "1", "--json"])
}

fn publish_at(db: &Path) -> Option<DateTime<Utc>> {
    show(db)["publish_at"]
        .as_str()
        .map(|s| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc))
}

/// Opens the one article, types `publish` into its Publish field (if any) and saves, moves
/// it to "Publish now" with Ctrl-L, then types a word in the body and saves again.
fn publish_now_then_save(name: &str, publish: Option<&str>) -> (tempfile::TempDir, DateTime<Utc>) {
    let (dir, db) = newsroom_with("Lễ ra quân", "Nội dung bài.\n");
    let t = Tmux::start(name, 100, 30, &db, "hoa", &[]);
    t.wait_for("Lễ ra quân");
    t.keys(&["Enter"]);
    t.wait_for("Editor · le-ra-quan");
    if let Some(at) = publish {
        // Title → lede, section, tags, byline, signed-by, publish.
        for _ in 0..6 {
            t.keys(&["Tab"]);
        }
        t.type_text(at);
        t.keys(&["C-s"]);
        t.wait_for("version 2, draft");
    }
    let before_move = Utc::now();
    t.keys(&["C-l"]);
    t.wait_for("Publish now");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("published)");
    // To the body (Tab from the publish field, or from the title), one word, save.
    for _ in 0..if publish.is_some() { 1 } else { 7 } {
        t.keys(&["Tab"]);
    }
    t.type_text("Thêm ");
    t.keys(&["C-s"]);
    t.wait_for(if publish.is_some() {
        "version 4"
    } else {
        "version 3"
    });
    (dir, before_move)
}

#[test]
fn a_save_after_publish_now_keeps_the_time_the_move_set() {
    let (dir, before_move) = publish_now_then_save("pubnow", Some("2027-03-01 09:00"));
    let db = dir.path().join("n.db");
    let a = show(&db);
    assert_eq!(a["status"], "published");
    assert!(
        a["body"].as_str().unwrap().starts_with("Thêm Nội dung"),
        "{a}"
    );
    let at = publish_at(&db).expect("a publish time");
    // The move's time (now), not the 2027 the editor showed before the move.
    assert!(
        at >= before_move - chrono::Duration::seconds(2) && at <= Utc::now(),
        "publish_at {at} (moved at {before_move})"
    );
}

#[test]
fn a_save_after_publish_now_with_an_empty_publish_field_keeps_the_time_too() {
    let (dir, before_move) = publish_now_then_save("pubempty", None);
    let db = dir.path().join("n.db");
    let at = publish_at(&db).expect("the move's publish time was kept by the save");
    assert!(at >= before_move - chrono::Duration::seconds(2) && at <= Utc::now());
}
