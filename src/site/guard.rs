//! What keeps rendering total: dates no page can show are refused before anything is
//! written, templates run on a fuel budget sized from the page's own data, and a panic while
//! rendering a page becomes an error naming the page and its article.

use std::panic::{AssertUnwindSafe, catch_unwind};

use chrono::FixedOffset;
use minijinja::value::Value;
use minijinja::{Environment, ErrorKind};
use serde::Serialize;

use super::error::{DateField, PageArticle, PageProblem, Result, SiteError};
use super::i18n::{YEARS, local_year};
use super::plan::{Entry, Kind, Page, Plan};

/// Fuel every page may use whatever its data: the built-in templates use about 1,200 on a
/// page with little data (the 404 page).
pub const FUEL_BASE: u64 = 100_000;
/// Fuel per unit of a page's data (`weight_of`): the built-in templates use at most 1.6 (a
/// list of 500 long items), 0.5 on an article with a 1 MB body. Measured by
/// `builtin_templates_use_a_fraction_of_their_fuel`; the margin leaves room for a site's own
/// templates, and a loop without end still stops in well under a second.
pub const FUEL_PER_WEIGHT: u64 = 32;

/// The article `e` as an error names it.
pub fn article_of(e: &Entry) -> PageArticle {
    PageArticle {
        id: e.id,
        slug: e
            .path
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string(),
        title: e.title.clone(),
    }
}

/// The article a page is, if it is one.
pub fn article_on(plan: &Plan, page: &Page) -> Option<PageArticle> {
    match page.kind {
        Kind::Article(i) => Some(article_of(plan.entry(i))),
        _ => None,
    }
}

/// Refuses the first published article with a date no page can show in the site's zone (RSS
/// needs four-digit years; the years 1000–9999 are what every format agrees on).
pub fn check_dates(plan: &Plan, tz: FixedOffset) -> Result<()> {
    for e in &plan.entries {
        let dates = [
            (DateField::Published, Some(e.publish_at)),
            (DateField::Updated, Some(e.updated_at)),
            (DateField::Updated, e.edited_at),
        ];
        for (field, t) in dates {
            let Some(t) = t else { continue };
            let year = local_year(t, tz);
            if !YEARS.contains(&year) {
                return Err(SiteError::Page {
                    page: format!("{}index.html", e.path),
                    article: Some(article_of(e)),
                    problem: PageProblem::Date { field, year },
                });
            }
        }
    }
    Ok(())
}

/// How much data a template is given, from its JSON form: one unit per 32 bytes (about one
/// per value, plus one per 32 bytes of text). The built-in templates' work is proportional
/// to it; it is counted, never kept.
pub fn weight_of<T: Serialize + ?Sized>(data: &T) -> u64 {
    struct Count(u64);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len() as u64;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, data);
    count.0 / 32 + 1
}

/// The weight of a long text handed to a template as it is (a body's HTML).
pub fn text_weight(text: &str) -> u64 {
    text.len() as u64 / 32
}

/// The fuel a page whose data weighs `weight` may use.
pub fn budget(weight: u64) -> u64 {
    FUEL_BASE.saturating_add(weight.saturating_mul(FUEL_PER_WEIGHT))
}

/// Each templated page's path, the fuel it used and its budget.
pub type FuelLog = std::sync::Mutex<Vec<(String, u64, u64)>>;

/// The page a template renders, for its errors and the fuel log.
pub struct On<'a> {
    pub plan: &'a Plan,
    pub page: &'a Page,
    pub log: Option<&'a FuelLog>,
}

/// Template `name` of `env` rendered with `ctx` on `fuel`; running out names the template
/// and the page.
pub fn render_template(
    env: &Environment<'_>,
    name: &str,
    ctx: Value,
    fuel: u64,
    on: &On<'_>,
) -> Result<Vec<u8>> {
    // Fuel is set per environment: a copy (a few reference counts) carries this page's.
    let mut env = env.clone();
    env.set_fuel(Some(fuel));
    let failed = |e: minijinja::Error| match e.kind() {
        ErrorKind::OutOfFuel => SiteError::Page {
            page: on.page.path.clone(),
            article: article_on(on.plan, on.page),
            problem: PageProblem::OutOfFuel {
                template: e.name().unwrap_or(name).to_string(),
                fuel,
            },
        },
        _ => SiteError::template(&e, name),
    };
    let rendered = env
        .get_template(name)
        .and_then(|t| t.render_captured(ctx))
        .map_err(failed)?;
    if let (Some(log), Some((used, _))) = (on.log, rendered.state().fuel_levels())
        && let Ok(mut log) = log.lock()
    {
        log.push((on.page.path.clone(), used, fuel));
    }
    let mut out = rendered.into_output();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out.into_bytes())
}

/// `f` for `page`, a panic in it turned into an error naming the page and its article.
pub fn caught<R>(plan: &Plan, page: &Page, f: impl FnOnce() -> Result<R>) -> Result<R> {
    // Nothing `f` shares is left half-changed by a panic that matters: the page is failed
    // and the export stops.
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(SiteError::Page {
            page: page.path.clone(),
            article: article_on(plan, page),
            problem: PageProblem::Panicked(message),
        })
    })
}

#[cfg(test)]
#[path = "guard_tests.rs"]
mod tests;
