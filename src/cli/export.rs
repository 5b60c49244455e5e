//! `newsdesk export`: publish what is due, build the static site, switch it in, optionally sync.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;

use super::output::{error, say};
use super::{CliError, CliResult, Context, Outcome};
use crate::domain::{Actor, Article, Status};
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

impl From<SiteError> for CliError {
    fn from(e: SiteError) -> Self {
        CliError(e.to_string())
    }
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
    let report = store.read_snapshot(|s| {
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
    Ok(Exported {
        published,
        report,
        settings,
    })
}

fn summary(r: &Report, secs: f64) -> String {
    let live = r.live.display();
    match &r.build {
        Some(build) => format!(
            "exported {} files to {live} ({}): {} written, {} unchanged, {} removed in {secs:.2} s",
            r.pages,
            build.display(),
            r.written,
            r.unchanged,
            r.removed
        ),
        None => format!(
            "nothing changed: {live} is up to date ({} files unchanged, {secs:.2} s)",
            r.unchanged
        ),
    }
}

pub fn run(ctx: &mut Context, a: ExportArgs) -> CliResult<Outcome> {
    if a.rollback {
        let settings = settings(&ctx.store, None)?;
        let out = out_dir(a.out.as_deref(), &settings)?;
        let now = site::rollback(&out)?;
        say(&format!(
            "{} now shows the earlier build {}",
            out.display(),
            now.display()
        ));
        return Ok(Outcome::Ok);
    }
    if a.sync && settings(&ctx.store, None)?.sync_command.is_none() {
        return Err(CliError(
            "no sync command: set one with `newsdesk site set sync_command 'rsync -a --delete {out}/ www@host:/var/www/site/'`".into(),
        ));
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
        say(&format!(
            "published on schedule: “{}” ({})",
            p.title, p.slug
        ));
    }
    say(&summary(&done.report, started.elapsed().as_secs_f64()));
    if done.report.renditions > 0 {
        say(&format!(
            "photos: {} renditions made",
            done.report.renditions
        ));
    }
    if a.sync
        && let Some(cmd) = &done.settings.sync_command
    {
        let live = &done.report.live;
        say(&format!("sync: {}", site::sync::command_line(cmd, live)));
        match site::sync::run(cmd, live)? {
            Some(0) => say("sync finished (exit code 0)"),
            code => {
                let code = code.map_or("ended by a signal".to_string(), |c| {
                    format!("exit code {c}")
                });
                error(&format!(
                    "newsdesk: the sync command failed ({code}); the export is in place at {}: fix the command (`newsdesk site get sync_command`) and run `newsdesk export --sync` again",
                    live.display()
                ));
                return Ok(Outcome::Partial);
            }
        }
    }
    Ok(Outcome::Ok)
}
