//! Site settings: the known keys, their defaults, and the rules a value must meet. Pure: the
//! store keeps the strings, this module says what they mean.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{FixedOffset, Offset, Utc};

use super::error::{Result, SiteError, ValueProblem};

/// Every key, its default and what it is for (what `newsdesk site show` prints).
pub const KEYS: &[(&str, &str, &str)] = &[
    (
        "title",
        "newsdesk",
        "the site's name, in every page's header and title",
    ),
    ("tagline", "", "a line under the title"),
    (
        "base_url",
        "https://example.com",
        "the public address (http or https)",
    ),
    ("language", "vi", "vi or en: page chrome and date format"),
    ("per_page", "20", "articles per list page (1–500)"),
    (
        "export_dir",
        "",
        "where `newsdesk export` writes when --out is not given",
    ),
    (
        "sync_command",
        "",
        "run after `export --sync`; {out} is the export path",
    ),
    (
        "sync_timeout",
        "10m",
        "stop the sync command after this long: seconds, or 90s, 10m, 2h (at most 24h)",
    ),
    (
        "templates_dir",
        "",
        "a folder whose templates replace the built-in ones by name",
    ),
    (
        "timezone",
        "+07:00",
        "offset used for the dates shown on the site",
    ),
    (
        "media_max_mb",
        "25",
        "largest photo file `newsdesk media add` accepts, in MB (1–1000)",
    ),
    ("footer_agency", "", "footer: governing agency"),
    ("footer_address", "", "footer: address"),
    ("footer_phone", "", "footer: phone"),
    ("footer_fax", "", "footer: fax"),
    ("footer_email", "", "footer: email"),
    (
        "footer_responsible",
        "",
        "footer: person responsible for the content",
    ),
    (
        "footer_extra",
        "",
        "footer: free lines (separate lines with a newline or \\n)",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Vi,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }
}

/// The footer block a district portal shows under every page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Footer {
    pub agency: String,
    pub address: String,
    pub phone: String,
    pub fax: String,
    pub email: String,
    pub responsible: String,
    pub extra: Vec<String>,
}

/// Settings as values, ready for rendering.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    pub title: String,
    pub tagline: String,
    /// Without a trailing slash: `https://example.com` or `https://example.com/news`.
    pub base_url: String,
    pub language: Language,
    pub per_page: usize,
    pub export_dir: Option<String>,
    pub sync_command: Option<String>,
    pub templates_dir: Option<String>,
    pub timezone: FixedOffset,
    pub footer: Footer,
}

impl Default for Settings {
    /// The same as `from_map` of an empty map (a test keeps the two in step).
    fn default() -> Self {
        Settings {
            title: "newsdesk".into(),
            tagline: String::new(),
            base_url: "https://example.com".into(),
            language: Language::Vi,
            per_page: 20,
            export_dir: None,
            sync_command: None,
            templates_dir: None,
            timezone: vietnam(),
            footer: Footer::default(),
        }
    }
}

fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap_or(Utc.fix())
}

pub fn known_keys() -> String {
    KEYS.iter()
        .map(|(k, _, _)| *k)
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn default_of(key: &str) -> Option<&'static str> {
    KEYS.iter().find(|(k, _, _)| *k == key).map(|(_, d, _)| *d)
}

fn bad(key: &str, value: &str, reason: ValueProblem) -> SiteError {
    SiteError::BadValue {
        key: key.to_string(),
        value: value.to_string(),
        reason,
        stored: false,
    }
}

/// Checks a value for `key` and returns the string to store (trimmed, normalised).
pub fn validate(key: &str, value: &str) -> Result<String> {
    let key_norm = key.trim().to_ascii_lowercase();
    if default_of(&key_norm).is_none() {
        return Err(SiteError::UnknownKey {
            key: key.to_string(),
            known: known_keys(),
        });
    }
    let v = value.trim();
    let key = key_norm.as_str();
    match key {
        "base_url" => {
            let lower = v.to_ascii_lowercase();
            let rest = lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"));
            match rest {
                Some(host) if !host.is_empty() && !host.starts_with('/') => {}
                _ => {
                    return Err(bad(key, v, ValueProblem::NotHttp));
                }
            }
            if v.chars()
                .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
            {
                return Err(bad(key, v, ValueProblem::UnsafeAddress));
            }
            if v.contains(['?', '#']) {
                return Err(bad(key, v, ValueProblem::QueryOrFragment));
            }
            Ok(v.trim_end_matches('/').to_string())
        }
        "language" => match v.to_ascii_lowercase().as_str() {
            "vi" | "en" => Ok(v.to_ascii_lowercase()),
            _ => Err(bad(key, v, ValueProblem::NotALanguage)),
        },
        "per_page" => match v.parse::<usize>() {
            Ok(n) if (1..=500).contains(&n) => Ok(n.to_string()),
            _ => Err(bad(key, v, ValueProblem::PerPage)),
        },
        "media_max_mb" => match v.parse::<u64>() {
            Ok(n) if (1..=1000).contains(&n) => Ok(n.to_string()),
            _ => Err(bad(key, v, ValueProblem::MediaMaxMb)),
        },
        "sync_timeout" => parse_duration(v)
            .filter(|d| (1..=MAX_SYNC_SECS).contains(&d.as_secs()))
            .map(format_duration)
            .ok_or_else(|| bad(key, v, ValueProblem::SyncTimeout)),
        "timezone" => parse_offset(v)
            .map(format_offset)
            .ok_or_else(|| bad(key, v, ValueProblem::NotAnOffset)),
        "title" if v.is_empty() => Err(bad(key, v, ValueProblem::NoTitle)),
        "footer_extra" | "sync_command" => Ok(v.replace("\r\n", "\n")),
        _ if v.contains('\n') => Err(bad(key, v, ValueProblem::NotOneLine)),
        _ => Ok(v.to_string()),
    }
}

