//! Render: one page at a time, from the plan and (for an article) its body, to bytes. Pure:
//! the same inputs give the same bytes; nothing here reads the clock, the disk or the database.

use minijinja::value::{Serde, Value};
use minijinja::{Environment, context};
use serde::Serialize;

use super::error::{Result, SiteError};
use super::feed;
use super::figure::{Thumb, article_photos, thumb};
use super::guard;
use super::i18n::{Chrome, chrome, display_date, format_int, iso_date, long_date};
use super::plan::{Entry, Kind, Page, Plan, dir_url, root_of};
use super::settings::Settings;
use super::templates::{STYLE, Templates, script_safe_json};

#[derive(Serialize)]
struct Link {
    name: String,
    url: String,
}

#[derive(Serialize)]
struct FooterCtx<'a> {
    agency: &'a str,
    address: &'a str,
    phone: &'a str,
    fax: &'a str,
    email: &'a str,
    responsible: &'a str,
    extra: &'a [String],
}

/// What every page knows about the site (links in it are relative to the site root).
#[derive(Serialize)]
struct SiteCtx<'a> {
    title: &'a str,
    tagline: &'a str,
    lang: &'static str,
    base_url: &'a str,
    sections: Vec<Link>,
    footer: FooterCtx<'a>,
}

/// An article as a list, a feed or a related list shows it.
#[derive(Serialize)]
struct Item<'a> {
    title: &'a str,
    url: String,
    lede: &'a str,
    byline: &'a str,
    date: String,
    iso: String,
    section: Link,
    /// The lead photo, small (list pages show it).
    thumb: Option<Thumb>,
}

#[derive(Serialize)]
struct Pagination {
    current: u32,
    total: u32,
    /// `current` and `total` as the site's language writes numbers (`1.234`).
    current_label: String,
    total_label: String,
    newer: Option<String>,
    older: Option<String>,
}

#[derive(Serialize)]
struct Meta {
    /// The `<title>`.
    title: String,
    description: String,
    canonical: String,
}

pub struct Renderer<'a> {
    env: Environment<'a>,
    settings: &'a Settings,
    plan: &'a Plan,
    t: Chrome,
    site: Value,
    chrome: Value,
    /// `guard::weight_of` `site` and `chrome`, which every page is given.
    shared_weight: u64,
    /// Where to note each page's fuel (used, budget), when measuring.
    fuel_log: Option<&'a FuelLog>,
}

pub use guard::FuelLog;

impl<'a> Renderer<'a> {
    /// A renderer for `plan`; refuses a plan with a date no page can show (naming the
    /// article) and templates with a syntax error, before any page is written.
    pub fn new(templates: &'a Templates, settings: &'a Settings, plan: &'a Plan) -> Result<Self> {
        guard::check_dates(plan, settings.timezone)?;
        let t = chrome(settings.language);
        let f = &settings.footer;
        let site = SiteCtx {
            title: &settings.title,
            tagline: &settings.tagline,
            lang: settings.language.code(),
            base_url: &settings.base_url,
            sections: plan
                .sections
                .iter()
                .map(|g| Link {
                    name: g.name.clone(),
                    url: format!("{}/", g.slug),
                })
                .collect(),
            footer: FooterCtx {
                agency: &f.agency,
                address: &f.address,
                phone: &f.phone,
                fax: &f.fax,
                email: &f.email,
                responsible: &f.responsible,
                extra: &f.extra,
            },
        };
        let shared_weight = guard::weight_of(&(&site, &t));
        let site = Value::from(Serde(&site));
        let chrome = Value::from(Serde(&t));
        Ok(Renderer {
            env: templates.environment()?,
            settings,
            plan,
            shared_weight,
            fuel_log: None,
            site,
            chrome,
            t,
        })
    }

    /// This renderer, noting each templated page's fuel in `log`.
    pub fn logging_fuel(self, log: &'a FuelLog) -> Self {
        Renderer {
            fuel_log: Some(log),
            ..self
        }
    }

