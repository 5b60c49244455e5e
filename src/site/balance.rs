//! Raw HTML made well nested and shallow before the sanitiser sees it.
//!
//! The HTML tree builder (html5ever, inside ammonia) looks down its stack of open elements
//! for most tags, so a body nesting 100,000 `<div>` takes minutes to clean. This pass reads
//! the markup once, keeps a stack of its own, and writes markup whose structure it decides:
//! every tag it writes is one it parsed and re-serialised, every other `<` is escaped, every
//! element is closed explicitly and in order, and nothing nests deeper than the cap (deeper
//! tags are written as text). The tree builder then never meets a deep or tangled tree, so
//! cleaning is linear in the body's size.
//!
//! It drops what the sanitiser would drop anyway: tags it does not allow (their content
//! stays), comments, doctypes, `<script>` and `<style>` with their content. It never writes
//! an element a browser reads as raw text (`<plaintext>`, `<xmp>`, `<textarea>`…), so
//! nothing typed in a body can swallow what follows it; an unclosed `<!--` or `<script>` is
//! shown as typed instead of hiding the rest of the body.

use std::collections::HashSet;

/// Elements that are never closed.
#[rustfmt::skip]
const VOID: [&str; 16] = [
    "area", "base", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Dropped with their content when their end tag follows (the sanitiser's own rule).
#[rustfmt::skip]
const CONTENT_DROPPED: [&str; 2] = [
    "script", "style",
];

/// Elements whose start closes an open `<p>` (HTML's "close a p element").
#[rustfmt::skip]
const CLOSES_P: [&str; 39] = [
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol",
    "p", "pre", "search", "section", "summary", "table", "ul",
];

/// Where the search for a `<p>` to close stops (HTML's "button scope").
#[rustfmt::skip]
const SCOPE: [&str; 9] = [
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "th",
];

/// Block elements a list item's search stops at (HTML's "special" elements, less address,
/// div and p), among those the sanitiser allows.
#[rustfmt::skip]
const SPECIAL: [&str; 34] = [
    "article", "aside", "blockquote", "caption", "center", "dd", "details", "dir", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "li", "main", "nav", "ol", "pre", "section", "summary", "table", "tbody", "td", "th", "tr",
    "ul",
];

/// A tag as parsed: its name (lower case), attributes, whether it is an end tag, and the
/// byte just after its `>`.
struct Tag<'a> {
    name: String,
    attrs: Vec<(&'a str, &'a str)>,
    end: bool,
    next: usize,
}

/// Whether `name` is one of `names` (sorted: `lists_are_sorted` checks).
fn among(names: &[&str], name: &str) -> bool {
    names.binary_search(&name).is_ok()
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The tag starting at `at` (a `<` followed by a letter, or `</` and a letter), or `None`
/// when the text ends inside it.
fn parse_tag(s: &str, at: usize) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    let end = b.get(at + 1) == Some(&b'/');
    let mut i = at + if end { 2 } else { 1 };
    let start = i;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = s.get(start..i)?.to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        match b.get(i)? {
            b'>' => {
                return Some(Tag {
                    name,
                    attrs,
                    end,
                    next: i + 1,
                });
            }
            _ => {
                let n0 = i;
                i += 1; // a name may start with `=`
                while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                    i += 1;
                }
                let attr = s.get(n0..i)?;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                let mut value = "";
                if b.get(i) == Some(&b'=') {
                    i += 1;
                    while i < b.len() && is_space(b[i]) {
                        i += 1;
                    }
                    match b.get(i)? {
                        &q @ (b'"' | b'\'') => {
                            let close = s.get(i + 1..)?.find(q as char)? + i + 1;
                            value = s.get(i + 1..close)?;
                            i = close + 1;
                        }
                        _ => {
                            let v0 = i;
                            while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                                i += 1;
                            }
                            value = s.get(v0..i)?;
                        }
                    }
                }
                attrs.push((attr, value));
            }
        }
    }
}

/// Where the next `-->` (or `--!>`) ends, from `from`.
fn comment_end(s: &str, from: usize) -> Option<usize> {
    let rest = s.get(from..)?;
    let a = rest.find("-->").map(|i| i + 3);
    let b = rest.find("--!>").map(|i| i + 4);
    match (a, b) {
        (Some(a), Some(b)) => Some(from + a.min(b)),
        (a, b) => a.or(b).map(|e| from + e),
    }
}

/// Where the end tag `</name` that closes raw text ends, from `from`.
fn raw_text_end(s: &str, name: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    while let Some(off) = s.get(i..)?.find("</") {
        let at = i + off;
        let n = at + 2 + name.len();
        let follows = b
            .get(n)
            .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>');
        if s.get(at + 2..n)
            .is_some_and(|t| t.eq_ignore_ascii_case(name))
            && follows
        {
            return parse_tag(s, at).map(|t| t.next);
        }
        i = at + 2;
    }
    None
}

struct Balancer<'a> {
    out: String,
    stack: Vec<String>,
    /// The raw-text elements whose end tag is nowhere after the last search: later searches
    /// would fail too, and searching again for each would be quadratic.
    unended: Vec<String>,
    /// Start tags written as text because the stack was full, not yet matched by an end tag.
    excess: usize,
    allowed: &'a HashSet<&'a str>,
    max_depth: usize,
}