/// The photo size limit in megabytes, from the stored settings (the default when unset).
pub fn media_max_mb(stored: &BTreeMap<String, String>) -> Result<u64> {
    let v = match stored.get("media_max_mb") {
        Some(v) => validate("media_max_mb", v)?,
        None => default_of("media_max_mb").unwrap_or("25").to_string(),
    };
    Ok(v.parse().unwrap_or(25))
}

/// The longest `sync_timeout`: a day.
const MAX_SYNC_SECS: u64 = 24 * 3600;

/// How long the sync command may run, from the stored settings (the default when unset).
pub fn sync_timeout(stored: &BTreeMap<String, String>) -> Result<Duration> {
    let v = match stored.get("sync_timeout") {
        Some(v) => validate("sync_timeout", v)?,
        None => default_of("sync_timeout").unwrap_or("10m").to_string(),
    };
    Ok(parse_duration(&v).unwrap_or(Duration::from_secs(600)))
}

/// `90` and `90s` (seconds), `10m`, `2h`: whole numbers only.
pub fn parse_duration(s: &str) -> Option<Duration> {
    let s = s.trim().to_ascii_lowercase();
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => (s.get(..i)?, s.get(i..)?),
        None => (s.as_str(), "s"),
    };
    if digits.is_empty() {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    let secs = match unit {
        "s" => n,
        "m" => n.checked_mul(60)?,
        "h" => n.checked_mul(3600)?,
        _ => return None,
    };
    Some(Duration::from_secs(secs))
}

/// A duration in the largest unit that writes it whole: `90s`, `2m`, `1h`.
pub fn format_duration(d: Duration) -> String {
    match d.as_secs() {
        s if s > 0 && s % 3600 == 0 => format!("{}h", s / 3600),
        s if s > 0 && s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

pub fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = if let Some(rest) = s.strip_prefix('+') {
        (1, rest)
    } else {
        (-1, s.strip_prefix('-')?)
    };
    // Digits only (so `split_at_checked` below cuts between ASCII digits, and `++7` or
    // `+ 7` are not numbers that `parse` would accept).
    if !rest.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => rest.split_at_checked(2)?,
        None => (rest, "0"),
    };
    if h.is_empty() || m.is_empty() || h.len() > 2 || m.len() > 2 {
        return None;
    }
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

pub fn format_offset(tz: FixedOffset) -> String {
    let secs = tz.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let secs = secs.abs();
    format!("{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60)
}

impl Settings {
    /// Builds settings from stored strings; a stored value that no longer passes is refused
    /// with the command that fixes it.
    pub fn from_map(stored: &BTreeMap<String, String>) -> Result<Settings> {
        let get = |key: &str| -> Result<String> {
            match stored.get(key) {
                // A stored value that no longer passes: the edge adds how to fix it.
                Some(v) => validate(key, v).map_err(|e| match e {
                    SiteError::BadValue {
                        key, value, reason, ..
                    } => SiteError::BadValue {
                        key,
                        value,
                        reason,
                        stored: true,
                    },
                    other => other,
                }),
                None => Ok(default_of(key).unwrap_or_default().to_string()),
            }
        };
        let opt =
            |key: &str| -> Result<Option<String>> { Ok(Some(get(key)?).filter(|v| !v.is_empty())) };
        let extra = get("footer_extra")?
            .replace("\\n", "\n")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        Ok(Settings {
            title: get("title")?,
            tagline: get("tagline")?,
            base_url: get("base_url")?,
            language: if get("language")? == "en" {
                Language::En
            } else {
                Language::Vi
            },
            per_page: get("per_page")?.parse().unwrap_or(20),
            export_dir: opt("export_dir")?,
            sync_command: opt("sync_command")?,
            templates_dir: opt("templates_dir")?,
            timezone: parse_offset(&get("timezone")?).unwrap_or_else(vietnam),
            footer: Footer {
                agency: get("footer_agency")?,
                address: get("footer_address")?,
                phone: get("footer_phone")?,
                fax: get("footer_fax")?,
                email: get("footer_email")?,
                responsible: get("footer_responsible")?,
                extra,
            },
        })
    }
}

#[cfg(test)]
#[path = "settings_tests.rs"]
mod tests;
