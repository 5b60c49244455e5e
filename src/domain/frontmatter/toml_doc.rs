//! TOML front matter (Zola, Hugo's `+++`), read into its top-level keys. The toml crate stops
//! at 80 levels of nesting by itself; we refuse past `MAX_DEPTH`, as for YAML, and name lines
//! from the spans it keeps.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Keys, MAX_DEPTH, Value, bad, first_control, insert_key};
use crate::domain::error::{DomainError, FrontMatterError};

/// The file line of a byte offset in the front matter, which starts on the file's second line.
fn line_at(src: &str, at: usize) -> usize {
    let before = src.get(..at).unwrap_or(src);
    before.matches('\n').count() + 2
}

fn toml_error(src: &str, e: &toml::de::Error) -> DomainError {
    let line = e.span().map_or(1, |s| line_at(src, s.start));
    if e.message().contains("max recursion depth") {
        return bad(FrontMatterError::TooDeep {
            line,
            limit: MAX_DEPTH,
        });
    }
    bad(FrontMatterError::BadToml(format!(
        "{} at line {line}",
        e.message()
    )))
}

/// Refuses a control character written as an escape (`"\u0000"`; raw ones were refused
/// before parsing) in a key or a string, naming the line of the key or value.
fn check_text<T>(src: &str, text: &str, at: &Spanned<T>) -> Result<(), DomainError> {
    match first_control(text) {
        Some((_, code)) => Err(bad(FrontMatterError::ControlChar {
            line: line_at(src, at.span().start),
            code,
        })),
        None => Ok(()),
    }
}

/// Refuses nesting past `MAX_DEPTH` (the top-level table is level 1) and escaped control
/// characters. Recursion is bounded by the toml crate's own limit.
fn check(src: &str, value: &Spanned<DeValue>, depth: usize) -> Result<(), DomainError> {
    match value.get_ref() {
        DeValue::String(s) => check_text(src, s, value),
        DeValue::Array(_) | DeValue::Table(_) if depth > MAX_DEPTH => {
            Err(bad(FrontMatterError::TooDeep {
                line: line_at(src, value.span().start),
                limit: MAX_DEPTH,
            }))
        }
        DeValue::Array(items) => items.iter().try_for_each(|i| check(src, i, depth + 1)),
        DeValue::Table(table) => table.iter().try_for_each(|(k, v)| {
            check_text(src, k.get_ref(), k)?;
            check(src, v, depth + 1)
        }),
        _ => Ok(()),
    }
}

fn scalar(v: &DeValue) -> Option<String> {
    match v {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Integer(i) => Some(i.as_str().to_string()),
        DeValue::Float(f) => Some(f.as_str().to_string()),
        DeValue::Boolean(b) => Some(b.to_string()),
        DeValue::Datetime(d) => Some(d.to_string()),
        DeValue::Array(_) | DeValue::Table(_) => None,
    }
}

/// Reads TOML front matter into its top-level keys.
pub(super) fn read(src: &str) -> Result<Keys, DomainError> {
    let table: Spanned<DeTable> = DeTable::parse(src).map_err(|e| toml_error(src, &e))?;
    let mut entries: Vec<(&str, &DeValue)> = Vec::new();
    for (k, v) in table.get_ref() {
        check_text(src, k.get_ref(), k)?;
        check(src, v, 2)?;
        match (k.get_ref().as_ref(), v.get_ref()) {
            // Zola keeps categories/tags under [taxonomies]; flatten them.
            ("taxonomies" | "extra", DeValue::Table(inner)) => {
                entries.extend(
                    inner
                        .iter()
                        .map(|(k, v)| (k.get_ref().as_ref(), v.get_ref())),
                );
            }
            (k, v) => entries.push((k, v)),
        }
    }
    let mut keys = Keys::new();
    for (k, v) in entries {
        let value = match v {
            DeValue::Boolean(b) => Value::Bool(*b),
            DeValue::Array(items) => {
                Value::List(items.iter().filter_map(|i| scalar(i.get_ref())).collect())
            }
            DeValue::Table(_) => Value::Nested,
            other => Value::Text(scalar(other).unwrap_or_default()),
        };
        insert_key(&mut keys, k, value)?;
    }
    Ok(keys)
}
