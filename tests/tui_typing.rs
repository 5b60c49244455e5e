//! Vietnamese typing in the editor: Ctrl-T cycles EN → VI·Telex → VI·VNI, keys become letters
//! in every text field and the body, English words survive, Ctrl-R gives the raw keys back.

mod support;

use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use newsdesk::domain::{Article, Status};
use newsdesk::tui::action::Action;
use newsdesk::tui::state::{Field, State, TypingMode};
use newsdesk::tui::update::update;
use newsdesk::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::clock::vn;
use support::tui::{ctrl, key};

fn article() -> Article {
    let t = Utc.with_ymd_and_hms(2026, 11, 26, 3, 0, 0).unwrap();
    Article {
        id: 7,
        slug: "tin".into(),
        title: String::new(),
        lede: String::new(),
        body: String::new(),
        byline: String::new(),
        signed_by: String::new(),
        section: String::new(),
        tags: Vec::new(),
        status: Status::Draft,
        publish_at: None,
        created_at: t,
        created_by: "hoa".into(),
        updated_at: t,
        updated_by: "hoa".into(),
        version: 1,
    }
}

fn typing(s: &mut State, keys: &str) {
    for c in keys.chars() {
        if c == '\n' {
            key(s, KeyCode::Enter);
        } else {
            key(s, KeyCode::Char(c));
        }
    }
}

/// An empty article open, the cursor in its title, Telex on.
fn telex() -> State {
    let mut s = State::new(100, 30, true, vn());
    update(&mut s, Action::ArticleLoaded(article()));
    ctrl(&mut s, 't');
    assert_eq!(s.typing.mode, TypingMode::Telex);
    s
}

fn value(s: &State, f: Field) -> String {
    s.editor().unwrap().value(f)
}

fn to(s: &mut State, f: Field) {
    while s.editor().unwrap().focus != f {
        key(s, KeyCode::Tab);
    }
}

#[test]
fn telex_in_the_title_and_the_body() {
    let mut s = telex();
    typing(&mut s, "Vieetj Nam thaamr ddinhj");
    assert_eq!(value(&s, Field::Title), "Việt Nam thẩm định");
    to(&mut s, Field::Body);
    typing(&mut s, "Nguwowif daan\nDdaij hooij ");
    assert_eq!(value(&s, Field::Body), "Người dân\nĐại hội ");
    assert!(s.editor().unwrap().dirty);
}

#[test]
fn english_words_survive_and_ctrl_r_gives_the_keys_back() {
    let mut s = telex();
    to(&mut s, Field::Body);
    typing(&mut s, "class Windows google ");
    assert_eq!(value(&s, Field::Body), "class Windows google ");
    typing(&mut s, "data");
    assert_eq!(value(&s, Field::Body), "class Windows google dât");
    ctrl(&mut s, 'r');
    assert_eq!(value(&s, Field::Body), "class Windows google data");
}

#[test]
fn leaving_the_field_ends_the_word() {
    let mut s = telex();
    typing(&mut s, "refresh");
    key(&mut s, KeyCode::Tab);
    assert_eq!(
        value(&s, Field::Title),
        "refresh",
        "not a syllable: back to the keys"
    );
}

#[test]
fn vni_and_back_to_english() {
    let mut s = telex();
    ctrl(&mut s, 't');
    assert_eq!(s.typing.mode, TypingMode::Vni);
    typing(&mut s, "d9u7o7ng2 ");
    assert_eq!(value(&s, Field::Title), "đường ");
    ctrl(&mut s, 't');
    assert_eq!(s.typing.mode, TypingMode::English);
    typing(&mut s, "as");
    assert_eq!(value(&s, Field::Title), "đường as");
}

#[test]
fn backspace_keeps_the_engine_in_step() {
    let mut s = telex();
    typing(&mut s, "vieet");
    key(&mut s, KeyCode::Backspace);
    typing(&mut s, "tj");
    assert_eq!(value(&s, Field::Title), "việt");
}

#[test]
fn the_publish_time_is_never_converted() {
    let mut s = telex();
    to(&mut s, Field::PublishAt);
    typing(&mut s, "2026-11-27 08:00");
    assert_eq!(value(&s, Field::PublishAt), "2026-11-27 08:00");
}

#[test]
fn the_status_line_names_the_mode_and_fits_80_columns() {
    for (presses, label) in [(0, "EN"), (1, "VI·Telex"), (2, "VI·VNI")] {
        let mut s = State::new(80, 24, true, vn());
        update(&mut s, Action::ArticleLoaded(article()));
        for _ in 0..presses {
            ctrl(&mut s, 't');
        }
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| view::draw(f, &s)).unwrap();
        let buf = term.backend().buffer();
        let row: String = (0..80).map(|x| buf[(x, 22)].symbol().to_string()).collect();
        assert!(row.contains(label), "{label} not in {row:?}");
    }
}

#[test]
fn the_find_field_takes_telex_too() {
    let mut s = telex();
    to(&mut s, Field::Body);
    typing(&mut s, "Ban Daan vaajn huyeejn ");
    assert_eq!(value(&s, Field::Body), "Ban Dân vận huyện ");
    ctrl(&mut s, 'f');
    typing(&mut s, "vaajn");
    assert_eq!(s.editor().unwrap().find.as_deref(), Some("vận"));
    assert_eq!(s.editor().unwrap().body.cursor(), (0, 8));
    // Backspace keeps the engine in step, as in the body.
    key(&mut s, KeyCode::Backspace);
    assert_eq!(s.editor().unwrap().find.as_deref(), Some("vậ"));
    // The body was left as typed: the query's keys never reached it.
    assert_eq!(value(&s, Field::Body), "Ban Dân vận huyện ");
}
