//! Markdown files with front matter, as Hugo, Zola and Jekyll write them, in and out.
//! Pure: text in, fields out. Reading files and reporting paths is the caller's job.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::article::{Article, ArticleFields};
use super::error::{DomainError, FrontMatterError};
use super::status::Status;
use super::time::{format_time, parse_time};

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

/// A front-matter value reduced to what our keys need.
enum Value {
    Text(String),
    List(Vec<String>),
    Bool(bool),
}

impl Value {
    fn text(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.clone()),
            Value::List(l) => l.first().cloned(),
            Value::Bool(b) => Some(b.to_string()),
        }
    }

    fn list(&self) -> Vec<String> {
        match self {
            Value::Text(s) => vec![s.clone()],
            Value::List(l) => l.clone(),
            Value::Bool(_) => Vec::new(),
        }
    }
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
                let body = &rest[offset + line.len()..];
                return Ok((Some((&rest[..offset], is_toml)), body));
            }
            offset += line.len();
        }
        return Err(bad(FrontMatterError::Unclosed(fence)));
    }
    Ok((None, text))
}

fn yaml_scalar(y: &yaml_rust2::Yaml) -> Option<String> {
    use yaml_rust2::Yaml;
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn parse_yaml(src: &str) -> Result<BTreeMap<String, Value>, DomainError> {
    use yaml_rust2::Yaml;
    let docs = yaml_rust2::YamlLoader::load_from_str(src)
        .map_err(|e| bad(FrontMatterError::BadYaml(e.to_string())))?;
    let mut map = BTreeMap::new();
    let Some(doc) = docs.into_iter().next() else {
        return Ok(map);
    };
    let hash = match doc {
        Yaml::Hash(h) => h,
        Yaml::Null => return Ok(map),
        _ => {
            return Err(bad(FrontMatterError::NotKeyValue));
        }
    };
    for (k, v) in hash {
        let Some(key) = yaml_scalar(&k) else { continue };
        let value = match v {
            Yaml::Boolean(b) => Value::Bool(b),
            Yaml::Array(items) => Value::List(items.iter().filter_map(yaml_scalar).collect()),
            Yaml::Null => continue,
            other => match yaml_scalar(&other) {
                Some(s) => Value::Text(s),
                None => continue,
            },
        };
        map.insert(key.to_lowercase(), value);
    }
    Ok(map)
}

fn toml_scalar(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        _ => None,
    }
}

fn parse_toml(src: &str) -> Result<BTreeMap<String, Value>, DomainError> {
    let table: toml::Table =
        toml::from_str(src).map_err(|e| bad(FrontMatterError::BadToml(e.message().to_string())))?;
    let mut map = BTreeMap::new();
    // Zola keeps categories/tags under [taxonomies]; flatten them.
    let mut entries: Vec<(String, toml::Value)> = Vec::new();
    for (k, v) in table {
        match (k.as_str(), v) {
            ("taxonomies" | "extra", toml::Value::Table(inner)) => entries.extend(inner),
            (_, v) => entries.push((k, v)),
        }
    }
    for (k, v) in entries {
        let value = match v {
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Array(items) => {
                Value::List(items.iter().filter_map(toml_scalar).collect())
            }
            other => match toml_scalar(&other) {
                Some(s) => Value::Text(s),
                None => continue,
            },
        };
        map.insert(k.to_lowercase(), value);
    }
    Ok(map)
}

