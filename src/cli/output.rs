//! Printing: never panics on a closed pipe (`newsdesk list | head`), one JSON shape per kind.

use std::io::{IsTerminal, Write};

use chrono::{DateTime, FixedOffset, Utc};
use serde_json::{Value, json};

use super::CliMsg;
use crate::domain::snippet::{Piece, render_marked};
use crate::domain::text::{reading_minutes, truncate_to_width, width};
use crate::domain::time::format_time;
use crate::domain::{Article, text};
use crate::i18n::Lang;
use crate::store::ArticleSummary;

/// Writes a line to stdout; a reader that went away is not an error worth a panic.
pub fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
}

pub fn error(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Prints a message on stdout in `lang`.
pub fn tell(lang: Lang, msg: impl Into<CliMsg>) {
    say(&msg.into().text(lang));
}

/// Prints a message on stderr in `lang`.
pub fn complain(lang: Lang, msg: impl Into<CliMsg>) {
    error(&msg.into().text(lang));
}

pub fn print_json(v: &Value) {
    say(&serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into()));
}

fn time(t: Option<DateTime<Utc>>, tz: FixedOffset) -> Value {
    t.map_or(Value::Null, |t| Value::String(format_time(t, tz)))
}

/// The stable list/search object (documented in README).
pub fn summary_json(a: &ArticleSummary, tz: FixedOffset) -> Value {
    json!({
        "id": a.id,
        "slug": a.slug,
        "title": a.title,
        "status": a.status.as_str(),
        "section": a.section,
        "tags": a.tags,
        "byline": a.byline,
        "publish_at": time(a.publish_at, tz),
        "updated_at": time(Some(a.updated_at), tz),
        "updated_by": a.updated_by,
        "word_count": a.word_count,
    })
}

/// `show --json`: the summary fields plus the content.
pub fn article_json(a: &Article, tz: FixedOffset) -> Value {
    let words = text::word_count(&a.body);
    let summary = ArticleSummary {
        id: a.id,
        slug: a.slug.clone(),
        title: a.title.clone(),
        status: a.status,
        section: a.section.clone(),
        tags: a.tags.clone(),
        byline: a.byline.clone(),
        publish_at: a.publish_at,
        updated_at: a.updated_at,
        updated_by: a.updated_by.clone(),
        word_count: words as i64,
    };
    let mut v = summary_json(&summary, tz);
    v["lede"] = json!(a.lede);
    v["body"] = json!(a.body);
    v["signed_by"] = json!(a.signed_by);
    v["version"] = json!(a.version);
    v["created_at"] = time(Some(a.created_at), tz);
    v["created_by"] = json!(a.created_by);
    v["reading_minutes"] = json!(reading_minutes(words));
    v
}

pub fn short_time(t: DateTime<Utc>, tz: FixedOffset) -> String {
    t.with_timezone(&tz).format("%d/%m/%Y %H:%M").to_string()
}

/// Columns for a list line, fitted to the terminal (or 100 columns in a pipe).
pub fn list_line(a: &ArticleSummary, tz: FixedOffset) -> String {
    let cols = terminal_columns();
    let date = short_time(a.publish_at.unwrap_or(a.updated_at), tz);
    let section = truncate_to_width(&a.section, 18);
    let fixed = 7 + 1 + 10 + 1 + 16 + 2 + 2 + width(&section);
    let title = truncate_to_width(&a.title, cols.saturating_sub(fixed).max(10));
    let pad = " ".repeat(
        cols.saturating_sub(fixed)
            .max(10)
            .saturating_sub(width(&title)),
    );
    format!(
        "{:>7} {:<10} {date}  {title}{pad}  {section}",
        a.id,
        a.status.as_str()
    )
    .trim_end()
    .to_string()
}

pub fn snippet_line(pieces: &[Piece]) -> String {
    if std::io::stdout().is_terminal() {
        render_marked(pieces, "\x1b[1m", "\x1b[0m")
    } else {
        render_marked(pieces, "[", "]")
    }
}

fn terminal_columns() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c >= 40)
        .unwrap_or(100)
}
