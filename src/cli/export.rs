//! `newsdesk export`: publish what is due, build the static site, switch it in, optionally sync.

use std::path::PathBuf;
use std::time::Instant;

use clap::Args;

use super::output::{complain, tell};
use super::{CliResult, Context, ExportMsg, Outcome};
pub use crate::app::export::{Exported, NotRecorded, export_site, out_dir, settings};
use crate::i18n::Lang;
use crate::site::sync::Ended;
use crate::site::{self, Report};

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

fn summary(r: &Report, secs: f64) -> ExportMsg {
    let live = r.live.display().to_string();
    match &r.build {
        Some(build) => ExportMsg::Exported {
            files: r.pages as u64,
            live,
            build: build.display().to_string(),
            written: r.written as u64,
            unchanged: r.unchanged as u64,
            removed: r.removed as u64,
            secs,
        },
        None => ExportMsg::NothingChanged {
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
        let r = site::publish::rollback(&out)?;
        // When the build was made, in the site's time zone (the one its pages show).
        let made = r.made.map(|t| {
            chrono::DateTime::<chrono::Utc>::from(t)
                .with_timezone(&settings.timezone)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        });
        tell(
            lang,
            ExportMsg::RolledBack {
                out: out.display().to_string(),
                number: r.number,
                path: r.path.display().to_string(),
                made,
                forward: r.forward(),
            },
        );
        return Ok(Outcome::Ok);
    }
    if a.sync && settings(&ctx.store, None)?.sync_command.is_none() {
        return Err(ExportMsg::NoSyncCommand.into());
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
            ExportMsg::PublishedOnSchedule {
                title: p.title.clone(),
                slug: p.slug.clone(),
            },
        );
    }
    for (a, why) in &done.unrecorded {
        let (title, slug) = (a.title.clone(), a.slug.clone());
        complain(
            lang,
            match why {
                NotRecorded::Changed => ExportMsg::ChangedWhileExported { title, slug },
                NotRecorded::Failed(e) => ExportMsg::NotMarkedPublished {
                    title,
                    slug,
                    err: super::describe_store(e, lang),
                },
            },
        );
    }
    tell(lang, summary(&done.report, started.elapsed().as_secs_f64()));
    if done.report.renditions > 0 {
        tell(lang, ExportMsg::Renditions(done.report.renditions as u64));
    }
    if a.sync
        && let Some(cmd) = &done.settings.sync_command
    {
        let live = &done.report.live;
        let timeout = site::settings::sync_timeout(&ctx.store.settings()?)?;
        tell(
            lang,
            ExportMsg::SyncRunning(site::sync::command_line(cmd, live)),
        );
        let failed = match site::sync::run(cmd, live, timeout)? {
            Ended::Exited(Some(0)) => {
                tell(lang, ExportMsg::SyncFinished);
                return Ok(Outcome::Ok);
            }
            Ended::Exited(code) => ExportMsg::SyncFailed {
                code,
                live: live.display().to_string(),
            },
            Ended::TimedOut => ExportMsg::SyncTimedOut {
                limit: site::settings::format_duration(timeout),
                live: live.display().to_string(),
            },
        };
        complain(lang, failed);
        return Ok(Outcome::Partial);
    }
    Ok(Outcome::Ok)
}