/// Reads one Markdown document. `tz` is the zone for dates written without an offset.
pub fn parse_document(text: &str, tz: FixedOffset) -> Result<Imported, DomainError> {
    let (front, body) = split(text)?;
    let map = match front {
        Some((src, true)) => parse_toml(src)?,
        Some((src, false)) => parse_yaml(src)?,
        None => BTreeMap::new(),
    };
    let first = |keys: &[&str]| keys.iter().find_map(|k| map.get(*k));
    let text_of = |keys: &[&str]| first(keys).and_then(Value::text).unwrap_or_default();

    let title = text_of(&["title"]);
    if title.trim().is_empty() {
        return Err(DomainError::EmptyTitle);
    }
    let publish_at = match first(&["date", "publish_at", "publishdate"]).and_then(Value::text) {
        None => None,
        Some(s) => {
            Some(parse_time(&s, tz).ok_or_else(|| bad(FrontMatterError::BadDate(s.clone())))?)
        }
    };
    let status = match first(&["status"]).and_then(Value::text) {
        None => None,
        Some(s) => Some(Status::parse(&s)?),
    };
    let draft = match first(&["draft"]) {
        Some(Value::Bool(b)) => *b,
        Some(v) => v.text().is_some_and(|s| s == "true"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn vn() -> FixedOffset {
        FixedOffset::east_opt(7 * 3600).unwrap()
    }

    #[test]
    fn hugo_yaml() {
        let doc = "---\ntitle: \"Hội nghị “Dân vận khéo”\"\ndate: 2026-11-20T08:30:00+07:00\ndraft: true\ncategories: [\"Dân vận\", \"Tin\"]\ntags:\n  - dân vận\n  - hội nghị\nauthor: Nguyễn Văn A\nsummary: Tóm tắt.\nsigned_by: Ban Dân vận Huyện ủy\n---\nNội dung **đậm**.\n";
        let imp = parse_document(doc, vn()).unwrap();
        assert_eq!(imp.fields.title, "Hội nghị “Dân vận khéo”");
        assert_eq!(imp.fields.section, "Dân vận");
        assert_eq!(imp.fields.tags, vec!["dân vận", "hội nghị"]);
        assert_eq!(imp.fields.byline, "Nguyễn Văn A");
        assert_eq!(imp.fields.lede, "Tóm tắt.");
        assert_eq!(imp.fields.signed_by, "Ban Dân vận Huyện ủy");
        assert_eq!(imp.fields.body, "Nội dung **đậm**.\n");
        assert_eq!(
            imp.fields.publish_at,
            Some(Utc.with_ymd_and_hms(2026, 11, 20, 1, 30, 0).unwrap())
        );
        assert_eq!(imp.status(Utc::now()), Status::Draft);
    }

    #[test]
    fn zola_toml_and_jekyll_keys() {
        let doc = "+++\ntitle = \"Tin mới\"\ndate = 2026-11-20\ndescription = \"Mô tả\"\n[taxonomies]\ncategories = [\"Kinh tế\"]\ntags = [\"a\", \"b\"]\n+++\nBody";
        let imp = parse_document(doc, vn()).unwrap();
        assert_eq!(imp.fields.section, "Kinh tế");
        assert_eq!(imp.fields.tags, vec!["a", "b"]);
        assert_eq!(imp.fields.lede, "Mô tả");
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
        assert_eq!(imp.status(now), Status::Published);
        let before = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
        assert_eq!(imp.status(before), Status::Scheduled);

        let jekyll = "---\ntitle: Post\nauthors: [A, B]\ncategory: News\ndate: 2026-11-20 10:00:00 +0700\n---\nx";
        let imp = parse_document(jekyll, vn()).unwrap();
        assert_eq!(imp.fields.byline, "A, B");
        assert_eq!(imp.fields.section, "News");
    }

    #[test]
    fn refusals_name_the_problem() {
        let cases = [
            ("---\ntitle: [unclosed\n---\n", "YAML"),
            ("+++\ntitle = \n+++\n", "TOML"),
            ("---\ntitle: x\n", "never closed"),
            ("---\nslug: x\n---\nbody", "title"),
            ("no front matter", "title"),
            ("---\ntitle: x\ndate: tomorrow\n---\n", "tomorrow"),
            ("---\ntitle: x\nstatus: live\n---\n", "live"),
            ("---\ntitle: x\nslug: ../../etc\n---\n", "slug"),
        ];
        for (doc, want) in cases {
            let err = parse_document(doc, vn()).unwrap_err().to_string();
            assert!(err.contains(want), "{doc:?} gave {err:?}");
        }
    }

    #[test]
    fn nfd_front_matter_comes_out_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let doc: String = "---\ntitle: Đảng ủy xã\n---\nThẩm định".nfd().collect();
        let imp = parse_document(&doc, vn()).unwrap();
        assert_eq!(imp.fields.title, "Đảng ủy xã");
        assert_eq!(imp.fields.body, "Thẩm định");
    }
}
