//! Helpers for the language tests (`tui_lang`, `tui_fit`): a newsroom list, an article, keys,
//! and the screen drawn on a `TestBackend`.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use newsdesk::domain::{Article, Status};
use newsdesk::i18n::Lang;
use newsdesk::store::ArticleSummary;
use newsdesk::tui::action::Action;
use newsdesk::tui::state::{Settings, State, TypingMode};
use newsdesk::tui::update::update;
use newsdesk::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

pub const W: u16 = 80;
pub const H: u16 = 24;

pub fn vn() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap()
}

pub fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap()
}

pub fn summary(id: i64, title: &str, status: Status, section: &str) -> ArticleSummary {
    ArticleSummary {
        id,
        slug: format!("bai-{id}"),
        title: title.into(),
        status,
        section: section.into(),
        tags: Vec::new(),
        byline: "Nguyễn Thị Đào".into(),
        publish_at: matches!(status, Status::Published | Status::Scheduled)
            .then(|| at(1, 0) + chrono::Duration::days(id - 3)),
        updated_at: at(2, 0) - chrono::Duration::days(id),
        updated_by: "hoa".into(),
        word_count: 420,
    }
}

pub fn rows() -> Vec<ArticleSummary> {
    vec![
        summary(
            1,
            "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm",
            Status::Draft,
            "Thời sự",
        ),
        summary(2, "Đắk Glong: mùa cà phê mới", Status::Review, "Kinh tế"),
        summary(3, "Người ưu tú của bản Tà Xùa", Status::Scheduled, "Xã hội"),
        summary(
            4,
            "“Dân vận khéo” ở xã vùng cao",
            Status::Published,
            "Chính trị",
        ),
        summary(5, "Lễ hội đền Hùng năm 2026", Status::Archived, "Văn hóa"),
    ]
}

pub const BODY: &str = "Sáng 26/11, Huyện ủy Đắk Glong tổ chức hội nghị sơ kết công tác dân vận \
6 tháng đầu năm.\n\n## Kết quả nổi bật\n\nCác mô hình “Dân vận khéo” được nhân rộng ở **12 xã**.\n\n\
- Xây dựng 15 km đường giao thông nông thôn.";

pub fn article() -> Article {
    Article {
        id: 1,
        slug: "hoi-nghi-so-ket".into(),
        title: "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm".into(),
        lede: "Đẩy mạnh phong trào thi đua “Dân vận khéo”.".into(),
        body: BODY.into(),
        byline: "Nguyễn Thị Đào".into(),
        signed_by: "Ban Dân vận Huyện ủy".into(),
        section: "Thời sự".into(),
        tags: vec!["dân vận".into()],
        status: Status::Draft,
        publish_at: None,
        created_at: at(1, 0),
        created_by: "hoa".into(),
        updated_at: at(2, 0),
        updated_by: "hoa".into(),
        version: 3,
    }
}

pub fn key(s: &mut State, code: KeyCode) {
    update(s, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn ctrl(s: &mut State, c: char) {
    update(
        s,
        Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

pub fn state(lang: Lang, list: Vec<ArticleSummary>) -> State {
    let settings = Settings {
        lang,
        typing: TypingMode::Telex,
        ..Settings::default()
    };
    let mut s = State::new(W, H, true, vn()).with_settings(settings);
    let total = list.len();
    update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: list,
            total,
            snippets: Vec::new(),
        },
    );
    s
}

pub fn editing(lang: Lang) -> State {
    let mut s = state(lang, rows());
    key(&mut s, KeyCode::Enter);
    update(&mut s, Action::ArticleLoaded(article()));
    s
}

pub fn buffer(s: &State) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    terminal.draw(|f| view::draw(f, s)).unwrap();
    terminal.backend().buffer().clone()
}

pub fn row_text(buf: &Buffer, y: u16) -> String {
    let mut line = String::new();
    let mut hidden = 0usize;
    for x in buf.area.left()..buf.area.right() {
        if hidden > 0 {
            hidden -= 1;
            continue;
        }
        let symbol = buf[(x, y)].symbol();
        hidden = symbol.width().saturating_sub(1);
        line.push_str(symbol);
    }
    line.trim_end().to_string()
}

pub fn screen(s: &State) -> String {
    let buf = buffer(s);
    (0..buf.area.height)
        .map(|y| row_text(&buf, y) + "\n")
        .collect()
}
