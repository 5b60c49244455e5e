//! Markdown files with front matter, as Hugo, Zola and Jekyll write them, in and out.
//! Pure: text in, fields out. Reading files and reporting paths is the caller's job.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::article::{Article, ArticleFields};
use super::error::{DomainError, FrontMatterError};
use super::status::Status;
use super::time::{format_time, read_time};

#[cfg(test)]
mod tests;
mod toml_doc;
mod yaml;

/// What one file says about an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub fields: ArticleFields,
    /// An explicit `status:` key.
    pub status: Option<Status>,
    /// Hugo/Jekyll's `draft: true`.
    pub draft: bool,
}

impl Imported {
    /// The status the article gets: an explicit status, else draft, else published
    /// (scheduled when its date is still to come, as Hugo treats future posts).
    pub fn status(&self, now: DateTime<Utc>) -> Status {
        if let Some(s) = self.status {
            return s;
        }
        if self.draft {
            return Status::Draft;
        }
        match self.fields.publish_at {
            Some(at) if at > now => Status::Scheduled,
            _ => Status::Published,
        }
    }
}

/// The most front matter read, in bytes: hundreds of times what an article's keys need, and
/// small enough that any YAML or TOML in it parses in milliseconds.
pub const MAX_FRONT_MATTER: usize = 64 * 1024;
/// The deepest nesting of lists and maps, the top-level keys counting as one level.
pub const MAX_DEPTH: usize = 32;
/// The most values YAML front matter may stand for, each alias counted as the values of its
/// anchor. No file within `MAX_FRONT_MATTER` holds this many without aliases.
pub const MAX_VALUES: usize = 65_536;

/// A front-matter value reduced to what our keys need.
enum Value {
    Text(String),
    List(Vec<String>),
    Bool(bool),
    /// A key written without a value (`draft:`).
    Null,
    /// A table or map: no key of ours takes one.
    Nested,
}

impl Value {
    fn text(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.clone()),
            Value::List(l) => l.first().cloned(),
            Value::Bool(b) => Some(b.to_string()),
            Value::Null | Value::Nested => None,
        }
    }

    fn list(&self) -> Vec<String> {
        match self {
            Value::Text(s) => vec![s.clone()],
            Value::List(l) => l.clone(),
            Value::Bool(_) | Value::Null | Value::Nested => Vec::new(),
        }
    }

    /// `draft:` as Hugo reads it, YAML 1.1's yes/no words included; anything else is refused
    /// rather than guessed, since a wrong guess publishes a draft.
    fn flag(&self) -> Result<bool, DomainError> {
        let word = match self {
            Value::Bool(b) => return Ok(*b),
            Value::Text(s) => s.trim().to_ascii_lowercase(),
            Value::Null => String::new(),
            Value::List(l) => format!("[{}]", l.join(", ")),
            Value::Nested => "{…}".to_string(),
        };
        match word.as_str() {
            "true" | "yes" | "on" | "y" | "1" => Ok(true),
            "false" | "no" | "off" | "n" | "0" => Ok(false),
            _ => Err(bad(FrontMatterError::BadDraft(match self {
                Value::Text(s) => s.clone(),
                _ => word,
            }))),
        }
    }
}

/// Top-level keys, lower-cased.
type Keys = BTreeMap<String, Value>;

/// Adds a key; one given twice (in any case) is refused, not silently taken from either.
fn insert_key(keys: &mut Keys, key: &str, value: Value) -> Result<(), DomainError> {
    let key = key.to_lowercase();
    if keys.contains_key(&key) {
        return Err(bad(FrontMatterError::DuplicateKey(key)));
    }
    keys.insert(key, value);
    Ok(())
}

/// The first control character other than tab, CR and LF, with its line (1-based) and code:
/// C0, DEL and C1 (U+0080–U+009F, which UTF-8 writes as C2 80–C2 9F).
fn first_control(text: &str) -> Option<(usize, u32)> {
    let bytes = text.as_bytes();
    let mut line = 1;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' => line += 1,
            b'\t' | b'\r' => {}
            0..=0x1f | 0x7f => return Some((line, u32::from(b))),
            // 0xC2 is always a lead byte in valid UTF-8.
            0xc2 => {
                if let Some(&next @ 0x80..=0x9f) = bytes.get(i + 1) {
                    return Some((line, u32::from(next)));
                }
            }
            _ => {}
        }
    }
    None
}

fn bad(problem: FrontMatterError) -> DomainError {
    DomainError::BadFrontMatter(problem)
}

/// Front matter source and whether it is TOML.
type Front<'a> = Option<(&'a str, bool)>;

