//! What the site contains, in a total order: published articles newest first (publish time,
//! then id, both descending), their sections and tags; and (`pages`) every output file with a
//! fingerprint of everything it shows.

mod pages;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};

pub use pages::{Kind, Page};

use super::media::Shown;
use crate::domain::{Article, Status, is_valid_slug, slug_words, slugify};
use crate::media::ArticleMedia;

/// Items in each RSS feed.
pub const FEED_ITEMS: usize = 20;
/// URLs per sitemap file (the protocol's limit).
pub const SITEMAP_URLS: usize = 50_000;
/// Related articles under an article.
pub const RELATED: usize = 5;
/// Top-level names a section may not take (they are the site's own folders).
const RESERVED: &[&str] = &["tag", "page"];

/// One published article without its body: what list pages, feeds and related lists show.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    pub version: i64,
    pub title: String,
    pub lede: String,
    pub byline: String,
    pub signed_by: String,
    pub section: u32,
    pub tags: Vec<u32>,
    pub publish_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The last save when it came a minute or more after both publication and creation (an
    /// imported article was not changed after it appeared): pages show “Cập nhật lúc …”.
    pub edited_at: Option<DateTime<Utc>>,
    /// `section-slug/article-slug/`, relative to the site root.
    pub path: String,
    /// Its lead photo, gallery and inline photos (see `Plan::attach_media`).
    pub media: ArticleMedia,
    /// Fingerprints of `media` and of its lead photo, hashed once (lists show the lead of
    /// every entry on several pages).
    pub media_fp: u64,
    pub lead_fp: u64,
}

fn edited_at(a: &Article) -> Option<DateTime<Utc>> {
    let appeared = a.publish_at.unwrap_or(a.updated_at).max(a.created_at);
    (a.updated_at - appeared >= chrono::TimeDelta::minutes(1)).then_some(a.updated_at)
}

/// A section or a tag: its slug, the name shown, and its articles in site order.
#[derive(Debug, Clone)]
pub struct Group {
    pub slug: String,
    pub name: String,
    pub members: Vec<u32>,
}

#[derive(Debug)]
pub struct Plan {
    pub entries: Vec<Entry>,
    pub sections: Vec<Group>,
    pub tags: Vec<Group>,
    pub per_page: usize,
    /// Every image the published articles show, in site order.
    pub images: Vec<Shown>,
}

fn section_slug(name: &str) -> String {
    let slug = slug_words(name);
    if RESERVED.contains(&slug.as_str()) {
        format!("{slug}-s")
    } else {
        slug
    }
}

/// Groups keyed by slug (sorted), named as the newest article spells them.
fn groups(keys: &[Vec<(String, String)>]) -> (Vec<Group>, BTreeMap<String, u32>) {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for list in keys {
        for (slug, name) in list {
            names.entry(slug.clone()).or_insert_with(|| name.clone());
        }
    }
    let index: BTreeMap<String, u32> = names
        .keys()
        .enumerate()
        .map(|(i, s)| (s.clone(), i as u32))
        .collect();
    let mut out: Vec<Group> = names
        .into_iter()
        .map(|(slug, name)| Group {
            slug,
            name,
            members: Vec::new(),
        })
        .collect();
    for (i, list) in keys.iter().enumerate() {
        for (slug, _) in list {
            if let Some(&g) = index.get(slug) {
                out[g as usize].members.push(i as u32);
            }
        }
    }
    (out, index)
}

