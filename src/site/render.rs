//! Render: one page at a time, from the plan and (for an article) its body, to bytes. Pure:
//! the same inputs give the same bytes; nothing here reads the clock, the disk or the database.
//! Here is what every page shares and the choice of page; list pages are in `list`, the
//! article page in `article`.

mod article;
mod list;

use minijinja::value::{Serde, Value};
use minijinja::{Environment, context};
use serde::Serialize;

use super::error::{Result, SiteError};
use super::feed;
use super::figure::{Thumb, thumb};
use super::guard;
use super::i18n::{Chrome, chrome, display_date, iso_date};
use super::plan::{Entry, Kind, Page, Plan, dir_url};
use super::settings::Settings;
use super::templates::{STYLE, Templates};

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
}