    fn item<'e>(&self, e: &'e Entry, root: &str) -> Item<'e> {
        let s = self.settings;
        let g = self.plan.section_of(e);
        Item {
            title: &e.title,
            url: format!("{root}{}", e.path),
            lede: &e.lede,
            byline: &e.byline,
            date: display_date(e.publish_at, s.timezone, s.language),
            iso: iso_date(e.publish_at, s.timezone),
            section: Link {
                name: g.name.clone(),
                url: format!("{root}{}/", g.slug),
            },
            thumb: e.media.lead.as_ref().and_then(|p| thumb(p, root)),
        }
    }

    /// Renders template `name` for `page`; `weight` is `guard::weight_of` the page's own data.
    fn html(&self, page: &Page, name: &str, ctx: Value, weight: u64) -> Result<Vec<u8>> {
        let fuel = guard::budget(weight + self.shared_weight);
        let on = guard::On {
            plan: self.plan,
            page,
            log: self.fuel_log,
        };
        guard::render_template(&self.env, name, ctx, fuel, &on)
    }

    fn canonical(&self, path: &str) -> String {
        format!("{}/{}", self.settings.base_url, dir_url(path))
    }

    /// Renders one page. `body` is the article's Markdown (only articles need it).
    pub fn render(&self, page: &Page, body: Option<&str>) -> Result<Vec<u8>> {
        let plan = self.plan;
        let s = self.settings;
        match page.kind {
            Kind::Article(i) => self.article(page, plan.entry(i), i, body.unwrap_or("")),
            Kind::Home(k) => self.list(page, "home", self.t.latest, &plan.all(), k, ""),
            Kind::Section(g, k) => {
                let g = &plan.sections[g as usize];
                self.list(
                    page,
                    "section",
                    &g.name,
                    &g.members,
                    k,
                    &format!("{}/", g.slug),
                )
            }
            Kind::Tag(g, k) => {
                let g = &plan.tags[g as usize];
                self.list(
                    page,
                    "tag",
                    &g.name,
                    &g.members,
                    k,
                    &format!("tag/{}/", g.slug),
                )
            }
            Kind::Feed => Ok(feed::rss(plan, s, &plan.all(), &s.title, "", "feed.xml")),
            Kind::SectionFeed(g) => {
                let g = &plan.sections[g as usize];
                let title = format!("{} – {}", g.name, s.title);
                Ok(feed::rss(
                    plan,
                    s,
                    &g.members,
                    &title,
                    &format!("{}/", g.slug),
                    &page.path,
                ))
            }
            Kind::Sitemap(part) => Ok(feed::sitemap(plan, s, part)),
            // Linked from the photo cache by the export, never rendered.
            Kind::Media(..) => Err(SiteError::UnsafePath(page.path.clone())),
            Kind::Robots => Ok(feed::robots(s)),
            Kind::Style => Ok(STYLE.as_bytes().to_vec()),
            Kind::NotFound => {
                let meta = Meta {
                    title: format!("{} – {}", self.t.not_found, s.title),
                    description: self.t.not_found_text.to_string(),
                    canonical: format!("{}/404.html", s.base_url),
                };
                // Served at any depth, so its links are absolute.
                let root = format!("{}/", s.base_url);
                let weight = guard::weight_of(&meta);
                self.html(page, "404.html", context! { site => self.site.clone(), t => self.chrome.clone(), root => root.clone(), home => root, meta => Value::from(Serde(&meta)) }, weight)
            }
        }
    }

    fn list(
        &self,
        page: &Page,
        kind: &str,
        heading: &str,
        members: &[u32],
        k: u32,
        prefix: &str,
    ) -> Result<Vec<u8>> {
        let plan = self.plan;
        let s = self.settings;
        let root = root_of(&page.path);
        let total = plan.page_count(members.len());
        let page_url = |n: u32| {
            if n == 1 {
                format!("{root}{prefix}")
            } else {
                format!("{root}{prefix}page/{n}/")
            }
        };
        let items: Vec<Item> = plan
            .slice(members, k)
            .iter()
            .map(|i| self.item(plan.entry(*i), &root))
            .collect();
        let number = |n: u32| format_int(n.into(), s.language);
        let pagination = Pagination {
            current: k,
            total,
            current_label: number(k),
            total_label: number(total),
            newer: (k > 1).then(|| page_url(k - 1)),
            older: (k < total).then(|| page_url(k + 1)),
        };
        let mut title = if kind == "home" {
            s.title.clone()
        } else {
            format!("{heading} – {}", s.title)
        };
        if k > 1 {
            title = format!("{title} – {} {}", self.t.page, pagination.current_label);
        }
        let description = match kind {
            "home" if !s.tagline.is_empty() => s.tagline.clone(),
            "home" => s.title.clone(),
            "section" => format!("{}: {heading} – {}", self.t.section, s.title),
            _ => format!("{}: {heading} – {}", self.t.tag, s.title),
        };
        let meta = Meta {
            title,
            description,
            canonical: self.canonical(&page.path),
        };
        let feed = if kind == "section" {
            format!("{root}{prefix}feed.xml")
        } else {
            String::new()
        };
        let home = if root.is_empty() {
            "./".to_string()
        } else {
            root.clone()
        };
        let weight = guard::weight_of(&(&items, &pagination, &meta, heading));
        self.html(
            page,
            "list.html",
            context! {
                site => self.site.clone(), t => self.chrome.clone(), root, home, kind, heading,
                items => Value::from(Serde(&items)), pagination => Value::from(Serde(&pagination)),
                meta => Value::from(Serde(&meta)), feed,
            },
            weight,
        )
    }

    fn article(&self, page: &Page, e: &Entry, i: u32, body: &str) -> Result<Vec<u8>> {
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