impl Plan {
    /// Plans the site from article headers (bodies are not needed). Anything not published is
    /// dropped here, whatever the caller passed.
    pub fn new(articles: Vec<Article>, per_page: usize, no_section: &str) -> Plan {
        let mut articles: Vec<Article> = articles
            .into_iter()
            .filter(|a| a.status == Status::Published)
            .collect();
        let at = |a: &Article| a.publish_at.unwrap_or(a.updated_at);
        articles.sort_by(|a, b| at(b).cmp(&at(a)).then(b.id.cmp(&a.id)));
        let mut section_keys = Vec::with_capacity(articles.len());
        let mut tag_keys = Vec::with_capacity(articles.len());
        // Few distinct sections and tags, many articles: slugify each name once.
        let mut slugs: HashMap<String, String> = HashMap::new();
        let mut tag_slugs: HashMap<String, String> = HashMap::new();
        for a in &articles {
            let name = a.section.trim();
            let name = if name.is_empty() { no_section } else { name };
            let slug = slugs
                .entry(name.to_string())
                .or_insert_with(|| section_slug(name))
                .clone();
            section_keys.push(vec![(slug, name.to_string())]);
            let mut seen = HashSet::new();
            let tags: Vec<(String, String)> = a
                .tags
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .map(|t| {
                    let slug = tag_slugs
                        .entry(t.to_string())
                        .or_insert_with(|| slug_words(t));
                    (slug.clone(), t.to_string())
                })
                .filter(|(s, _)| seen.insert(s.clone()))
                .collect();
            tag_keys.push(tags);
        }
        let (sections, section_index) = groups(&section_keys);
        let (tags, tag_index) = groups(&tag_keys);
        let mut taken = HashSet::new();
        let entries = articles
            .into_iter()
            .zip(section_keys.iter().zip(&tag_keys))
            .map(|(a, (sec, tags))| {
                let sec_slug = &sec[0].0;
                let slug = if is_valid_slug(&a.slug) {
                    a.slug.clone()
                } else {
                    slugify(&a.slug)
                };
                let mut path = format!("{sec_slug}/{slug}/");
                if !taken.insert(path.clone()) {
                    path = format!("{sec_slug}/{slug}-{}/", a.id.unsigned_abs());
                    taken.insert(path.clone());
                }
                Entry {
                    id: a.id,
                    version: a.version,
                    section: section_index.get(sec_slug).copied().unwrap_or(0),
                    tags: tags
                        .iter()
                        .filter_map(|(s, _)| tag_index.get(s).copied())
                        .collect(),
                    publish_at: a.publish_at.unwrap_or(a.updated_at),
                    updated_at: a.updated_at,
                    edited_at: edited_at(&a),
                    path,
                    title: a.title,
                    lede: a.lede,
                    byline: a.byline,
                    signed_by: a.signed_by,
                    media: ArticleMedia::default(),
                    media_fp: 0,
                    lead_fp: 0,
                }
            })
            .collect();
        Plan {
            entries,
            sections,
            tags,
            per_page: per_page.max(1),
            images: Vec::new(),
        }
    }

    pub fn entry(&self, i: u32) -> &Entry {
        &self.entries[i as usize]
    }

    pub fn section_of(&self, e: &Entry) -> &Group {
        &self.sections[e.section as usize]
    }

    /// Up to five articles from the same section: the nearest older ones, then newer ones.
    pub fn related(&self, i: u32) -> Vec<u32> {
        let members = &self.sections[self.entry(i).section as usize].members;
        let Ok(p) = members.binary_search(&i) else {
            return Vec::new();
        };
        let mut out: Vec<u32> = members[p + 1..].iter().take(RELATED).copied().collect();
        let want = RELATED - out.len();
        out.extend(members[..p].iter().rev().take(want));
        out
    }

    pub fn page_count(&self, n: usize) -> u32 {
        n.div_ceil(self.per_page).max(1) as u32
    }

    /// The members shown on list page `page` (1-based) of a list of `all`.
    pub fn slice<'a>(&self, all: &'a [u32], page: u32) -> &'a [u32] {
        let start = (page as usize - 1) * self.per_page;
        let end = (start + self.per_page).min(all.len());
        all.get(start..end).unwrap_or(&[])
    }

    pub fn all(&self) -> Vec<u32> {
        (0..self.entries.len() as u32).collect()
    }

    /// How many URLs the sitemap lists: home, sections, tags, articles.
    pub fn sitemap_len(&self) -> usize {
        1 + self.sections.len() + self.tags.len() + self.entries.len()
    }
}

/// `a/b/index.html` → `a/b/`; `index.html` → ``: the address a page is linked by.
pub fn dir_url(path: &str) -> &str {
    path.strip_suffix("index.html").unwrap_or(path)
}

/// `../` once per folder between the page and the site root.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}
