//! Whole screens drawn on ratatui's `TestBackend`, as plain-text insta snapshots, at 80×24 and
//! 140×40. Every screen is reached through `update` the way a user reaches it, with a fixed
//! zone and fixed times so the snapshots are stable. Snapshots live in `tests/snapshots/`.

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newsdesk::domain::{Article, ArticleFields, RevisionInfo, RevisionKind, Status};
use newsdesk::i18n::Lang;
use newsdesk::store::ArticleSummary;
use newsdesk::tui::action::Action;
use newsdesk::tui::keymap::{self, Context};
use newsdesk::tui::state::{Pane, State};
use newsdesk::tui::update::update;
use newsdesk::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use support::clock::{at, vn};
use support::tui::newsroom::summary;
use support::tui::{buffer, buffer_to_string, ctrl, key, row_text, screen, typing};
use unicode_width::UnicodeWidthStr;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

fn demo_rows() -> Vec<ArticleSummary> {
    vec![
        summary(
            1,
            "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm",
            Status::Draft,
            "Thời sự",
        ),
        summary(
            2,
            "Đắk Glong: mùa cà phê mới trên cao nguyên",
            Status::Review,
            "Kinh tế",
        ),
        summary(3, "Người ưu tú của bản Tà Xùa", Status::Scheduled, "Xã hội"),
        summary(
            4,
            "“Dân vận khéo” ở xã vùng cao",
            Status::Published,
            "Chính trị",
        ),
        summary(5, "Lễ hội đền Hùng năm 2026", Status::Archived, "Văn hóa"),
        summary(6, "Tin nhanh", Status::Draft, "Thời sự"),
    ]
}

const BODY: &str = "Sáng 26/11, Huyện ủy Đắk Glong tổ chức hội nghị sơ kết công tác dân vận \
6 tháng đầu năm.\n\
\n\
## Kết quả nổi bật\n\
\n\
Các mô hình “Dân vận khéo” được nhân rộng ở **12 xã**, giúp người dân phát triển kinh tế.\n\
\n\
- Xây dựng 15 km đường giao thông nông thôn.\n\
- Hỗ trợ 120 hộ nghèo cải tạo vườn cà phê.";

fn demo_article() -> Article {
    Article {
        id: 1,
        slug: "hoi-nghi-so-ket-cong-tac-dan-van".into(),
        title: "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm".into(),
        lede: "Đẩy mạnh phong trào thi đua “Dân vận khéo” trên địa bàn huyện.".into(),
        body: BODY.into(),
        byline: "Nguyễn Thị Đào".into(),
        signed_by: "Ban Dân vận Huyện ủy".into(),
        section: "Thời sự".into(),
        tags: vec!["dân vận".into(), "Đắk Glong".into()],
        status: Status::Draft,
        publish_at: None,
        created_at: at(1, 0),
        created_by: "hoa".into(),
        updated_at: at(2, 0),
        updated_by: "hoa".into(),
        version: 3,
    }
}

fn loaded(s: &mut State, rows: Vec<ArticleSummary>, snippets: Vec<(i64, String)>) {
    let total = rows.len();
    update(
        s,
        Action::ListLoaded {
            window_start: 0,
            rows,
            total,
            snippets,
        },
    );
}

/// The demo list, colour on.
fn demo(w: u16, h: u16) -> State {
    demo_with(w, h, true)
}

fn demo_with(w: u16, h: u16, color: bool) -> State {
    let mut s = State::new(w, h, color, vn());
    loaded(&mut s, demo_rows(), Vec::new());
    s
}

/// The demo list with the first article open in the editor.
fn editing(w: u16, h: u16) -> State {
    editing_with(w, h, true)
}

fn editing_with(w: u16, h: u16, color: bool) -> State {
    let mut s = demo_with(w, h, color);
    key(&mut s, KeyCode::Enter);
    update(&mut s, Action::ArticleLoaded(demo_article()));
    s
}

