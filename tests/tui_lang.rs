//! The TUI in Vietnamese: the main screens as 80×24 snapshots (their English twins are in
//! `tui_screens`), messages from `update`, and the config file's typing settings.

mod support;

use crossterm::event::KeyCode;
use newsdesk::i18n::Lang;
use newsdesk::tui::action::Action;
use newsdesk::tui::state::{Settings, State, TypingMode};
use newsdesk::tui::update::update;
use support::clock::*;
use support::tui::newsroom::*;
use support::tui::*;

fn snap(name: &str, s: &State) -> String {
    let text = screen(s);
    insta::assert_snapshot!(format!("vi_{name}_{W}x{H}"), text);
    text
}

// ---------------------------------------------------------------------------------------------
// The main screens in Vietnamese
// ---------------------------------------------------------------------------------------------

#[test]
fn vi_empty_newsroom() {
    let text = snap("empty", &state(Lang::Vi, Vec::new()));
    assert!(text.contains("Chưa có bài viết nào"), "{text}");
    assert!(text.contains("newsdesk import THƯ_MỤC"), "{text}");
}

#[test]
fn vi_list() {
    let mut s = state(Lang::Vi, rows());
    key(&mut s, KeyCode::Down);
    let text = snap("list", &s);
    assert!(text.contains("tất cả · mới sửa · 2/5"), "{text}");
    assert!(
        text.contains("Chờ  "),
        "badges are padded to one width:\n{text}"
    );
}

#[test]
fn vi_editor() {
    let mut s = editing(Lang::Vi);
    for _ in 0..7 {
        key(&mut s, KeyCode::Tab);
    }
    let text = snap("editor", &s);
    assert!(text.contains("Chuyên mục  Thời sự"), "{text}");
    assert!(text.contains("nháp · VI·Telex · "), "{text}");
}

#[test]
fn vi_preview() {
    let mut s = editing(Lang::Vi);
    ctrl(&mut s, 'p');
    let text = snap("preview", &s);
    assert!(text.contains("Xem trước"), "{text}");
}

#[test]
fn vi_help() {
    let mut s = state(Lang::Vi, rows());
    key(&mut s, KeyCode::Char('?'));
    let text = snap("help", &s);
    assert!(
        text.contains("↑↓ PgUp PgDn cuộn · phím khác để đóng"),
        "{text}"
    );
    assert!(text.contains("Mọi nơi"), "{text}");
}

#[test]
fn vi_status_menu() {
    let mut s = editing(Lang::Vi);
    ctrl(&mut s, 'l');
    key(&mut s, KeyCode::Down);
    for c in "2026-11-27 08:00".chars() {
        key(&mut s, KeyCode::Char(c));
    }
    let text = snap("status_menu", &s);
    assert!(text.contains("Hẹn giờ đăng"), "{text}");
    assert!(
        text.contains("Đăng lúc (vd. 2026-11-27 08:00): 2026-11-27 08:00"),
        "{text}"
    );
}

#[test]
fn vi_conflict() {
    let mut s = editing(Lang::Vi);
    for _ in 0..7 {
        key(&mut s, KeyCode::Tab);
    }
    // Telex is on: "Chieeuf " types "Chiều ".
    for c in "Chieeuf ".chars() {
        key(&mut s, KeyCode::Char(c));
    }
    let mut theirs = article();
    theirs.body = BODY.replacen("Sáng 26/11", "Sáng thứ Năm 26/11", 1);
    theirs.updated_by = "lan".into();
    theirs.updated_at = at(3, 5);
    theirs.version = 4;
    update(
        &mut s,
        Action::Conflict {
            theirs,
            kept_rev: 12,
        },
    );
    let text = snap("conflict", &s);
    assert!(text.contains("lan đã lưu bài này lúc 10:05"), "{text}");
    assert!(
        text.contains("của họ : Sáng thứ Năm"),
        "labels line up:\n{text}"
    );
}

#[test]
fn vi_messages_from_update_and_read_only() {
    let mut s = editing(Lang::Vi);
    update(
        &mut s,
        Action::LockHeld {
            id: 1,
            user: "lan".into(),
            host: "laptop-lan".into(),
            since: at(3, 42),
        },
    );
    let text = screen(&s);
    assert!(
        text.contains("Đang được sửa bởi lan trên laptop-lan từ 10:42"),
        "{text}"
    );
    assert!(text.contains("chỉ đọc"), "{text}");
    ctrl(&mut s, 's');
    let m = s
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert_eq!(
        m,
        "Chỉ đọc: lan đang sửa bài này. Ctrl-K để giành quyền sửa."
    );
}

#[test]
fn the_config_file_sets_the_starting_typing_mode_and_style() {
    use newsdesk::config::{Config, Prefs, StartTyping};
    use newsdesk::domain::vietime::ToneStyle;
    let prefs = Prefs {
        lang: Lang::Vi,
        config: Config {
            typing: Some(StartTyping::Telex),
            tone_style: Some(ToneStyle::New),
            ..Config::default()
        },
    };
    let settings = Settings::from_prefs(&prefs);
    assert_eq!(settings.typing, TypingMode::Telex);
    let mut s = State::new(W, H, true, vn()).with_settings(settings);
    update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: rows(),
            total: 5,
            snippets: Vec::new(),
        },
    );
    key(&mut s, KeyCode::Enter);
    update(&mut s, Action::ArticleLoaded(article()));
    for _ in 0..7 {
        key(&mut s, KeyCode::Tab);
    }
    for c in "hoaf ".chars() {
        key(&mut s, KeyCode::Char(c));
    }
    let body = s.editor().map(|e| e.fields().body).unwrap_or_default();
    assert!(
        body.starts_with("hoà "),
        "new style, Telex from the start: {body:?}"
    );
    // Ctrl-T cycles on from there, keeping the style.
    ctrl(&mut s, 't');
    assert_eq!(s.typing.mode, TypingMode::Vni);
    assert_eq!(s.typing.options.style, ToneStyle::New);
}
