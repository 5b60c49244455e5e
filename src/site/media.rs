//! Photos in the export. Every rendition of every image a published article shows is a file of
//! the site (`media/<hash16>-<width>.jpg`, a page of kind `Media`); its fingerprint is its
//! name, since the name is made from the content, so an unchanged export never looks at it.
//! Renditions are made by `crate::media` into the cache beside the database, only when the
//! build needs one the live site does not have, and hard-linked into the build from there.

use crate::site::RefProblem;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

use super::build::Build;
use super::error::{Result, SiteError};
use super::fingerprint::Fp;
use super::plan::{Kind, Page, Plan};
use super::publish::Output;
use crate::media::{ArticleMedia, Found, Image, Library};

/// Bumped when renditions change in a way their names do not show.
const RENDITION_VERSION: u32 = 1;

/// The photos an export shows, and the library their renditions come from.
#[derive(Default)]
pub struct Media<'m> {
    /// Each published article's photos, by article id.
    pub by_article: HashMap<i64, ArticleMedia>,
    /// `None` for a database in memory (no folder beside it): then no article may show a photo.
    pub library: Option<&'m Library>,
}

/// An image the site shows, and the first article (in site order) showing it, for messages.
#[derive(Debug, Clone)]
pub struct Shown {
    pub image: Image,
    pub entry: u32,
}

impl Plan {
    /// Gives each entry its photos and lists every image shown, in site order.
    pub fn attach_media(&mut self, mut by_article: HashMap<i64, ArticleMedia>) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let images = &mut self.images;
        for (i, e) in self.entries.iter_mut().enumerate() {
            let Some(m) = by_article.remove(&e.id) else {
                continue;
            };
            let inline = m.inline.iter().filter_map(|x| match &x.found {
                Found::Photo(p) => Some(p),
                _ => None,
            });
            for p in m.lead.iter().chain(&m.gallery).chain(inline) {
                if !seen.contains_key(&p.image.hash) {
                    seen.insert(p.image.hash.clone(), images.len());
                    images.push(Shown {
                        image: p.image.clone(),
                        entry: i as u32,
                    });
                }
            }
            let fp = |v: &dyn Fn(&mut Fp)| {
                let mut h = Fp::new();
                v(&mut h);
                h.finish()
            };
            e.media_fp = fp(&|h| m.hash(h));
            e.lead_fp = fp(&|h| m.lead.hash(h));
            e.media = m;
        }
    }

    /// A file per rendition of every image shown. The name says what is in the file, so the
    /// fingerprint needs nothing more than the version of the rendition rules.
    pub fn media_pages(&self, pages: &mut Vec<Page>) {
        let mut h = Fp::new();
        ("rendition", RENDITION_VERSION).hash(&mut h);
        let fp = h.finish();
        pages.reserve(self.images.len() * 3);
        for (i, s) in self.images.iter().enumerate() {
            for (k, r) in s.image.renditions().into_iter().enumerate() {
                let mut path = r.name;
                path.insert_str(0, "media/");
                pages.push(Page {
                    path,
                    kind: Kind::Media(i as u32, k as u32),
                    fp,
                });
            }
        }
    }

    /// Refuses a site where a published article's body names an image the library does not
    /// have (or a prefix that names several).
    pub fn check_inline(&self) -> Result<()> {
        for e in &self.entries {
            for i in &e.media.inline {
                let problem = match i.found {
                    Found::Photo(_) => continue,
                    Found::Unknown => RefProblem::NotInLibrary,
                    Found::Ambiguous => RefProblem::Ambiguous,
                };
                return Err(SiteError::MediaRef {
                    title: e.title.clone(),
                    path: e.path.clone(),
                    reference: i.reference.clone(),
                    problem,
                });
            }
        }
        Ok(())
    }

    fn media_error(&self, image: &str, file: &Path, reason: String) -> SiteError {
        let shown = self.images.iter().find(|s| s.image.hash == image);
        let e = shown.map(|s| self.entry(s.entry));
        SiteError::Media {
            title: e.map(|e| e.title.clone()).unwrap_or_default(),
            path: e.map(|e| e.path.clone()).unwrap_or_default(),
            file: file.to_path_buf(),
            reason,
        }
    }
}

/// Makes the renditions this build needs and the live site lacks (those already cached are
/// only checked by name). Returns how many were encoded.
pub(super) fn prepare(
    plan: &Plan,
    pages: &[Page],
    output: &Output,
    library: Option<&Library>,
) -> Result<usize> {
    let mut wanted: Vec<bool> = vec![false; plan.images.len()];
    for p in pages {
        if let Kind::Media(i, _) = p.kind
            && !output.reusable(p)
        {
            wanted[i as usize] = true;
        }
    }
    let images: Vec<Image> = plan
        .images
        .iter()
        .zip(&wanted)
        .filter(|(_, w)| **w)
        .map(|(s, _)| s.image.clone())
        .collect();
    if images.is_empty() {
        return Ok(0);
    }
    let Some(library) = library else {
        return Err(SiteError::NoMediaFolder);
    };
    library
        .prepare(&images)
        .map_err(|f| plan.media_error(&f.hash, &f.file, f.reason))
}

/// Puts rendition `k` of image `i` in the build, linked from the cache (made if missing).
pub(super) fn place(
    build: &Build<'_>,
    plan: &Plan,
    page: &Page,
    (i, k): (u32, u32),
    library: Option<&Library>,
) -> Result<bool> {
    let library = library.ok_or(SiteError::NoMediaFolder)?;
    let shown = &plan.images[i as usize];
    let renditions = shown.image.renditions();
    let r = renditions
        .get(k as usize)
        .ok_or_else(|| SiteError::UnsafePath(page.path.clone()))?;
    let from = library.cached(&r.name);
    if !from.exists() {
        // Taken out of the cache since `prepare` looked: make it again.
        library
            .prepare(std::slice::from_ref(&shown.image))
            .map_err(|f| plan.media_error(&f.hash, &f.file, f.reason))?;
    }
    build.link_in(page, &from)
}