fn snap(name: &str, s: &State) {
    let name = format!("{name}_{}x{}", s.width, s.height);
    insta::assert_snapshot!(name, screen(s));
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_newsroom() {
    for (w, h) in SIZES {
        let mut s = State::new(w, h, true, vn());
        loaded(&mut s, Vec::new(), Vec::new());
        let text = screen(&s);
        assert!(text.contains("No articles yet"), "{text}");
        assert!(text.contains("newsdesk import FOLDER"), "{text}");
        assert!(text.contains("a new one."), "hints wrap, not cut:\n{text}");
        snap("empty", &s);
    }
}

#[test]
fn demo_list() {
    for (w, h) in SIZES {
        let mut s = demo(w, h);
        key(&mut s, KeyCode::Down);
        let text = screen(&s);
        assert!(
            text.contains(" · 2/6 "),
            "the count shows in the title:\n{text}"
        );
        snap("list", &s);
    }
}

#[test]
fn editor_with_a_vietnamese_article() {
    for (w, h) in SIZES {
        let mut s = editing(w, h);
        // Into the body, so the cursor is there and the title shows as plain text.
        for _ in 0..7 {
            key(&mut s, KeyCode::Tab);
        }
        let text = screen(&s);
        assert!(text.contains("Đẩy mạnh phong trào"), "{text}");
        if w >= 120 {
            assert!(
                text.contains("Ban Dân vận Huyện ủy"),
                "the preview signs the article:\n{text}"
            );
        }
        snap("editor", &s);
    }
}

#[test]
fn preview_focused() {
    for (w, h) in SIZES {
        let mut s = editing(w, h);
        ctrl(&mut s, 'p');
        assert_eq!(s.focus, Pane::Preview);
        let text = screen(&s);
        assert!(text.contains("Ban Dân vận Huyện ủy"), "{text}");
        snap("preview", &s);
    }
}

#[test]
fn search_results() {
    for (w, h) in SIZES {
        let mut s = demo(w, h);
        key(&mut s, KeyCode::Char('/'));
        typing(&mut s, "dân vận");
        let rows: Vec<_> = demo_rows()
            .into_iter()
            .filter(|r| [1, 4].contains(&r.id))
            .collect();
        let snippets = vec![
            (1, "…công tác dân vận 6 tháng đầu năm…".to_string()),
            (4, "…mô hình “Dân vận khéo” được nhân rộng…".to_string()),
        ];
        loaded(&mut s, rows, snippets);
        let text = screen(&s);
        assert!(text.contains("Search: dân vận"), "{text}");
        snap("search", &s);
    }
}

#[test]
fn status_menu_dialog() {
    for (w, h) in SIZES {
        let mut s = editing(w, h);
        ctrl(&mut s, 'l');
        key(&mut s, KeyCode::Down);
        typing(&mut s, "2026-11-27 08:00");
        let text = screen(&s);
        assert!(text.contains("Schedule"), "{text}");
        snap("status_menu", &s);
    }
}

#[test]
fn conflict_dialog() {
    for (w, h) in SIZES {
        let mut s = editing(w, h);
        for _ in 0..7 {
            key(&mut s, KeyCode::Tab);
        }
        typing(&mut s, "Chiều ");
        let mut theirs = demo_article();
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
        let text = screen(&s);
        assert!(text.contains("lan saved this article at 10:05"), "{text}");
        snap("conflict", &s);
    }
}

#[test]
fn help_screen() {
    for (w, h) in SIZES {
        let mut s = demo(w, h);
        key(&mut s, KeyCode::Char('?'));
        let text = screen(&s);
        assert!(
            text.contains("↑↓ PgUp PgDn scroll · any other key closes"),
            "{text}"
        );
        snap("help", &s);
        // Page down to the end: every context's keys are there, the photo panel's included.
        let mut seen = text;
        loop {
            key(&mut s, KeyCode::PageDown);
            let page = screen(&s);
            if seen.ends_with(&page) {
                break;
            }
            seen.push_str(&page);
        }
        for ctx in Context::ALL {
            let name = newsdesk::tui::msg::text(Lang::En, &newsdesk::tui::msg::Msg::HelpGroup(ctx));
            assert!(
                seen.contains(name.as_ref()),
                "{w}x{h}: no {name} in\n{seen}"
            );
        }
        for b in keymap::BINDINGS {
            let help = b.help.text(Lang::En);
            let shown: String = help.chars().take(8).collect();
            assert!(seen.contains(&shown), "{w}x{h}: no {help:?} in\n{seen}");
        }
        assert!(seen.contains("attach file"), "{seen}");
        // Any other key closes it.
        key(&mut s, KeyCode::Char('x'));
        assert!(s.dialog.is_none());
    }
}

fn history() -> Vec<RevisionInfo> {
    let row = |rev: i64, kind, who: &str, m: u32, words| RevisionInfo {
        rev,
        kind,
        version: rev,
        status: Status::Draft,
        title: "Hội nghị sơ kết công tác dân vận".into(),
        saved_at: at(3, m),
        saved_by: who.into(),
        word_count: words,
    };
    vec![
        row(4, RevisionKind::Conflict, "nguyenlan", 40, 64),
        row(3, RevisionKind::Save, "lan", 30, 62),
        row(2, RevisionKind::Save, "hoa", 20, 40),
        row(1, RevisionKind::Save, "hoa", 10, 12),
    ]
}

#[test]
fn revisions_view_with_one_previewed() {
    for (w, h) in SIZES {
        let mut s = editing(w, h);
        ctrl(&mut s, 'v');
        update(
            &mut s,
            Action::HistoryLoaded {
                id: 1,
                revisions: history(),
            },
        );
        key(&mut s, KeyCode::Down);
        key(&mut s, KeyCode::Down);
        key(&mut s, KeyCode::Enter);
        update(
            &mut s,
            Action::RevisionLoaded {
                id: 1,
                rev: 2,
                fields: Box::new(ArticleFields {
                    title: "Hội nghị sơ kết".into(),
                    lede: "Bản nháp đầu.".into(),
                    body: "Sáng 26/11, Huyện ủy tổ chức hội nghị.\n\n## Kết quả\n\n- Một\n- Hai"
                        .into(),
                    ..Default::default()
                }),
            },
        );
        let text = screen(&s);
        assert!(text.contains("History · 4"), "{text}");
        assert!(text.contains("revision 2"), "{text}");
        assert!(
            text.contains("Bản nháp đầu."),
            "the revision is previewed:\n{text}"
        );
        assert!(
            text.contains("26/11 10:20"),
            "when, in the newsroom's zone:\n{text}"
        );
        if w >= 140 {
            assert!(text.contains("conflict"), "{text}");
        }
        assert!(text.contains("Enter preview r restore Esc close"), "{text}");
        snap("revisions", &s);
    }
}

#[test]
fn read_only_editor() {
    for (w, h) in SIZES {
        let mut s = editing(w, h);
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
        // One line at 80 columns; wrapped in the narrower editor of the three-pane layout.
        assert!(
            text.contains("Being edited by lan on laptop-lan since"),
            "{text}"
        );
        assert!(text.contains("10:42"), "{text}");
        assert!(text.contains("read-only"), "{text}");
        assert!(
            text.contains("^K take over"),
            "the footer offers it:\n{text}"
        );
        snap("read_only", &s);
    }
}

// ---------------------------------------------------------------------------------------------
// NO_COLOR and narrow screens
// ---------------------------------------------------------------------------------------------

fn assert_no_colour(buf: &Buffer, what: &str) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            assert!(
                c.fg == Color::Reset && c.bg == Color::Reset,
                "{what}: cell ({x}, {y}) {:?} has fg {:?} bg {:?}\n{}",
                c.symbol(),
                c.fg,
                c.bg,
                buffer_to_string(buf)
            );
        }
    }
}

