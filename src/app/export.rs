//! Export: publish what is due in the same step that switches the new site in, then (on
//! request) the sync. No terminal, no printing: progress goes to a callback, results and
//! errors come back as data.

use std::path::{Path, PathBuf};

use super::error::AppResult;
use crate::domain::{Actor, Article, Status};
use crate::site::{self, OnProgress, Phase, Progress, Report, Settings, SiteError, Templates};
use crate::store::Store;

/// What an export did: the articles it published on schedule, and the build report.
#[derive(Debug)]
pub struct Exported {
    pub published: Vec<Article>,
    /// Due articles the new site shows as published but the store could not be told of (the
    /// next export tells it).
    pub unrecorded: Vec<(Article, NotRecorded)>,
    pub report: Report,
    pub settings: Settings,
}

/// Why a due article on the new site was not marked published in the store.
#[derive(Debug)]
pub enum NotRecorded {
    /// Someone changed it while the site was built.
    Changed,
    Failed(crate::store::StoreError),
}

/// The stored settings with this export's overrides applied.
pub fn settings(store: &Store, base_url: Option<&str>) -> AppResult<Settings> {
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
pub fn out_dir(out: Option<&Path>, settings: &Settings) -> AppResult<PathBuf> {
    out.map(Path::to_path_buf)
        .or_else(|| settings.export_dir.as_ref().map(PathBuf::from))
        .ok_or_else(|| SiteError::NoOutDir.into())
}

/// Exports the site with the scheduled articles whose time has come shown as published, and
/// once the new site is live records each move in the store (a save in its history). A build
/// that fails publishes nothing: the articles stay scheduled. The clock and the user come
/// from `actor`.
pub fn export_site(
    store: &mut Store,
    out: Option<&Path>,
    base_url: Option<&str>,
    actor: &Actor,
) -> AppResult<Exported> {
    export_site_with_progress(store, out, base_url, actor, &mut |_| {})
}

/// A due article as the store will hold it once published by `actor` (`Store::set_status`
/// keeps a publish time already reached): what the site shows is what the store then says.
fn as_published(a: &Article, actor: &Actor) -> Article {
    let mut p = a.clone();
    p.status = Status::Published;
    p.publish_at = Some(
        a.publish_at
            .filter(|t| *t <= actor.now)
            .unwrap_or(actor.now),
    );
    p.updated_at = actor.now;
    p.updated_by = actor.user.clone();
    p.version += 1;
    p
}

/// Marks a due article published, unless it changed since the build read it.
fn record_published(store: &mut Store, a: &Article, actor: &Actor) -> Result<Article, NotRecorded> {
    let now = store.get(a.id).map_err(NotRecorded::Failed)?;
    if now.status != Status::Scheduled || now.version != a.version {
        return Err(NotRecorded::Changed);
    }
    store
        .set_status(a.id, Status::Published, None, actor)
        .map_err(NotRecorded::Failed)
}

/// `export_site`, telling `progress` how far it has got (the terminal app's progress bar).
pub fn export_site_with_progress(
    store: &mut Store,
    out: Option<&Path>,
    base_url: Option<&str>,
    actor: &Actor,
    progress: &mut OnProgress<'_>,
) -> AppResult<Exported> {
    let settings = settings(store, base_url)?;
    let out = out_dir(out, &settings)?;
    let dir = settings.templates_dir.as_deref().map(Path::new);
    let templates = Templates::with_overrides(dir)?;
    // Photos live beside the database; their renditions are cached there too.
    let library = store.path().map(crate::media::Library::beside);
    let mut key = 0;
    let mut due = Vec::new();
    let report = store.read_snapshot(|s| {
        due = s.due_scheduled(actor.now)?;
        progress(Progress::new(Phase::Publishing, 0, due.len()));
        // Read in the same snapshot as the articles, so the key never claims newer content.
        key = site::shortcut::state_key(&settings, &templates, s.change_counter()?);
        // Due articles change the site without changing the counter.
        if due.is_empty()
            && let Some((live_key, pages)) = site::shortcut::live_state(&out)
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
        let mut headers = s.published_headers()?;
        headers.extend(due.iter().map(|a| as_published(a, actor)));
        let mut by_article = s.published_media()?;
        for a in &due {
            let m = s.article_media(a.id)?;
            if !m.is_empty() {
                by_article.insert(a.id, m);
            }
        }
        let media = site::media::Media {
            by_article,
            library: library.as_ref(),
        };
        let due_ids: Vec<i64> = due.iter().map(|a| a.id).collect();
        let mut fetch = |ids: &[i64]| {
            let mut bodies = s.published_bodies(ids).map_err(|e| e.to_string())?;
            for id in ids.iter().filter(|id| due_ids.contains(id)) {
                bodies.push((*id, s.get(*id).map_err(|e| e.to_string())?.body));
            }
            Ok(bodies)
        };
        Ok(site::export_with_media(
            &settings, &templates, headers, media, &out, &mut fetch, progress,
        ))
    })??;
    // The new site is live: now the store says what it shows.
    let (mut published, mut unrecorded) = (Vec::new(), Vec::new());
    for (i, a) in due.iter().enumerate() {
        match record_published(store, a, actor) {
            Ok(p) => published.push(p),
            Err(why) => unrecorded.push((a.clone(), why)),
        }
        progress(Progress::new(Phase::Publishing, i + 1, due.len()));
    }
    if due.is_empty() {
        site::shortcut::record_state(&out, key, report.pages);
    }
    Ok(Exported {
        published,
        unrecorded,
        report,
        settings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ArticleFields;
    use chrono::{TimeZone, Utc};

    /// A due article saved by someone while the site was built is not marked published on
    /// the strength of the older copy the build rendered.
    #[test]
    fn a_due_article_changed_during_the_export_is_not_marked_published() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("n.db")).unwrap();
        let t = |h| Utc.with_ymd_and_hms(2026, 11, 26, h, 0, 0).unwrap();
        let fields = ArticleFields {
            title: "Tin hẹn giờ".into(),
            body: "Nội dung.".into(),
            ..Default::default()
        };
        let a = store
            .create(&fields, Status::Draft, &Actor::new("hoa", t(1)))
            .unwrap();
        let a = store
            .set_status(
                a.id,
                Status::Scheduled,
                Some(t(6)),
                &Actor::new("hoa", t(2)),
            )
            .unwrap();
        let export = Actor::new("cron", t(7));
        let read = store.due_scheduled(export.now).unwrap().remove(0);
        let edited = ArticleFields {
            lede: "Sửa vào phút chót.".into(),
            ..store.get(a.id).unwrap().fields()
        };
        store
            .save(a.id, &edited, a.version, &Actor::new("lan", t(7)))
            .unwrap();
        assert!(matches!(
            record_published(&mut store, &read, &export),
            Err(NotRecorded::Changed)
        ));
        assert_eq!(store.get(a.id).unwrap().status, Status::Scheduled);
        // Unchanged, it is marked published with its own time.
        let read = store.due_scheduled(export.now).unwrap().remove(0);
        let p = record_published(&mut store, &read, &export).unwrap();
        assert_eq!((p.status, p.publish_at), (Status::Published, Some(t(6))));
        assert_eq!(p, {
            let mut shown = as_published(&read, &export);
            shown.body = p.body.clone();
            shown.lede = p.lede.clone();
            shown
        });
    }
}
