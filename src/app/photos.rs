//! An article's photos: attaching a library photo as its lead or to its gallery, moving it,
//! its captions and alt text for this article, taking it off. Every change goes through the
//! same lock policy as status moves (`articles::check_lock`): someone else's fresh lock on
//! the article refuses it, naming them, unless the policy takes the article over. The TUI's
//! photo panel and `newsdesk media attach|detach|add --article` both change photos here.

use super::articles::{LockPolicy, check_lock};
use super::error::AppResult;
use super::session::Session;
use crate::media::{ArticleMedia, Place};
use crate::store::{LockOwner, PhotoText};

/// Where to attach a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// As the lead photo (replacing the one the article had).
    Lead,
    /// In the gallery at this place (from 1; `None`: at the end). A photo already there moves.
    Gallery(Option<usize>),
}

/// Which of the article's places a photo is taken from, or whose text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Lead,
    Gallery,
}

/// What taking a photo off an article came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detached {
    /// How many uses went (lead and gallery): none when the article did not have it.
    pub uses: usize,
    /// The body still shows it inline (`![…](media:HASH)`): the text is the editor's to change.
    pub still_inline: bool,
}

/// The article's lead photo, gallery and inline images, as the site shows them.
pub fn gallery(session: &Session, id: i64) -> AppResult<ArticleMedia> {
    Ok(session.store.article_media(id)?)
}

/// Attaches library photo `key` to article `id` at `spot` with this article's `text`, under
/// the lock policy; where it now stands.
pub fn attach(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    key: &str,
    spot: Spot,
    text: &PhotoText,
    policy: LockPolicy,
) -> AppResult<Place> {
    check_lock(session, me, id, policy)?;
    Ok(match spot {
        Spot::Lead => {
            session.store.set_lead(id, key, text)?;
            Place::Lead
        }
        Spot::Gallery(at) => Place::Gallery(session.store.add_to_gallery(id, key, at, text)?),
    })
}

/// Appends library photo `key` to the end of article `id`'s gallery (with the library's
/// texts; a photo already there moves to the end), under the lock policy; its place.
pub fn append(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    key: &str,
    policy: LockPolicy,
) -> AppResult<usize> {
    check_lock(session, me, id, policy)?;
    let keep = PhotoText::default();
    Ok(session.store.add_to_gallery(id, key, None, &keep)?)
}

/// Moves gallery photo `key` to place `to` (from 1, clamped), under the lock policy; its new
/// place.
pub fn move_to(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    key: &str,
    to: usize,
    policy: LockPolicy,
) -> AppResult<usize> {
    check_lock(session, me, id, policy)?;
    Ok(session.store.move_in_gallery(id, key, to)?)
}

/// Sets this article's caption or alt text (`None` keeps it) for photo `key` as its lead or
/// in its gallery, under the lock policy.
pub fn set_texts(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    key: &str,
    slot: Slot,
    text: &PhotoText,
    policy: LockPolicy,
) -> AppResult<()> {
    check_lock(session, me, id, policy)?;
    match slot {
        Slot::Lead => session.store.set_lead(id, key, text)?,
        Slot::Gallery => session.store.set_gallery_text(id, key, text)?,
    }
    Ok(())
}

/// Takes photo `key` from one of the article's places (the lead, or the gallery, whose
/// other photos close up), under the lock policy.
pub fn remove(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    key: &str,
    slot: Slot,
    policy: LockPolicy,
) -> AppResult<()> {
    check_lock(session, me, id, policy)?;
    match slot {
        Slot::Lead => session.store.remove_lead(id, key)?,
        Slot::Gallery => session.store.remove_from_gallery(id, key)?,
    }
    Ok(())
}

/// Takes photo `key` off the article's lead and gallery both, under the lock policy.
pub fn detach(
    session: &mut Session,
    me: &LockOwner,
    id: i64,
    key: &str,
    policy: LockPolicy,
) -> AppResult<Detached> {
    check_lock(session, me, id, policy)?;
    let hash = session.store.find_media(key)?.image.hash;
    let uses = session.store.detach_media(id, &hash)?;
    let still_inline = session
        .store
        .article_media(id)?
        .inline
        .iter()
        .any(|i| hash.starts_with(&i.reference));
    Ok(Detached { uses, still_inline })
}