/// The row of the buffer whose text contains `needle`.
fn row_with(buf: &Buffer, needle: &str) -> u16 {
    (0..buf.area.height)
        .find(|&y| row_text(buf, y).contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?}:\n{}", buffer_to_string(buf)))
}

#[test]
fn no_color_draws_with_modifiers_only() {
    for (w, h) in SIZES {
        // The list focused, the second row selected.
        let mut s = demo_with(w, h, false);
        key(&mut s, KeyCode::Down);
        let buf = buffer(&s);
        assert_no_colour(&buf, "list");
        let y = row_with(&buf, "Đắk Glong");
        // Every cell of the selected row inside the list pane's borders is reversed.
        let list_w = if w >= 140 { 52 } else { 32 };
        for x in 1..list_w - 1 {
            assert!(
                buf[(x, y)].modifier.contains(Modifier::REVERSED),
                "cell ({x}, {y}) of the selected row is not reversed"
            );
        }
        let other = row_with(&buf, "Người ưu tú");
        assert!(!buf[(5, other)].modifier.contains(Modifier::REVERSED));

        // And nothing else brings colour back: editor, preview, dialogs, errors.
        let mut s = editing_with(w, h, false);
        assert_no_colour(&buffer(&s), "editor");
        ctrl(&mut s, 'f');
        typing(&mut s, "dân vận");
        assert_no_colour(&buffer(&s), "find matches");
        key(&mut s, KeyCode::Esc);
        update(
            &mut s,
            Action::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT)),
        );
        assert_no_colour(&buffer(&s), "selection");
        ctrl(&mut s, 'p');
        assert_no_colour(&buffer(&s), "preview");
        ctrl(&mut s, 'l');
        assert_no_colour(&buffer(&s), "status menu");
        key(&mut s, KeyCode::Down);
        typing(&mut s, "mai");
        key(&mut s, KeyCode::Enter);
        assert!(s.message.as_ref().is_some_and(|m| m.error));
        assert_no_colour(&buffer(&s), "error message");
        key(&mut s, KeyCode::Esc);
        key(&mut s, KeyCode::F(1));
        assert_no_colour(&buffer(&s), "help");
    }
}

/// The footer must hold whole hints, in table order: "key help key help …".
fn assert_footer_whole_hints(footer: &str, ctx: Context) {
    let hints = keymap::hints(ctx, newsdesk::i18n::Lang::En);
    let mut expected = String::new();
    let mut shown = 0;
    for (k, help) in &hints {
        let next = format!("{expected}{k} {help} ");
        if next.width() > 80 {
            break;
        }
        expected = next;
        shown += 1;
    }
    assert!(shown >= 3, "{ctx:?}: only {shown} hints fit: {footer:?}");
    assert_eq!(footer, expected.trim_end(), "{ctx:?}");
}

