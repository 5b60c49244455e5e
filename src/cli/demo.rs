//! `newsdesk --demo`: a throwaway newsroom in a temp folder, filled from assets/sample.

use super::{CliMsg, CliResult, Context};
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

/// Removes the demo folder when the demo ends, however it ends (short of a signal).
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Fills the store behind `ctx` with the samples.
pub fn fill(ctx: &mut Context) -> CliResult<()> {
    let mut docs = Vec::new();
    for text in SAMPLES {
        docs.push(parse_document(text, ctx.tz)?);
    }
    let actor = ctx.actor();
    for result in ctx.store.import_many(&docs, false, &actor)? {
        result?;
    }
    Ok(())
}

pub fn run(prefs: &crate::config::Prefs) -> CliResult<()> {
    let dir = std::env::temp_dir().join(format!("newsdesk-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| CliMsg::DemoFolder {
        path: dir.display().to_string(),
        err: e.to_string(),
    })?;
    let guard = TempDir(dir);
    let mut ctx = Context::open(Some(&guard.0.join("demo.db")))?;
    ctx.lang = prefs.lang;
    fill(&mut ctx)?;
    crate::tui::run_with(ctx, crate::tui::Settings::from_prefs(prefs))
}
