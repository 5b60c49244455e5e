//! The gallery panel's I/O: reading the article's photos and the library, completing a typed
//! path from the host's folders, adding a file to the library, changing the article's photos.

use std::fs;
use std::path::{Path, PathBuf};

use super::effects::failed;
use crate::app::Session as Context;
use crate::app::articles::{LockPolicy, check_lock};
use crate::app::media::add_to_library;
use crate::app::photos::{self, Slot, Spot};
use crate::app::{AppError, AppResult};
use crate::domain::text::fold;
use crate::i18n::Lang;
use crate::media::Library;
use crate::store::{LockOwner, PhotoText};
use crate::tui::action::{Action, GalleryDone, GalleryOp};
use crate::tui::msg::{Msg, text};
use crate::tui::state::{GalleryRow, LibraryItem, PhotoPlace};

/// The article's lead photo and gallery, in order.
pub fn rows(ctx: &Context, id: i64) -> AppResult<Vec<GalleryRow>> {
    let media = photos::gallery(ctx, id)?;
    let row = |place, p: &crate::media::Photo| GalleryRow {
        place,
        hash: p.image.hash.clone(),
        caption: p.caption.clone(),
        alt: p.alt.clone(),
    };
    let mut out: Vec<GalleryRow> = media
        .lead
        .iter()
        .map(|p| row(PhotoPlace::Lead, p))
        .collect();
    for (i, p) in media.gallery.iter().enumerate() {
        out.push(row(PhotoPlace::Gallery(i + 1), p));
    }
    Ok(out)
}

/// The article's photos, and what was just done to them.
pub fn load(ctx: &Context, id: i64, done: Option<GalleryDone>) -> Action {
    match rows(ctx, id) {
        Ok(rows) => Action::GalleryLoaded { id, rows, done },
        Err(e) => failed(e),
    }
}

/// The photo library, newest first, each with the folded words the picker filters on.
pub fn library(ctx: &Context) -> Action {
    match crate::app::media::library(ctx) {
        Ok(items) => Action::LibraryLoaded(
            items
                .into_iter()
                .map(|m| LibraryItem {
                    key: fold(&format!("{} {} {}", m.caption, m.name, m.credit)),
                    hash: m.image.hash,
                    name: m.name,
                    caption: m.caption,
                })
                .collect(),
        ),
        Err(e) => failed(e),
    }
}

/// `~/` as the home folder; a relative path from the current folder.
fn expand(input: &str) -> PathBuf {
    match input.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME")
            .map_or_else(|| PathBuf::from(input), |h| PathBuf::from(h).join(rest)),
        None => PathBuf::from(input),
    }
}

