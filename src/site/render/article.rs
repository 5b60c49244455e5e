//! An article's page: its body and photos, tags, related articles and schema.org data.

use minijinja::context;
use minijinja::value::{Serde, Value};

use super::{Item, Link, Meta, Renderer};
use crate::site::error::Result;
use crate::site::figure::article_photos;
use crate::site::guard;
use crate::site::i18n::{display_date, iso_date, long_date};
use crate::site::plan::{Entry, Page, root_of};
use crate::site::templates::script_safe_json;

impl Renderer<'_> {
    pub(super) fn article(&self, page: &Page, e: &Entry, i: u32, body: &str) -> Result<Vec<u8>> {
        let plan = self.plan;
        let s = self.settings;
        let root = root_of(&page.path);
        let item = self.item(e, &root);
        let canonical = self.canonical(&page.path);
        let tags: Vec<Link> = e
            .tags
            .iter()
            .map(|t| {
                let g = &plan.tags[*t as usize];
                Link {
                    name: g.name.clone(),
                    url: format!("{root}tag/{}/", g.slug),
                }
            })
            .collect();
        let related: Vec<Item> = plan
            .related(i)
            .iter()
            .map(|r| self.item(plan.entry(*r), &root))
            .collect();
        let description = if e.lede.is_empty() {
            e.title.clone()
        } else {
            e.lede.clone()
        };
        let (gallery, lead, og, body_html) =
            article_photos(&e.media, &root, body, self.t.photo, &s.base_url);
        let mut jsonld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": e.title,
            "description": description,
            "datePublished": item.iso,
            "dateModified": iso_date(e.updated_at, s.timezone),
            "author": if e.byline.is_empty() { serde_json::Value::Null } else { serde_json::json!([{"@type": "Person", "name": e.byline}]) },
            "publisher": {"@type": "Organization", "name": s.title},
            "mainEntityOfPage": canonical,
            "articleSection": item.section.name,
            "keywords": tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", "),
            "inLanguage": s.language.code(),
        });
        if let Some(og) = &og {
            jsonld["image"] = serde_json::json!([og.url]);
        }
        let meta = Meta {
            title: format!("{} – {}", e.title, s.title),
            description,
            canonical,
        };
        let home = root.clone();
        // A change saved after publication shows as “Cập nhật lúc …”.
        let updated = e.edited_at.map(|t| {
            context! {
                date => display_date(t, s.timezone, s.language),
                iso => iso_date(t, s.timezone),
            }
        });
        let jsonld = script_safe_json(&jsonld);
        let weight = guard::weight_of(&(&meta, &item, &tags, &related, &gallery, &lead, &og))
            + guard::text_weight(&body_html)
            + guard::text_weight(&jsonld)
            + guard::text_weight(&e.signed_by);
        self.html(
            page,
            "article.html",
            context! {
                site => self.site.clone(), t => self.chrome.clone(), root, home,
                meta => Value::from(Serde(&meta)),
                article => Value::from(Serde(&item)),
                signed_by => e.signed_by.as_str(),
                tags => Value::from(Serde(&tags)),
                related => Value::from(Serde(&related)),
                updated_iso => iso_date(e.updated_at, s.timezone),
                published_long => long_date(e.publish_at, s.timezone, s.language),
                updated,
                locale => self.t.locale,
                body => Value::from_safe_string(body_html),
                gallery => Value::from(Serde(&gallery)),
                lead => Value::from(Serde(&lead)),
                og_image => Value::from(Serde(&og)),
                jsonld => Value::from_safe_string(jsonld),
            },
            weight,
        )
    }
}