#[test]
fn at_80_columns_footer_and_status_fit_and_the_title_shows() {
    let (w, h) = (80, 24);
    let long_error = "cannot save: the database file is locked by another newsdesk process on \
                      this machine; try again in a moment or ask the administrator";

    // The list.
    let mut s = demo(w, h);
    let buf = buffer(&s);
    assert_footer_whole_hints(&row_text(&buf, h - 1), Context::List);

    // The editor with a long error on the status line.
    s = editing(w, h);
    typing(&mut s, " mới");
    update(&mut s, Action::Failed(long_error.into()));
    let buf = buffer(&s);
    let status = row_text(&buf, h - 2);
    assert!(status.width() <= 80, "{status:?}");
    assert!(
        status.starts_with("draft · ") && status.contains(" · unsaved │ cannot save"),
        "{status:?}"
    );
    assert!(
        status.ends_with('…'),
        "a long message is cut visibly: {status:?}"
    );
    assert_footer_whole_hints(&row_text(&buf, h - 1), Context::Editor);

    // The title field, inside the editor pane. Focused, it scrolls to keep the cursor (at the
    // end, after what was typed) in view.
    let row = row_text(&buf, row_with(&buf, "Title"));
    assert!(row.contains("Title    "), "{row:?}");
    assert!(row.contains("tháng đầu năm mới"), "{row:?}");
    let x = row.chars().position(|c| c == 'T').unwrap();
    assert!(
        x >= 32,
        "the title field is in the editor pane, not the list"
    );
    // Not focused, it shows the start of the title, cut with "…" at the pane's edge.
    for _ in 0..7 {
        key(&mut s, KeyCode::Tab);
    }
    let buf = buffer(&s);
    let row = row_text(&buf, row_with(&buf, "Title"));
    assert!(
        row.contains("Title    Hội nghị sơ kết công tác dân vận 6"),
        "{row:?}"
    );

    // Search and preview footers fit too.
    let mut s = demo(w, h);
    key(&mut s, KeyCode::Char('/'));
    assert_footer_whole_hints(&row_text(&buffer(&s), h - 1), Context::Search);
    let mut s = editing(w, h);
    ctrl(&mut s, 'p');
    assert_footer_whole_hints(&row_text(&buffer(&s), h - 1), Context::Preview);
    ctrl(&mut s, 'p');
    ctrl(&mut s, 'f');
    assert_footer_whole_hints(&row_text(&buffer(&s), h - 1), Context::Find);
}

/// The terminal's own cursor stands where the next letter goes (input methods anchor their
/// candidate window there), and nowhere while the list has the keyboard.
#[test]
fn the_terminal_cursor_follows_the_text_cursor() {
    use ratatui::backend::Backend;
    let mut s = editing(140, 40);
    // Into the body, then type a word.
    for _ in 0..7 {
        key(&mut s, KeyCode::Tab);
    }
    typing(&mut s, "Xin");
    let mut term = Terminal::new(TestBackend::new(140, 40)).unwrap();
    term.draw(|f| view::draw(f, &s)).unwrap();
    let pos = term.backend_mut().get_cursor_position().unwrap();
    let buf = term.backend().buffer().clone();
    let row = row_text(&buf, pos.y);
    let before: String = row.chars().skip(pos.x as usize - 3).take(3).collect();
    assert_eq!(
        before, "Xin",
        "the cursor stands right after what was typed: {row:?}"
    );
    term.backend_mut().assert_cursor_position(pos);

    let mut s = demo(140, 40);
    key(&mut s, KeyCode::Down);
    let mut term = Terminal::new(TestBackend::new(140, 40)).unwrap();
    let frame = term.draw(|f| view::draw(f, &s)).unwrap();
    let _ = frame;
    assert!(
        !term.backend().cursor_visible(),
        "no text cursor while the list has the keyboard"
    );
}

#[test]
fn the_leader_key_lists_the_less_frequent_commands_from_the_table() {
    for (w, h) in SIZES {
        let mut s = editing(w, h);
        ctrl(&mut s, 'd');
        let text = screen(&s);
        for b in keymap::BINDINGS
            .iter()
            .filter(|b| b.context == Context::Leader)
        {
            let line = format!("{:<4} {}", b.key.label(), b.help.text(Lang::En));
            assert!(text.contains(&line), "{w}x{h}: no {line:?} in\n{text}");
        }
        snap("leader", &s);
        // Esc closes it and does nothing else.
        key(&mut s, KeyCode::Esc);
        assert!(s.dialog.is_none());
        assert!(s.editor().is_some());
    }
}
