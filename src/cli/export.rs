//! `newsdesk export`: publish what is due, build the static site, switch it in, optionally sync.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use super::output::{complain, tell};
use super::{CliMsg, CliResult, Context, Outcome};
use crate::domain::{Actor, Article, Status};
use crate::i18n::Lang;
use crate::site::{self, OnProgress, Phase, Progress, Report, Settings, SiteError, Templates};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The export folder (default: the export_dir setting); it becomes a link to the live build
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The public address for this export (default: the base_url setting)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// After a successful export, run the site's sync_command
    #[arg(long)]
    pub sync: bool,
    /// Switch the export folder back to the build before the live one (builds nothing)
    #[arg(long, conflicts_with = "base_url")]
    pub rollback: bool,
}

/// What an export did: the articles it published on schedule, and the build report.
#[derive(Debug)]
pub struct Exported {
    pub published: Vec<Article>,
    pub report: Report,
    pub settings: Settings,
}

/// The stored settings with this export's overrides applied.
pub fn settings(store: &Store, base_url: Option<&str>) -> CliResult<Settings> {
    let mut stored = store.settings()?;
    if let Some(url) = base_url {
        stored.insert(
            "base_url".into(),
            site::settings::validate("base_url", url)?,
        );
    }
    Ok(Settings::from_map(&stored)?)
}

/// Where the export goes: `--out`, else the export_dir setting.
pub fn out_dir(out: Option<&Path>, settings: &Settings) -> CliResult<PathBuf> {
    out.map(Path::to_path_buf)
        .or_else(|| settings.export_dir.as_ref().map(PathBuf::from))
        .ok_or_else(|| SiteError::NoOutDir.into())
}

/// Publishes scheduled articles whose time has come (each move is a save in their history),
/// then exports the site. The clock and the user come from `actor`.
pub fn export_site(
    store: &mut Store,
    out: Option<&Path>,
    base_url: Option<&str>,
    actor: &Actor,
) -> CliResult<Exported> {
    export_site_with_progress(store, out, base_url, actor, &mut |_| {})
}

/// `export_site`, telling `progress` how far it has got (the terminal app's progress bar).
pub fn export_site_with_progress(
    store: &mut Store,
    out: Option<&Path>,
    base_url: Option<&str>,
    actor: &Actor,
    progress: &mut OnProgress<'_>,
) -> CliResult<Exported> {
    let settings = settings(store, base_url)?;
    let out = out_dir(out, &settings)?;
    let dir = settings.templates_dir.as_deref().map(Path::new);
    let templates = Templates::with_overrides(dir)?;
    let mut published = Vec::new();
    let due = store.due_scheduled(actor.now)?;
    progress(Progress::new(Phase::Publishing, 0, due.len()));
    for (i, article) in due.iter().enumerate() {
        published.push(store.set_status(article.id, Status::Published, None, actor)?);
        progress(Progress::new(Phase::Publishing, i + 1, due.len()));
    }
    // Photos live beside the database; their renditions are cached there too.
    let library = store.path().map(crate::media::Library::beside);
    let mut key = 0;
    let report = store.read_snapshot(|s| {
        // Read in the same snapshot as the articles, so the key never claims newer content.
        key = site::shortcut::state_key(&settings, &templates, s.change_counter()?);
        if let Some((live_key, pages)) = site::shortcut::live_state(&out)
            && live_key == key
        {
            progress(Progress::new(Phase::Rendering, 0, pages));
            progress(Progress::new(Phase::Rendering, pages, pages));
            return Ok(Ok(Report {
                pages,
                unchanged: pages,
                live: out.clone(),
                ..Report::default()
            }));
        }
        let headers = s.published_headers()?;
        let media = site::media::Media {
            by_article: s.published_media()?,
            library: library.as_ref(),
        };
        let mut fetch = |ids: &[i64]| s.published_bodies(ids).map_err(|e| e.to_string());
        Ok(site::export_with_media(
            &settings, &templates, headers, media, &out, &mut fetch, progress,
        ))
    })??;
    site::shortcut::record_state(&out, key, report.pages);
    Ok(Exported {
        published,
        report,
        settings,
    })
}

fn summary(r: &Report, secs: f64) -> CliMsg {
    let live = r.live.display().to_string();
    match &r.build {
        Some(build) => CliMsg::Exported {
            files: r.pages as u64,
            live,
            build: build.display().to_string(),
            written: r.written as u64,
            unchanged: r.unchanged as u64,
            removed: r.removed as u64,
            secs,
        },
        None => CliMsg::NothingChanged {
            live,
            unchanged: r.unchanged as u64,
            secs,
        },
    }
}

pub fn run(ctx: &mut Context, a: ExportArgs) -> CliResult<Outcome> {
    let lang: Lang = ctx.lang;
    if a.rollback {
        let settings = settings(&ctx.store, None)?;
        let out = out_dir(a.out.as_deref(), &settings)?;
        let now = site::rollback(&out)?;
        tell(
            lang,
            CliMsg::RolledBack {
                out: out.display().to_string(),
                build: now.display().to_string(),
            },
        );
        return Ok(Outcome::Ok);
    }
    if a.sync && settings(&ctx.store, None)?.sync_command.is_none() {
        return Err(CliMsg::NoSyncCommand.into());
    }
    let started = Instant::now();
    let actor = ctx.actor();
    let done = export_site(
        &mut ctx.store,
        a.out.as_deref(),
        a.base_url.as_deref(),
        &actor,
    )?;
    for p in &done.published {
        tell(
            lang,
            CliMsg::PublishedOnSchedule {
                title: p.title.clone(),
                slug: p.slug.clone(),
            },
        );
    }
    tell(lang, summary(&done.report, started.elapsed().as_secs_f64()));
    if done.report.renditions > 0 {
        tell(lang, CliMsg::Renditions(done.report.renditions as u64));
    }
    if a.sync
        && let Some(cmd) = &done.settings.sync_command
    {
        let live = &done.report.live;
        tell(
            lang,
            CliMsg::SyncRunning(site::sync::command_line(cmd, live)),
        );
        match site::sync::run(cmd, live)? {
            Some(0) => tell(lang, CliMsg::SyncFinished),
            code => {
                complain(
                    lang,
                    CliMsg::SyncFailed {
                        code,
                        live: live.display().to_string(),
                    },
                );
                return Ok(Outcome::Partial);
            }
        }
    }
    Ok(Outcome::Ok)
}
