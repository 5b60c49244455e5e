//! The newsroom of the language tests (`tui_lang`, `tui_fit`) at 80×24: five articles, one in
//! each state, and the first of them open in the editor. `tui_screens` shares its rows.

use crossterm::event::KeyCode;
use newsdesk::domain::{Article, Status};
use newsdesk::i18n::Lang;
use newsdesk::store::ArticleSummary;
use newsdesk::tui::action::Action;
use newsdesk::tui::state::{Settings, State, TypingMode};
use newsdesk::tui::update::update;

use super::key;
use crate::support::clock::{at, vn};

pub const W: u16 = 80;
pub const H: u16 = 24;

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
