//! `newsdesk media attach|detach`, and the warning when an article goes out with photos that
//! have no alt text (or inline references that name no photo).

use clap::Args;

use super::output::{complain, tell};
use super::{AttachMsg, CliResult, Context, Outcome};
use crate::app::articles::LockPolicy;
use crate::app::media as library;
use crate::app::photos::{self, Spot};
use crate::domain::Article;
use crate::media::{Found, Place};
use crate::store::PhotoText;

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// The photo's hash, or the first 8 or more characters of it
    pub hash: String,
    /// Article id or slug
    pub article: String,
    /// Make it the lead photo (list thumbnails and social previews) instead of a gallery photo
    #[arg(long)]
    pub lead: bool,
    /// This article's caption for it (default: the library's)
    #[arg(long)]
    pub caption: Option<String>,
    /// This article's alt text for it (default: the library's)
    #[arg(long)]
    pub alt: Option<String>,
    /// Its place in the gallery, 1 for the first (default: the end); moves a photo already there
    #[arg(long, value_name = "N", conflicts_with = "lead")]
    pub at: Option<usize>,
    /// Change it even while someone else edits the article (takes the article over)
    #[arg(long)]
    pub force: bool,
}

/// `--force` takes an article over from whoever edits it; without it their lock refuses, as
/// for status moves.
pub fn policy(force: bool) -> LockPolicy {
    if force {
        LockPolicy::TakeOver
    } else {
        LockPolicy::Respect
    }
}

pub fn attach(ctx: &mut Context, a: AttachArgs) -> CliResult<Outcome> {
    let article = ctx.store.find(&a.article)?;
    let photo = library::find(ctx, &a.hash)?;
    let text = PhotoText {
        caption: a.caption,
        alt: a.alt,
    };
    let spot = if a.lead {
        Spot::Lead
    } else {
        Spot::Gallery(a.at)
    };
    let me = ctx.lock_owner();
    let place = photos::attach(
        ctx,
        &me,
        article.id,
        photo.hash(),
        spot,
        &text,
        policy(a.force),
    )?;
    let short = photo.short().to_string();
    let title = article.title;
    let said = match place {
        Place::Gallery(place) => AttachMsg::InGallery {
            short,
            place,
            title,
        },
        Place::Lead | Place::Inline => AttachMsg::IsLead { short, title },
    };
    tell(ctx.lang, said);
    Ok(Outcome::Ok)
}

pub fn detach(ctx: &mut Context, key: &str, article: &str, force: bool) -> CliResult<Outcome> {
    let article = ctx.store.find(article)?;
    let photo = library::find(ctx, key)?;
    let me = ctx.lock_owner();
    let detached = photos::detach(ctx, &me, article.id, photo.hash(), policy(force))?;
    if detached.uses == 0 {
        return Err(AttachMsg::NotOnArticle {
            title: article.title,
            short: photo.short().into(),
        }
        .into());
    }
    let said = AttachMsg::TakenOff {
        short: photo.short().into(),
        title: article.title.clone(),
    };
    tell(ctx.lang, said);
    if detached.still_inline {
        tell(ctx.lang, AttachMsg::BodyStillShowsPhoto);
    }
    Ok(Outcome::Ok)
}

/// After publishing or scheduling: names (on stderr) the article's photos that have no alt
/// text, and inline references that name no library photo. A warning, not a refusal.
pub fn warn_photos(ctx: &Context, article: &Article) -> CliResult<()> {
    let photos = crate::app::media::lacking_alt(ctx, article.id)?;
    if !photos.is_empty() {
        let warning = AttachMsg::PhotosWithoutAlt {
            title: article.title.clone(),
            photos,
            slug: article.slug.clone(),
        };
        complain(ctx.lang, warning);
    }
    let media = photos::gallery(ctx, article.id)?;
    let (_, broken) = media.problems();
    for i in broken {
        let warning = AttachMsg::BrokenPhotoRef {
            title: article.title.clone(),
            reference: i.reference.clone(),
            ambiguous: matches!(i.found, Found::Ambiguous),
        };
        complain(ctx.lang, warning);
    }
    Ok(())
}
