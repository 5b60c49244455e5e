//! List pages: the home page, a section's and a tag's, one page of `per_page` articles each.

use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::{Item, Meta, Renderer};
use crate::site::error::Result;
use crate::site::guard;
use crate::site::i18n::format_int;
use crate::site::plan::{Page, root_of};

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

impl Renderer<'_> {
    pub(super) fn list(
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
}
