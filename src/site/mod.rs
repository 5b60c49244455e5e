//! Static site export: plan (what is published, in a total order) → render (pure: page →
//! bytes) → publish (a new build folder, switched in atomically). Never touches the terminal
//! and never reads the database: articles come in as values, bodies through `fetch`.

mod balance;
mod build;
mod error;
pub mod feed;
pub mod figure;
mod fingerprint;
mod guard;
pub mod i18n;
pub mod markdown;
pub mod media;
pub mod plan;
mod progress;
pub mod publish;
pub mod render;
mod sanitise;
pub mod settings;
pub mod shortcut;
pub mod sync;
pub mod templates;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

pub use error::{
    DateField, IoAction, PageArticle, PageProblem, RefProblem, Result, SiteError, ValueProblem,
};
pub use progress::{OnProgress, Phase, Progress};
pub use settings::{Language, Settings};
pub use templates::Templates;

use crate::domain::Article;
use fingerprint::Fp;
use plan::{Kind, Plan};
use publish::Output;

/// Bumped whenever rendering changes in a way fingerprints cannot see.
const RENDER_VERSION: u32 = 1;
/// Article bodies fetched at a time: memory stays flat however large the site.
const CHUNK: usize = 256;

/// Article bodies by id, from wherever the articles live (the store, in newsdesk).
pub type FetchBodies<'f> =
    dyn FnMut(&[i64]) -> std::result::Result<Vec<(i64, String)>, String> + 'f;

/// What an export did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pages: usize,
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
    /// The live path (a link to the build).
    pub live: PathBuf,
    /// The build folder made live, or `None` when nothing changed.
    pub build: Option<PathBuf>,
    /// Photo renditions encoded for this export (those already in the cache are reused).
    pub renditions: usize,
}

/// Fingerprint of what every page shows.
fn global_fp(settings: &Settings, templates: &Templates, plan: &Plan) -> u64 {
    let mut h = Fp::new();
    let mut shown = settings.clone();
    shown.export_dir = None;
    shown.sync_command = None;
    shown.templates_dir = None;
    (
        RENDER_VERSION,
        env!("CARGO_PKG_VERSION"),
        shown,
        templates,
        templates::STYLE,
    )
        .hash(&mut h);
    for s in &plan.sections {
        (&s.slug, &s.name).hash(&mut h);
    }
    h.finish()
}

/// Exports the published articles among `articles` (headers: bodies may be empty) to `out`.
pub fn export(
    settings: &Settings,
    templates: &Templates,
    articles: Vec<Article>,
    out: &Path,
    fetch: &mut FetchBodies<'_>,
) -> Result<Report> {
    export_with_progress(settings, templates, articles, out, fetch, &mut |_| {})
}

/// `export`, telling `progress` of each chunk of pages placed and of the switch.
pub fn export_with_progress(
    settings: &Settings,
    templates: &Templates,
    articles: Vec<Article>,
    out: &Path,
    fetch: &mut FetchBodies<'_>,
    progress: &mut OnProgress<'_>,
) -> Result<Report> {
    let media = media::Media::default();
    export_with_media(settings, templates, articles, media, out, fetch, progress)
}