/// Splits `---` YAML or `+++` TOML front matter from the body.
fn split(text: &str) -> Result<(Front<'_>, &str), DomainError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (fence, is_toml) in [("---", false), ("+++", true)] {
        let Some(rest) = text.strip_prefix(fence) else {
            continue;
        };
        let rest = rest.trim_start_matches([' ', '\t']);
        let Some(rest) = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix('\n'))
        else {
            continue;
        };
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            let bare = line.trim_end();
            if bare == fence || (!is_toml && bare == "...") {
                // Offsets come from whole lines, so both are character boundaries.
                let front = rest.get(..offset).unwrap_or_default();
                let body = rest.get(offset + line.len()..).unwrap_or_default();
                return Ok((Some((front, is_toml)), body));
            }
            offset += line.len();
        }
        return Err(bad(FrontMatterError::Unclosed(fence)));
    }
    Ok((None, text))
}

/// Reads one Markdown document. `tz` is the zone for dates written without an offset.
/// Refused, naming the reason: a control character anywhere (nothing after it is guessed),
/// front matter over `MAX_FRONT_MATTER`, nested past `MAX_DEPTH` or standing for more than
/// `MAX_VALUES` values, a time outside `time::YEARS`, a draft value that is not a yes/no word,
/// a slug `check_slug` refuses.
pub fn parse_document(text: &str, tz: FixedOffset) -> Result<Imported, DomainError> {
    if let Some((line, code)) = first_control(text) {
        return Err(bad(FrontMatterError::ControlChar { line, code }));
    }
    let (front, body) = split(text)?;
    let map = match front {
        Some((src, _)) if src.len() > MAX_FRONT_MATTER => {
            return Err(bad(FrontMatterError::TooLarge {
                bytes: src.len(),
                limit: MAX_FRONT_MATTER,
            }));
        }
        Some((src, true)) => toml_doc::read(src)?,
        Some((src, false)) => yaml::read(src)?,
        None => Keys::new(),
    };
    // A key without a value is as good as absent, except `draft` (see `Value::flag`).
    let first = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| map.get(*k).filter(|v| !matches!(v, Value::Null)))
    };
    let text_of = |keys: &[&str]| first(keys).and_then(Value::text).unwrap_or_default();

    let title = text_of(&["title"]);
    if title.trim().is_empty() {
        return Err(DomainError::EmptyTitle);
    }
    let publish_at = match first(&["date", "publish_at", "publishdate"]).and_then(Value::text) {
        None => None,
        Some(s) => {
            Some(read_time(&s, tz)?.ok_or_else(|| bad(FrontMatterError::BadDate(s.clone())))?)
        }
    };
    let status = match first(&["status"]).and_then(Value::text) {
        None => None,
        Some(s) => Some(Status::parse(&s)?),
    };
    let draft = match map.get("draft") {
        Some(v) => v.flag()?,
        None => false,
    };
    let byline = match first(&["byline", "author", "authors"]) {
        Some(v) => v.list().join(", "),
        None => String::new(),
    };
    let slug = first(&["slug"]).and_then(Value::text);
    if let Some(s) = &slug {
        super::slug::check_slug(s)?;
    }
    let fields = ArticleFields {
        slug,
        title,
        lede: text_of(&["lede", "summary", "description"]),
        body: body.to_string(),
        byline,
        signed_by: text_of(&["signed_by"]),
        section: first(&["section", "categories", "category"])
            .and_then(Value::text)
            .unwrap_or_default(),
        tags: first(&["tags"]).map(Value::list).unwrap_or_default(),
        publish_at,
    };
    Ok(Imported {
        fields: fields.normalized(),
        status,
        draft,
    })
}

#[derive(Serialize)]
struct FrontOut<'a> {
    title: &'a str,
    slug: &'a str,
    status: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    section: &'a str,
    tags: &'a [String],
    byline: &'a str,
    lede: &'a str,
    signed_by: &'a str,
}

/// Writes an article as `+++` TOML front matter and its body; `parse_document` reads it back
/// to the same fields and status.
pub fn render_document(a: &Article, tz: FixedOffset) -> String {
    let front = FrontOut {
        title: &a.title,
        slug: &a.slug,
        status: a.status.as_str(),
        date: a.publish_at.map(|t| format_time(t, tz)),
        section: &a.section,
        tags: &a.tags,
        byline: &a.byline,
        lede: &a.lede,
        signed_by: &a.signed_by,
    };
    // Serialising plain strings and string lists cannot fail; fall back to a title-only header.
    let toml = toml::to_string(&front).unwrap_or_else(|_| format!("title = {:?}\n", a.title));
    format!("+++\n{toml}+++\n{}", a.body)
}
