//! The gallery panel's I/O: reading the article's photos and the library, completing a typed
//! path from the host's folders, adding a file to the library, changing the article's photos.

use std::fs;
use std::path::{Path, PathBuf};

use crate::app::Session as Context;
use crate::app::media::add_to_library;
use crate::domain::text::fold;
use crate::i18n::Lang;
use crate::media::Library;
use crate::store::{PhotoText, StoreError};
use crate::tui::action::{Action, GalleryDone, GalleryOp};
use crate::tui::msg::{Msg, text};
use crate::tui::state::{GalleryRow, LibraryItem, PhotoPlace};

/// The article's lead photo and gallery, in order.
pub fn rows(ctx: &Context, id: i64) -> Result<Vec<GalleryRow>, StoreError> {
    let media = ctx.store.article_media(id)?;
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

pub fn load(ctx: &Context, id: i64, done: Option<GalleryDone>) -> Result<Action, StoreError> {
    Ok(Action::GalleryLoaded {
        id,
        rows: rows(ctx, id)?,
        done,
    })
}

pub fn library(ctx: &Context) -> Result<Action, StoreError> {
    let items = ctx
        .store
        .media_list()?
        .into_iter()
        .map(|m| LibraryItem {
            key: fold(&format!("{} {} {}", m.caption, m.name, m.credit)),
            hash: m.image.hash,
            name: m.name,
            caption: m.caption,
        })
        .collect();
    Ok(Action::LibraryLoaded(items))
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

/// Carries out a change to the article's photos; the error is already in the person's words.
pub fn change(ctx: &mut Context, lang: Lang, id: i64, op: GalleryOp) -> Result<Action, String> {
    let store_err = |e: StoreError| crate::words::describe_store(&e, lang);
    let keep = PhotoText::default();
    let done = match op {
        GalleryOp::AttachFile(path) => {
            let (hash, fresh) = add_file(ctx, lang, &expand(&path.to_string_lossy()))?;
            append(ctx, id, &hash, fresh).map_err(store_err)?
        }
        GalleryOp::AttachHash(hash) => append(ctx, id, &hash, false).map_err(store_err)?,
        GalleryOp::SetLead(hash) => {
            ctx.store.set_lead(id, &hash, &keep).map_err(store_err)?;
            GalleryDone::Lead
        }
        GalleryOp::Move { hash, to } => {
            ctx.store
                .move_in_gallery(id, &hash, to)
                .map_err(store_err)?;
            GalleryDone::Moved
        }
        GalleryOp::Text {
            hash,
            lead,
            caption,
            alt,
        } => {
            let text = PhotoText { caption, alt };
            if lead {
                ctx.store.set_lead(id, &hash, &text)
            } else {
                ctx.store.set_gallery_text(id, &hash, &text)
            }
            .map_err(store_err)?;
            GalleryDone::TextSaved
        }
        GalleryOp::Remove { hash, lead } => {
            if lead {
                ctx.store.remove_lead(id, &hash)
            } else {
                ctx.store.remove_from_gallery(id, &hash)
            }
            .map_err(store_err)?;
            GalleryDone::Removed { lead }
        }
    };
    load(ctx, id, Some(done)).map_err(store_err)
}

/// Appends a library photo to the article's gallery.
fn append(ctx: &mut Context, id: i64, hash: &str, fresh: bool) -> Result<GalleryDone, StoreError> {
    let place = ctx
        .store
        .add_to_gallery(id, hash, None, &PhotoText::default())?;
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