/// `export_with_progress` for articles with photos: their renditions are made (once, into the
/// library's cache) and linked into the build.
pub fn export_with_media(
    settings: &Settings,
    templates: &Templates,
    articles: Vec<Article>,
    media: media::Media<'_>,
    out: &Path,
    fetch: &mut FetchBodies<'_>,
    progress: &mut OnProgress<'_>,
) -> Result<Report> {
    let no_section = i18n::chrome(settings.language).no_section;
    let mut plan = Plan::new(articles, settings.per_page, no_section);
    plan.attach_media(media.by_article);
    plan.check_inline()?;
    // Templates are checked before the output is touched.
    let renderer = render::Renderer::new(templates, settings, &plan)?;
    let pages = plan.pages(global_fp(settings, templates, &plan));
    let output = Output::open(out)?;
    let mut report = Report {
        pages: pages.len(),
        live: output.live().to_path_buf(),
        ..Report::default()
    };
    let total = pages.len();
    progress(Progress::new(Phase::Rendering, 0, total));
    if output.unchanged(&pages) {
        report.unchanged = pages.len();
        progress(Progress::new(Phase::Rendering, total, total));
        return Ok(report);
    }
    report.renditions = media::prepare(&plan, &pages, &output, media.library)?;
    let mut build = output.start()?;
    let mut done = 0;
    let chunks: Vec<&[plan::Page]> = pages.chunks(CHUNK).collect();
    let mut bodies = fetch_bodies(
        fetch,
        &plan,
        &changed(&output, chunks.first().copied().unwrap_or(&[])),
    )?;
    for (k, chunk) in chunks.iter().enumerate() {
        let same: Vec<&plan::Page> = chunk.iter().filter(|p| output.reusable(p)).collect();
        let linked = par_map(&plan, &same, |p| build.relink(p));
        let mut todo = changed(&output, chunk);
        let mut missing = Vec::new();
        for (page, linked) in same.iter().zip(linked) {
            if linked? {
                build.placed(page, false);
            } else {
                missing.push(*page);
            }
        }
        // Unchanged pages whose file vanished from the live build are rendered again.
        bodies.extend(fetch_bodies(fetch, &plan, &missing)?);
        todo.extend(missing);
        // The next chunk's bodies are read while this chunk renders: reading is serial (one
        // connection), rendering is not.
        let (results, next) = std::thread::scope(|s| {
            let rendering = s.spawn(|| {
                par_map(&plan, &todo, |page| {
                    let body = match page.kind {
                        Kind::Article(i) => bodies.get(&plan.entry(i).id).map(String::as_str),
                        Kind::Media(i, k) => {
                            return media::place(&build, &plan, page, (i, k), media.library);
                        }
                        _ => None,
                    };
                    build.place(page, &renderer.render(page, body)?)
                })
            });
            let next = chunks
                .get(k + 1)
                .map(|c| fetch_bodies(fetch, &plan, &changed(&output, c)));
            // `par_map` catches a page's panic; this is for one outside any page.
            let results = rendering
                .join()
                .unwrap_or_else(|_| vec![Err(SiteError::Read("an export thread panicked".into()))]);
            (results, next)
        });
        for (page, written) in todo.iter().zip(results) {
            build.placed(page, written?);
        }
        bodies = next.transpose()?.unwrap_or_default();
        done += chunk.len();
        progress(Progress::new(Phase::Rendering, done, total));
    }
    progress(Progress::new(Phase::Switching, total, total));
    let counts = build.finish()?;
    report.written = counts.written;
    report.unchanged = counts.unchanged;
    report.removed = counts.removed;
    report.build = counts.build;
    Ok(report)
}

/// The pages of `chunk` the live build does not have as they are now.
fn changed<'p>(output: &Output, chunk: &'p [plan::Page]) -> Vec<&'p plan::Page> {
    chunk.iter().filter(|p| !output.reusable(p)).collect()
}

/// The bodies of the articles among `pages`, by id.
fn fetch_bodies(
    fetch: &mut FetchBodies<'_>,
    plan: &Plan,
    pages: &[&plan::Page],
) -> Result<HashMap<i64, String>> {
    let ids: Vec<i64> = pages
        .iter()
        .filter_map(|p| match p.kind {
            Kind::Article(i) => Some(plan.entry(i).id),
            _ => None,
        })
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(fetch(&ids).map_err(SiteError::Read)?.into_iter().collect())
}

/// `f` over `pages` on several threads, results in order. Rendering is pure and each page is
/// a file of its own, so pages are independent; making files and folders waits on the file
/// system more than on the CPU, so there are more threads than cores. A page whose `f`
/// panics gets an error naming it and its article (`guard::caught`).
fn par_map<R: Send>(
    plan: &Plan,
    pages: &[&plan::Page],
    f: impl Fn(&plan::Page) -> Result<R> + Sync,
) -> Vec<Result<R>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) * 4;
    let f = |page: &&plan::Page| guard::caught(plan, page, || f(page));
    let items = pages;
    if items.len() < 8 {
        return items.iter().map(f).collect();
    }
    let part = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(part)
            .map(|c| {
                (
                    c.len(),
                    s.spawn(move || c.iter().map(f).collect::<Vec<_>>()),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(n, h)| {
                h.join().unwrap_or_else(|_| {
                    (0..n)
                        .map(|_| Err(SiteError::Read("an export thread panicked".into())))
                        .collect()
                })
            })
            .collect()
    })
}

/// Switches the export path back to the build before the live one.
pub fn rollback(out: &Path) -> Result<PathBuf> {
    Output::open(out)?.rollback()
}
