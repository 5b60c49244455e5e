//! `newsdesk --demo`: a throwaway newsroom in a temp folder, filled from assets/sample.

use std::path::PathBuf;

use super::error::{AppError, AppResult};
use super::session::Session;
use crate::domain::frontmatter::parse_document;

/// The sample articles, compiled in so the demo works from any folder.
const SAMPLES: &[&str] = &[
    include_str!("../../assets/sample/01-tham-dinh-danh-gia-mo-hinh-dan-van-kheo-nam-2023.md"),
    include_str!("../../assets/sample/02-thu-ngan-sach-10-thang-nam-2026.md"),
    include_str!("../../assets/sample/03-hoat-dong-mung-dang-mung-xuan-dinh-mui-2027.md"),
    include_str!("../../assets/sample/04-huong-dan-thuc-hien-thu-tuc-hanh-chinh-truc-tuyen.md"),
    include_str!("../../assets/sample/05-bi-thu-huyen-uy-doi-thoai-voi-nong-dan.md"),
    include_str!("../../assets/sample/06-lich-tiep-cong-dan-dinh-ky-thang-10-2026.md"),
    include_str!("../../assets/sample/07-one-stop-public-service-centre-opens.md"),
    include_str!("../../assets/sample/08-pomelo-growers-eye-export-markets.md"),
];

/// The demo folder, removed when the demo ends, however it ends (short of a signal).
pub struct DemoFolder(PathBuf);

impl Drop for DemoFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Fills the store behind `session` with the samples.
pub fn fill(session: &mut Session) -> AppResult<()> {
    let mut docs = Vec::new();
    for text in SAMPLES {
        docs.push(parse_document(text, session.tz)?);
    }
    let actor = session.actor();
    for result in session.store.import_many(&docs, false, &actor)? {
        result?;
    }
    Ok(())
}

/// A new demo newsroom; keep the folder as long as the session.
pub fn open() -> AppResult<(Session, DemoFolder)> {
    let dir = std::env::temp_dir().join(format!("newsdesk-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| AppError::DemoFolder {
        path: dir.clone(),
        err: e.to_string(),
    })?;
    let guard = DemoFolder(dir);
    let mut session = Session::open(Some(&guard.0.join("demo.db")))?;
    fill(&mut session)?;
    Ok((session, guard))
}
