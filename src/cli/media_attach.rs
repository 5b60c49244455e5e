//! `newsdesk media attach|detach`, and the warning when an article goes out with photos that
//! have no alt text (or inline references that name no photo).

use clap::Args;

use super::output::{complain, tell};
use super::{AttachMsg, CliResult, Context, Outcome};
use crate::domain::Article;
use crate::media::Found;
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
}

pub fn attach(ctx: &mut Context, a: AttachArgs) -> CliResult<Outcome> {
    let article = ctx.store.find(&a.article)?;
    let photo = ctx.store.find_media(&a.hash)?;
    let text = PhotoText {
        caption: a.caption,
        alt: a.alt,
    };
    if a.lead {
        ctx.store.set_lead(article.id, photo.hash(), &text)?;
        let said = AttachMsg::IsLead {
            short: photo.short().into(),
            title: article.title,
        };
        tell(ctx.lang, said);
    } else {
        let place = ctx
            .store
            .add_to_gallery(article.id, photo.hash(), a.at, &text)?;
        let said = AttachMsg::InGallery {
            short: photo.short().into(),
            place,
            title: article.title,
        };
        tell(ctx.lang, said);
    }
    Ok(Outcome::Ok)
}

pub fn detach(ctx: &mut Context, key: &str, article: &str) -> CliResult<Outcome> {
    let article = ctx.store.find(article)?;
    let photo = ctx.store.find_media(key)?;
    if ctx.store.detach_media(article.id, photo.hash())? == 0 {
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
    let inline = ctx.store.article_media(article.id)?.inline;
    if inline
        .iter()
        .any(|i| photo.hash().starts_with(&i.reference))
    {
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
    let media = ctx.store.article_media(article.id)?;
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
