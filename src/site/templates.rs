//! The site's templates: built in (compiled into the binary), any of them replaced by a file of
//! the same name in the site's templates folder. Autoescape is on for `.html`; an undefined
//! variable is an error naming the template and line, never an empty string.

use crate::site::IoAction;
use std::hash::Hash;
use std::path::Path;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};

use super::error::{Result, SiteError};

/// The built-in templates, by the name a templates folder overrides them with.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../assets/templates/base.html"),
    ),
    (
        "article.html",
        include_str!("../../assets/templates/article.html"),
    ),
    (
        "list.html",
        include_str!("../../assets/templates/list.html"),
    ),
    ("404.html", include_str!("../../assets/templates/404.html")),
];

/// The stylesheet copied into every export.
pub const STYLE: &str = include_str!("../../assets/static/style.css");

/// Template sources after overrides, in a fixed order.
#[derive(Debug, Clone, Hash)]
pub struct Templates {
    sources: Vec<(String, String)>,
}

impl Templates {
    pub fn builtin() -> Templates {
        Templates {
            sources: BUILTIN
                .iter()
                .map(|(n, s)| (n.to_string(), s.to_string()))
                .collect(),
        }
    }

    /// The built-in templates, each replaced by `dir/<name>` when that file exists.
    pub fn with_overrides(dir: Option<&Path>) -> Result<Templates> {
        let mut t = Templates::builtin();
        let Some(dir) = dir else { return Ok(t) };
        if !dir.is_dir() {
            return Err(SiteError::io(
                IoAction::ReadTemplatesFolder,
                dir,
                std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "not a folder (see `newsdesk site get templates_dir`)",
                ),
            ));
        }
        for (name, source) in &mut t.sources {
            let path = dir.join(name.as_str());
            match std::fs::read_to_string(&path) {
                Ok(s) => *source = s,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(SiteError::io(IoAction::ReadTemplate, &path, e)),
            }
        }
        Ok(t)
    }

    /// A template environment; a syntax error names the template and line.
    pub fn environment(&self) -> Result<Environment<'_>> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        env.set_formatter(html_formatter);
        for (name, source) in &self.sources {
            env.add_template(name, source)
                .map_err(|e| SiteError::template(&e, name))?;
        }
        Ok(env)
    }
}

/// Escapes the five characters that matter in HTML text and attribute values (minijinja's own
/// escaper also turns `/` into `&#x2f;`, which is valid but makes every URL unreadable).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    // Writing into a String cannot fail.
    let _ = escape_html_into(&mut out, s);
    out
}

/// `escape_html` into any writer, copying the runs between special characters whole: pages
/// are mostly text that needs no escaping, and this runs for every value on every page.
pub fn escape_html_into(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The five are ASCII, so `from..i` always falls on character boundaries.
        out.write_str(s.get(from..i).unwrap_or_default())?;
        out.write_str(entity)?;
        from = i + 1;
    }
    out.write_str(s.get(from..).unwrap_or_default())
}

fn html_formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    match (state.auto_escape(), value.as_str()) {
        (AutoEscape::Html, Some(s)) if !value.is_safe() => escape_html_into(out, s)
            .map_err(|_| Error::new(ErrorKind::WriteFailure, "cannot write the page")),
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// JSON that cannot end its `<script>` element early: `<`, `>` and `&` become `\u003c`… (only
/// possible inside strings, where the escape means the same character).
pub fn script_safe_json(v: &serde_json::Value) -> String {
    let raw = serde_json::to_string(v).unwrap_or_else(|_| "{}".into());
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_and_escaped() {
        let mut t = Templates::builtin();
        t.sources.push(("x.html".into(), "{{ a }}|{{ b }}".into()));
        let env = t.environment().unwrap();
        let out = env.get_template("x.html").unwrap().render(minijinja::context! { a => "<a href=\"/x\">'&", b => Value::from_safe_string("<b>".into()) }).unwrap();
        assert_eq!(out, "&lt;a href=&quot;/x&quot;&gt;&#39;&amp;|<b>");
        let e = env
            .get_template("x.html")
            .unwrap()
            .render(minijinja::context! { a => 1 })
            .unwrap_err();
        let e = SiteError::template(&e, "x.html").to_string();
        assert!(e.contains("x.html") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn syntax_errors_name_the_template_and_line() {
        let mut t = Templates::builtin();
        t.sources[1].1 =
            "{% extends \"base.html\" %}\n\n{% block content %}{{ article.title }{% endblock %}"
                .into();
        let e = t.environment().unwrap_err().to_string();
        assert!(e.contains("article.html") && e.contains("line 3"), "{e}");
    }
}