/// The entries of the typed path's folder whose names start with its last part, sorted;
/// folders end in `/`. Hidden entries only when the part starts with a dot.
pub fn complete(input: &str) -> Action {
    let (dir, part) = input
        .rfind('/')
        .and_then(|i| input.split_at_checked(i + 1))
        .unwrap_or(("", input));
    let folder = if dir.is_empty() {
        PathBuf::from(".")
    } else {
        expand(dir)
    };
    let mut names: Vec<String> = fs::read_dir(&folder)
        .map(|rd| {
            rd.flatten()
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    let wanted =
                        name.starts_with(part) && (part.starts_with('.') || !name.starts_with('.'));
                    wanted.then(|| {
                        if e.path().is_dir() {
                            format!("{name}/")
                        } else {
                            name
                        }
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    Action::Completed {
        input: input.to_string(),
        names,
    }
}

/// Carries out a change to the article's photos under the status moves' policy: someone
/// else's fresh lock refuses it (the editor turns read-only and says who, as after a save).
pub fn change(ctx: &mut Context, lang: Lang, me: &LockOwner, id: i64, op: GalleryOp) -> Action {
    match try_change(ctx, lang, me, id, op) {
        Ok(done) => load(ctx, id, Some(done)),
        Err(Refused::App(e)) => failed(e),
        Err(Refused::Said(text)) => Action::Failed(text.into()),
    }
}

/// Why a change did not go through: a use case's error, or a file refused, already worded.
enum Refused {
    App(AppError),
    Said(String),
}

impl From<AppError> for Refused {
    fn from(e: AppError) -> Self {
        Refused::App(e)
    }
}

fn try_change(
    ctx: &mut Context,
    lang: Lang,
    me: &LockOwner,
    id: i64,
    op: GalleryOp,
) -> Result<GalleryDone, Refused> {
    let policy = LockPolicy::Respect;
    let keep = PhotoText::default();
    let slot = |lead: bool| if lead { Slot::Lead } else { Slot::Gallery };
    Ok(match op {
        GalleryOp::AttachFile(path) => {
            // The lock first: a file is not kept for an article that cannot take it.
            check_lock(ctx, me, id, policy)?;
            let (hash, fresh) =
                add_file(ctx, lang, &expand(&path.to_string_lossy())).map_err(Refused::Said)?;
            append(ctx, me, id, &hash, fresh)?
        }
        GalleryOp::AttachHash(hash) => append(ctx, me, id, &hash, false)?,
        GalleryOp::SetLead(hash) => {
            photos::attach(ctx, me, id, &hash, Spot::Lead, &keep, policy)?;
            GalleryDone::Lead
        }
        GalleryOp::Move { hash, to } => {
            photos::move_to(ctx, me, id, &hash, to, policy)?;
            GalleryDone::Moved
        }
        GalleryOp::Text {
            hash,
            lead,
            caption,
            alt,
        } => {
            let text = PhotoText { caption, alt };
            photos::set_texts(ctx, me, id, &hash, slot(lead), &text, policy)?;
            GalleryDone::TextSaved
        }
        GalleryOp::Remove { hash, lead } => {
            photos::remove(ctx, me, id, &hash, slot(lead), policy)?;
            GalleryDone::Removed { lead }
        }
    })
}

/// Appends a library photo to the article's gallery.
fn append(
    ctx: &mut Context,
    me: &LockOwner,
    id: i64,
    hash: &str,
    fresh: bool,
) -> AppResult<GalleryDone> {
    let place = photos::append(ctx, me, id, hash, LockPolicy::Respect)?;
    Ok(GalleryDone::Attached {
        short: hash.get(..crate::media::SHORT).unwrap_or(hash).to_string(),
        place,
        fresh,
    })
}

/// Checks, stores and records one host file as `media add` does; its hash and whether it is
/// new to the library.
fn add_file(ctx: &mut Context, lang: Lang, file: &Path) -> Result<(String, bool), String> {
    let refused = |reason: String| {
        text(
            lang,
            &Msg::PhotoRefused {
                path: &file.display().to_string(),
                reason: &reason,
            },
        )
        .into_owned()
    };
    let settings = ctx
        .store
        .settings()
        .map_err(|e| crate::words::describe_store(&e, lang))?;
    let max_mb =
        crate::site::settings::media_max_mb(&settings).map_err(|e| refused(e.to_string()))?;
    let library = Library::beside(&ctx.db_path);
    let (item, fresh) = add_to_library(ctx, &library, max_mb, file, &Default::default())
        .map_err(|e| refused(crate::words::describe_app(&e, lang)))?;
    Ok((item.image.hash, fresh))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ArticleFields, Status};

    /// Someone took the article over while the panel was open: the change is refused before
    /// it touches anything, and the editor learns who has it (as after a save).
    #[test]
    fn a_change_under_someone_elses_fresh_lock_is_lock_lost() {
        let dir = tempfile::tempdir().unwrap();
        let mut ctx = Context::open(Some(&dir.path().join("n.db"))).unwrap();
        let fields = ArticleFields {
            title: "Lễ ra quân".into(),
            body: "Nội dung.".into(),
            ..Default::default()
        };
        let actor = ctx.actor();
        let id = ctx.store.create(&fields, Status::Draft, &actor).unwrap().id;
        let me = LockOwner::new("hoa", "toa-soan", "tui-1");
        let lan = LockOwner::new("lan", "laptop-lan", "tui-2");
        let remove = || GalleryOp::Remove {
            hash: "deadbeef".into(),
            lead: false,
        };
        // Nobody else's lock: the change reaches the store (which has no such photo).
        let action = change(&mut ctx, Lang::En, &me, id, remove());
        assert!(matches!(action, Action::Failed(_)), "{action:?}");
        let now = ctx.now();
        ctx.store.take_over_lock(id, &lan, now).unwrap();
        match change(&mut ctx, Lang::En, &me, id, remove()) {
            Action::LockLost { user, host, .. } => {
                assert_eq!((user, host), ("lan".into(), "laptop-lan".into()))
            }
            other => panic!("{other:?}"),
        }
        let attach = GalleryOp::AttachFile(dir.path().join("none.jpg"));
        assert!(matches!(
            change(&mut ctx, Lang::En, &me, id, attach),
            Action::LockLost { .. }
        ));
    }
}
