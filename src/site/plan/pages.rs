//! Every output file of a plan, in a fixed order, each with a fingerprint of everything it
//! shows: the export renders again only the files whose fingerprint changed.

use std::hash::{Hash, Hasher};

use super::{Entry, FEED_ITEMS, Plan, SITEMAP_URLS};
use crate::site::fingerprint::Fp;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Article(u32),
    Home(u32),
    Section(u32, u32),
    Tag(u32, u32),
    Feed,
    SectionFeed(u32),
    /// `None` is `sitemap.xml` (the only file, or the index of the numbered ones).
    Sitemap(Option<u32>),
    Robots,
    NotFound,
    Style,
    /// Rendition `.1` of shown image `.0`: a file linked from the photo cache, never rendered.
    Media(u32, u32),
}

/// One output file: where it goes, what it is, and the fingerprint of its inputs.
#[derive(Debug, Clone)]
pub struct Page {
    pub path: String,
    pub kind: Kind,
    pub fp: u64,
}

impl Plan {
    fn hash_entry(&self, e: &Entry, h: &mut Fp) {
        (e.id, e.version, &e.title, &e.lede, &e.byline, &e.signed_by).hash(h);
        (e.publish_at, e.updated_at, &e.path).hash(h);
        self.sections[e.section as usize].name.hash(h);
        e.lead_fp.hash(h);
        for t in &e.tags {
            let g = &self.tags[*t as usize];
            (&g.slug, &g.name).hash(h);
        }
    }

    fn hash_list(&self, ids: &[u32], h: &mut Fp) {
        ids.len().hash(h);
        for i in ids {
            self.hash_entry(self.entry(*i), h);
        }
    }

    /// Every output file, in a fixed order, each with the fingerprint of what it shows.
    /// `global` covers what every page shows (settings, templates, the section menu).
    pub fn pages(&self, global: u64) -> Vec<Page> {
        let mut pages = Vec::with_capacity(self.entries.len() + 64);
        let fp = |tag: &str, f: &dyn Fn(&mut Fp)| {
            let mut h = Fp::new();
            (global, tag).hash(&mut h);
            f(&mut h);
            h.finish()
        };
        for (i, e) in self.entries.iter().enumerate() {
            let i = i as u32;
            let f = fp("article", &|h| {
                self.hash_entry(e, h);
                e.media_fp.hash(h);
                self.hash_list(&self.related(i), h);
            });
            pages.push(Page {
                path: format!("{}index.html", e.path),
                kind: Kind::Article(i),
                fp: f,
            });
        }
        let all = self.all();
        let list_pages = |pages: &mut Vec<Page>,
                          prefix: &str,
                          members: &[u32],
                          kind: &dyn Fn(u32) -> Kind,
                          name: &str| {
            let n = self.page_count(members.len());
            for k in 1..=n {
                let path = if k == 1 {
                    format!("{prefix}index.html")
                } else {
                    format!("{prefix}page/{k}/index.html")
                };
                let f = fp("list", &|h| {
                    (prefix, name, k, n).hash(h);
                    self.hash_list(self.slice(members, k), h);
                });
                pages.push(Page {
                    path,
                    kind: kind(k),
                    fp: f,
                });
            }
        };
        list_pages(&mut pages, "", &all, &Kind::Home, "");
        for (g, s) in self.sections.iter().enumerate() {
            let g = g as u32;
            list_pages(
                &mut pages,
                &format!("{}/", s.slug),
                &s.members,
                &|k| Kind::Section(g, k),
                &s.name,
            );
            let f = fp("section-feed", &|h| {
                (&s.slug, &s.name).hash(h);
                self.hash_list(&s.members[..s.members.len().min(FEED_ITEMS)], h);
            });
            pages.push(Page {
                path: format!("{}/feed.xml", s.slug),
                kind: Kind::SectionFeed(g),
                fp: f,
            });
        }
        for (g, t) in self.tags.iter().enumerate() {
            let g = g as u32;
            list_pages(
                &mut pages,
                &format!("tag/{}/", t.slug),
                &t.members,
                &|k| Kind::Tag(g, k),
                &t.name,
            );
        }
        let f = fp("feed", &|h| {
            self.hash_list(&all[..all.len().min(FEED_ITEMS)], h)
        });
        pages.push(Page {
            path: "feed.xml".into(),
            kind: Kind::Feed,
            fp: f,
        });
        let map = fp("sitemap", &|h| {
            for s in self.sections.iter().chain(&self.tags) {
                s.slug.hash(h);
            }
            for e in &self.entries {
                (&e.path, e.updated_at).hash(h);
            }
        });
        let chunks = self.sitemap_len().div_ceil(SITEMAP_URLS);
        pages.push(Page {
            path: "sitemap.xml".into(),
            kind: Kind::Sitemap(None),
            fp: map,
        });
        if chunks > 1 {
            for c in 1..=chunks as u32 {
                pages.push(Page {
                    path: format!("sitemap-{c}.xml"),
                    kind: Kind::Sitemap(Some(c)),
                    fp: fp("sitemap-part", &|h| (map, c).hash(h)),
                });
            }
        }
        pages.push(Page {
            path: "robots.txt".into(),
            kind: Kind::Robots,
            fp: fp("robots", &|_| {}),
        });
        pages.push(Page {
            path: "404.html".into(),
            kind: Kind::NotFound,
            fp: fp("404", &|_| {}),
        });
        pages.push(Page {
            path: "style.css".into(),
            kind: Kind::Style,
            fp: fp("style", &|_| {}),
        });
        self.media_pages(&mut pages);
        pages
    }
}