impl Balancer<'_> {
    /// Closes the open elements down to (and with) the one at `index`.
    fn close_to(&mut self, index: usize) {
        while self.stack.len() > index {
            if let Some(name) = self.stack.pop() {
                self.out.push_str("</");
                self.out.push_str(&name);
                self.out.push('>');
            }
        }
    }

    /// The open element the search from the top finds, stopping at `stop`.
    fn find(&self, wanted: &[&str], stop: &dyn Fn(&str) -> bool) -> Option<usize> {
        for (i, open) in self.stack.iter().enumerate().rev() {
            if wanted.contains(&open.as_str()) {
                return Some(i);
            }
            if stop(open) {
                return None;
            }
        }
        None
    }

    /// The end tags HTML implies before this start tag (a new list item closes the last…).
    fn implied(&mut self, name: &str) {
        if among(&CLOSES_P, name)
            && let Some(i) = self.find(&["p"], &|n| among(&SCOPE, n))
        {
            self.close_to(i);
        }
        let closes: &[&str] = match name {
            "li" => &["li"],
            "dd" | "dt" => &["dd", "dt"],
            "tr" => &["tr"],
            "td" | "th" => &["td", "th"],
            "thead" | "tbody" | "tfoot" => &["thead", "tbody", "tfoot"],
            "a" => &["a"],
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if self
                    .stack
                    .last()
                    .is_some_and(|t| t.len() == 2 && t.starts_with('h') && t != "hr")
                {
                    self.close_to(self.stack.len() - 1);
                }
                return;
            }
            _ => return,
        };
        let stop = |n: &str| match name {
            "tr" | "td" | "th" | "thead" | "tbody" | "tfoot" => n == "table",
            "a" => false,
            _ => among(&SPECIAL, n) && !closes.contains(&n),
        };
        if let Some(i) = self.find(closes, &stop) {
            self.close_to(i);
        }
    }

    fn text(&mut self, raw: &str) {
        for (i, part) in raw.split('<').enumerate() {
            if i > 0 {
                self.out.push_str("&lt;");
            }
            self.out.push_str(part);
        }
    }

    fn start(&mut self, tag: &Tag<'_>, raw: &str) {
        let name = tag.name.as_str();
        let void = among(&VOID, name);
        if !void {
            if self.excess > 0 || self.stack.len() >= self.max_depth {
                self.excess += 1;
                self.text(raw);
                return;
            }
            self.implied(name);
        }
        self.out.push('<');
        self.out.push_str(name);
        for (attr, value) in &tag.attrs {
            let plain = attr
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'));
            if attr.is_empty() || !plain {
                continue; // not a name the sanitiser keeps
            }
            self.out.push(' ');
            self.out.push_str(&attr.to_ascii_lowercase());
            self.out.push_str("=\"");
            self.out.push_str(&value.replace('"', "&quot;"));
            self.out.push('"');
        }
        self.out.push('>');
        if !void {
            self.stack.push(tag.name.clone());
        }
    }

    fn end(&mut self, tag: &Tag<'_>, raw: &str) {
        if self.excess > 0 {
            self.excess -= 1;
            self.text(raw);
        } else if let Some(i) = self.find(&[tag.name.as_str()], &|_| false) {
            self.close_to(i);
        }
    }
}

/// `html` well nested, at most `max_depth` elements deep, with only the `allowed` tags.
pub fn balance(html: &str, allowed: &HashSet<&str>, max_depth: usize) -> String {
    let mut b = Balancer {
        out: String::with_capacity(html.len() + html.len() / 8),
        stack: Vec::new(),
        unended: Vec::new(),
        excess: 0,
        allowed,
        max_depth,
    };
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html.get(i..).and_then(|r| r.find('<')) {
        let lt = i + off;
        b.out.push_str(html.get(i..lt).unwrap_or(""));
        let next = bytes.get(lt + 1).copied().unwrap_or(b' ');
        let after = bytes.get(lt + 2).copied().unwrap_or(b' ');
        let skip_to = if html.get(lt..).is_some_and(|r| r.starts_with("<!--")) {
            // `<!-->` and `<!--->` are whole (empty) comments.
            let short = ["<!-->", "<!--->"]
                .iter()
                .find(|p| html.get(lt..).is_some_and(|r| r.starts_with(**p)));
            short
                .map(|p| lt + p.len())
                .or_else(|| comment_end(html, lt + 4))
        } else if next.is_ascii_alphabetic() || (next == b'/' && after.is_ascii_alphabetic()) {
            parse_tag(html, lt).map(|tag| {
                let raw = html.get(lt..tag.next).unwrap_or("");
                if tag.end {
                    if b.allowed.contains(tag.name.as_str()) && !among(&VOID, &tag.name) {
                        b.end(&tag, raw);
                    }
                } else if among(&CONTENT_DROPPED, &tag.name) {
                    if b.unended.contains(&tag.name) {
                        return tag.next;
                    }
                    return raw_text_end(html, &tag.name, tag.next).unwrap_or_else(|| {
                        b.unended.push(tag.name.clone());
                        tag.next
                    });
                } else if b.allowed.contains(tag.name.as_str()) {
                    b.start(&tag, raw);
                }
                tag.next
            })
        } else if matches!(next, b'!' | b'?' | b'/') {
            // Doctypes, processing instructions, `</>`, `</ x>`: bogus comments up to `>`.
            html.get(lt..).and_then(|r| r.find('>')).map(|e| lt + e + 1)
        } else {
            None
        };
        match skip_to {
            Some(n) => i = n,
            None if next.is_ascii_alphabetic() || matches!(next, b'!' | b'?' | b'/') => {
                // Markup the body never ends (a tag, a comment): the rest is shown as typed
                // (a browser would hide it), and not searched again from every later `<`.
                b.text(html.get(lt..).unwrap_or(""));
                i = html.len();
            }
            None => {
                // A `<` that starts nothing, as in `a < b`.
                b.out.push_str("&lt;");
                i = lt + 1;
            }
        }
    }
    b.out.push_str(html.get(i..).unwrap_or(""));
    b.close_to(0);
    b.out
}

#[cfg(test)]
#[path = "balance_tests.rs"]
mod tests;
