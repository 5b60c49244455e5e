//! Carrying out one effect against the store, and turning the outcome into an action.

use crate::app::Session as Context;
use crate::app::articles::{self, LockPolicy, Saved};
use crate::app::locks::{self, HeldBy, Taken};
use crate::app::reading::{self, Opened};
use crate::app::{AppError, AppResult};
use crate::domain::snippet::render_marked;
use crate::i18n::Lang;
use crate::store::{ListQuery, LockOwner, StoreError};
use crate::tui::action::{Action, Effect, ListRequest};

/// Performs every effect but `EditExternally`, which needs the terminal (see `external`).
pub fn perform(ctx: &mut Context, lang: Lang, me: &LockOwner, effect: Effect) -> Action {
    let result = match effect {
        Effect::LoadList(req) => load_list(ctx, &req),
        Effect::LoadArticle(id) => load_article(ctx, id),
        Effect::DiscardRecovery(id) => locks::discard_recovery(ctx, id).map(done),
        Effect::Save {
            id,
            fields,
            base_version,
        } => {
            return match articles::save(ctx, me, id, &fields, base_version) {
                Ok(Saved::Done(a)) => Action::Saved(a),
                Ok(Saved::LockLost(by)) => lock_lost(by),
                Ok(Saved::Conflict { theirs, kept_rev }) => Action::Conflict { theirs, kept_rev },
                Err(e) => failed(e),
            };
        }
        Effect::SetStatus { id, to, at } => {
            match articles::set_status(ctx, me, id, to, at, LockPolicy::Respect) {
                Ok(a) => published(ctx, a),
                Err(e) => return failed(e),
            }
        }
        Effect::TakeLock(id) => locks::take(ctx, me, id).map(|taken| match taken {
            Taken::Ours => Action::LockTaken { id, from: None },
            Taken::Held(h) => held(h),
        }),
        Effect::TakeOverLock(id) => {
            locks::take_over(ctx, me, id).map(|from| Action::LockTaken { id, from })
        }
        Effect::Refresh(id) => reading::get(ctx, id).map(|a| Action::Refreshed(Box::new(a))),
        Effect::ReleaseLock(id) => locks::release(ctx, me, id).map(done),
        Effect::LoadHistory(id) => {
            reading::history(ctx, id).map(|revisions| Action::HistoryLoaded { id, revisions })
        }
        Effect::LoadRevision { id, rev } => {
            reading::revision(ctx, id, rev).map(|fields| Action::RevisionLoaded {
                id,
                rev,
                fields: Box::new(fields),
            })
        }
        Effect::Restore { id, rev } => {
            match articles::restore(ctx, me, id, rev, LockPolicy::Respect) {
                Ok(a) => Ok(Action::Restored {
                    article: Box::new(a),
                    rev,
                }),
                Err(e) => return failed(e),
            }
        }
        Effect::PrepareExport => Ok(super::export::prepare(ctx)),
        Effect::LoadGallery(id) => return super::gallery::load(ctx, id, None),
        Effect::Complete(input) => Ok(super::gallery::complete(&input)),
        Effect::LoadLibrary => return super::gallery::library(ctx),
        Effect::Gallery { id, op } => return super::gallery::change(ctx, lang, me, id, op),
        // Both need the loop (the terminal, the export thread): see `Runtime::dispatch`.
        Effect::EditExternally(_) | Effect::Export { .. } => Ok(Action::Done),
    };
    // `update` words the error in the person's language.
    result.unwrap_or_else(|e| Action::Failed(e.into()))
}

/// A status change went through: when the article is now published or scheduled, the
/// photos it shows with no alt text (as `newsdesk publish` warns).
fn published(ctx: &Context, a: crate::domain::Article) -> AppResult<Action> {
    use crate::domain::Status;
    if !matches!(a.status, Status::Published | Status::Scheduled) {
        return Ok(Action::Saved(a));
    }
    let photos = match crate::app::media::lacking_alt(ctx, a.id) {
        Ok(photos) => photos,
        Err(e @ AppError::Store(_)) => return Err(e),
        // Reading an article's photos fails only in the store.
        Err(_) => Vec::new(),
    };
    Ok(if photos.is_empty() {
        Action::Saved(a)
    } else {
        Action::PublishedWithoutAlt {
            article: Box::new(a),
            photos,
        }
    })
}

fn done(_: ()) -> Action {
    Action::Done
}

/// A use case's failure as the TUI takes it: someone else's fresh lock is `LockLost` (the
/// editor turns read-only and says who), anything else a message in the person's language.
pub(super) fn failed(e: AppError) -> Action {
    match e {
        AppError::Store(StoreError::Locked {
            id,
            user,
            host,
            since,
        }) => Action::LockLost {
            id,
            user,
            host,
            since,
        },
        other => Action::Failed(other.into()),
    }
}

/// Someone else's fresh lock on the article just opened: read-only.
fn held(h: HeldBy) -> Action {
    Action::LockHeld {
        id: h.id,
        user: h.user,
        host: h.host,
        since: h.since,
    }
}

/// Someone took our lock over: the editor turns read-only and says who.
fn lock_lost(h: HeldBy) -> Action {
    Action::LockLost {
        id: h.id,
        user: h.user,
        host: h.host,
        since: h.since,
    }
}

/// The heartbeat of our lock on `id`: an action only when someone took it over.
pub fn heartbeat(ctx: &mut Context, me: &LockOwner, id: i64) -> Option<Action> {
    match locks::heartbeat(ctx, me, id) {
        Ok(Some(h)) => Some(lock_lost(h)),
        // A failed beat (the database busy) is retried at the next one.
        _ => None,
    }
}

/// The article, or the recovery copy of it that differs from it.
fn load_article(ctx: &Context, id: i64) -> AppResult<Action> {
    let Opened { article, recovery } = reading::open(ctx, id)?;
    Ok(match recovery {
        None => Action::ArticleLoaded(article),
        Some(r) => Action::RecoveryFound {
            article: Some(Box::new(article)),
            recovery: Box::new(r),
        },
    })
}

pub fn load_list(ctx: &Context, req: &ListRequest) -> AppResult<Action> {
    if req.search.trim().is_empty() {
        let q = ListQuery {
            status: req.filter,
            sort: req.sort,
            limit: req.limit,
            offset: req.offset,
            ..ListQuery::default()
        };
        let page = reading::page(ctx, &q)?;
        return Ok(Action::ListLoaded {
            window_start: req.offset,
            rows: page.rows,
            total: page.total,
            snippets: Vec::new(),
        });
    }
    // Search results are ranked; the best few hundred are plenty to scroll through.
    let hits = reading::search(ctx, &req.search, req.filter, crate::tui::state::LIST_WINDOW)?;
    let snippets = hits
        .iter()
        .map(|h| (h.article.id, render_marked(&h.snippet, "", "")))
        .collect();
    let rows: Vec<_> = hits.into_iter().map(|h| h.article).collect();
    Ok(Action::ListLoaded {
        window_start: 0,
        total: rows.len(),
        rows,
        snippets,
    })
}
