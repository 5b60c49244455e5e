//! Markdown files with front matter, as editors and attackers write them, each labelled with
//! what newsdesk must do with it: import it, or refuse it for one named reason.

use proptest::prelude::*;

/// Why a generated file must be refused. A `Doc` without one must import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// A control character (NUL, ESC, DEL, C1…) in the front matter or the body, raw or as a
    /// YAML/TOML escape.
    Control,
    /// Nesting deeper than the front matter allows.
    Deep,
    /// YAML aliases that expand past the value budget ("billion laughs").
    Aliases,
    /// Front matter over the size limit.
    TooLarge,
    /// A date outside the years 1000–9999.
    Date,
    /// A draft value that is not a yes/no word.
    Draft,
    /// A slug of digits only.
    SlugDigits,
    /// A slug over the length limit.
    SlugLong,
    /// Front matter that is never closed.
    Unclosed,
}

const FAULTS: [Fault; 9] = [
    Fault::Control,
    Fault::Deep,
    Fault::Aliases,
    Fault::TooLarge,
    Fault::Date,
    Fault::Draft,
    Fault::SlugDigits,
    Fault::SlugLong,
    Fault::Unclosed,
];

/// One generated file.
#[derive(Debug, Clone)]
pub struct Doc {
    pub text: String,
    pub fault: Option<Fault>,
    /// The title it imports with (when it has no fault).
    pub title: String,
    /// Whether it imports as a draft.
    pub draft: bool,
}

impl Doc {
    /// The same file with `{N}` in its title replaced by `n`, so a batch has distinct titles.
    pub fn numbered(&self, n: usize) -> Doc {
        let n = n.to_string();
        Doc {
            text: self.text.replace("{N}", &n),
            title: self.title.replace("{N}", &n),
            ..self.clone()
        }
    }
}

const WORDS: [&str; 12] = [
    "Hội nghị",
    "dân vận",
    "khéo",
    "năm",
    "Đảng ủy",
    "xã",
    "thẩm định",
    "news",
    "tin",
    "ngân sách",
    "Ưu tiên",
    "2023",
];
/// Draft spellings newsdesk accepts, with their meaning (any case).
const DRAFT_OK: [(&str, bool); 10] = [
    ("true", true),
    ("false", false),
    ("yes", true),
    ("no", false),
    ("on", true),
    ("off", false),
    ("y", true),
    ("n", false),
    ("1", true),
    ("0", false),
];
const DRAFT_BAD: [&str; 8] = ["maybe", "2", "-1", "yess", "ja", "", "null", "truee"];
/// Dates chrono reads but no page or feed can show.
const DATE_BAD: [&str; 7] = [
    "-0001-01-01",
    "+10000-01-01",
    "0999-12-31",
    "0001-01-01T00:00:00Z",
    "-9999-12-31",
    "9999-12-31T23:00:00-05:00",
    "31/12/0999 10:00",
];
const CONTROLS: [char; 11] = [
    '\0', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}',
    '\u{9b}',
];

/// What a file is made of; `build` writes it.
#[derive(Debug, Clone)]
struct Plan {
    toml: bool,
    title: Vec<usize>,
    /// Index into `DRAFT_OK`, upper-cased or not, quoted or not.
    draft: Option<(usize, bool, bool)>,
    /// Year, month, day, hour, minute, format.
    date: Option<(i32, u32, u32, u32, u32, usize)>,
    /// 0 nothing, 1 nesting, 2 aliases, 3 many keys, 4 a long summary, 5 tags.
    extra: (usize, usize),
    body: Vec<(bool, Vec<usize>)>,
    crlf: bool,
    bom: bool,
    fault: Option<(Fault, usize)>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        any::<bool>(),
        prop::collection::vec(0..WORDS.len(), 1..5),
        prop::option::of((0..DRAFT_OK.len(), any::<bool>(), any::<bool>())),
        prop::option::of((
            1001..=9998i32,
            1..=12u32,
            1..=28u32,
            0..24u32,
            0..60u32,
            0..4usize,
        )),
        (0..6usize, 0..3000usize),
        prop::collection::vec(
            (any::<bool>(), prop::collection::vec(0..WORDS.len(), 1..12)),
            1..20,
        ),
        (any::<bool>(), any::<bool>()),
        prop::option::of((0..FAULTS.len(), 0..100_000usize)),
    )
        .prop_map(
            |(toml, title, draft, date, extra, body, (crlf, bom), fault)| Plan {
                toml,
                title,
                draft,
                date,
                extra,
                body,
                crlf,
                bom,
                fault: fault.map(|(f, n)| (FAULTS[f], n)),
            },
        )
}

/// A file that must import, or be refused for the one fault it carries.
pub fn doc() -> impl Strategy<Value = Doc> {
    plan().prop_map(build)
}

/// A batch of files with distinct titles.
pub fn batch(max: usize) -> impl Strategy<Value = Vec<Doc>> {
    prop::collection::vec(doc(), 1..=max).prop_map(|docs| {
        docs.iter()
            .enumerate()
            .map(|(i, d)| d.numbered(i))
            .collect()
    })
}

/// `key: value` or `key = value`.
fn line(toml: bool, key: &str, value: &str) -> String {
    if toml {
        format!("{key} = {value}\n")
    } else {
        format!("{key}: {value}\n")
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `depth` collections nested under `key` (the top-level table counts as one more).
fn nested(toml: bool, key: &str, depth: usize, style: usize) -> String {
    match (toml, style % 3) {
        (true, 0) | (false, 0) => {
            let v = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
            line(toml, key, &v)
        }
        (true, _) => {
            let v = format!("{}1{}", "{a = ".repeat(depth), "}".repeat(depth));
            line(toml, key, &v)
        }
        (false, 1) => format!("{key}:\n{}1\n", "- ".repeat(depth)),
        (false, _) => {
            // Block mappings, each indented one more step.
            let mut s = format!("{key}:\n");
            for level in 1..depth {
                s.push_str(&format!("{}a:\n", " ".repeat(level)));
            }
            s.push_str(&format!("{}a: 1\n", " ".repeat(depth)));
            s
        }
    }
}

/// Anchors `a0`…: each a list of `width` aliases of the one before.
fn laughs(width: usize, levels: usize) -> String {
    let mut s = format!("a0: &a0 [{}]\n", vec!["lol"; width].join(", "));
    for l in 1..levels {
        let refs = vec![format!("*a{}", l - 1); width].join(", ");
        s.push_str(&format!("a{l}: &a{l} [{refs}]\n"));
    }
    s
}

fn build(p: Plan) -> Doc {
    let toml = p.toml;
    let fault = p.fault.map(|(f, _)| f);
    let n = p.fault.map_or(0, |(_, n)| n);
    let words: Vec<&str> = p.title.iter().map(|&i| WORDS[i]).collect();
    let title = format!("{} {{N}}", words.join(" "));
    let mut front = String::new();
    let mut shown_title = quoted(&title);
    if fault == Some(Fault::Control) && n.is_multiple_of(3) {
        // An escape the parser turns into a control character inside the title.
        let escape = if toml || n.is_multiple_of(2) {
            "\\u0000"
        } else {
            "\\x1b"
        };
        shown_title = format!("\"{title}{escape}\"");
    }
    front.push_str(&line(toml, "title", &shown_title));
    let mut draft = false;
    if fault == Some(Fault::Draft) {
        let bad = DRAFT_BAD[n % DRAFT_BAD.len()];
        // `null` unquoted and the empty value are YAML's null: no answer is not an answer.
        let v = if toml || n.is_multiple_of(2) {
            quoted(bad)
        } else {
            bad.to_string()
        };
        front.push_str(&line(toml, "draft", &v));
    } else if let Some((i, upper, quote)) = p.draft {
        let (word, meaning) = DRAFT_OK[i];
        draft = meaning;
        let word = if upper {
            word.to_uppercase()
        } else {
            word.to_string()
        };
        let v = match (toml, quote) {
            (true, false) if word == "true" || word == "false" || word == "1" || word == "0" => {
                word
            }
            (_, true) | (true, false) => quoted(&word),
            (false, false) => word,
        };
        front.push_str(&line(toml, "draft", &v));
    }
    if fault == Some(Fault::Date) {
        front.push_str(&line(toml, "date", &quoted(DATE_BAD[n % DATE_BAD.len()])));
    } else if let Some((y, mo, d, h, mi, f)) = p.date {
        let v = match f {
            0 => format!("{y:04}-{mo:02}-{d:02}"),
            1 => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00+07:00"),
            2 => format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}"),
            _ => format!("{d:02}/{mo:02}/{y:04} {h:02}:{mi:02}"),
        };
        front.push_str(&line(toml, "date", &quoted(&v)));
    }
    match fault {
        Some(Fault::SlugDigits) => front.push_str(&line(toml, "slug", &quoted(&n.to_string()))),
        Some(Fault::SlugLong) => {
            front.push_str(&line(toml, "slug", &quoted(&"a".repeat(201 + n % 300))));
        }
        _ => {}
    }
    let (kind, size) = p.extra;
    match kind {
        1 => front.push_str(&nested(toml, "junk", 1 + size % 30, size)),
        2 if !toml => front.push_str(&laughs(2 + size % 4, 1 + size % 4)),
        3 => {
            for k in 0..size % 1500 {
                front.push_str(&line(toml, &format!("k{k}"), &quoted("v")));
            }
        }
        4 => front.push_str(&line(toml, "summary", &quoted(&"tóm tắt ".repeat(size)))),
        5 => front.push_str(&line(toml, "tags", "[\"dân vận\", \"tin\"]")),
        _ => {}
    }
    match fault {
        Some(Fault::Deep) => {
            // Block mappings grow with the square of their depth: keep them under the size limit.
            let style = n / 7;
            let depth = if !toml && style % 3 == 2 {
                32 + n % 60
            } else {
                32 + n % 2000
            };
            front.push_str(&nested(toml, "deep", depth, style));
        }
        // TOML has no aliases: a billion-laughs file is YAML whatever the plan said.
        Some(Fault::Aliases) => {
            let width = 5 + n % 6;
            let levels = 8 + n % 2;
            front = format!("title: {}\n{}", quoted(&title), laughs(width, levels));
            return finish(p, false, front, fault, title, false);
        }
        Some(Fault::TooLarge) => {
            let value = "x".repeat(65 * 1024 + n % (64 * 1024));
            front.push_str(&line(toml, "summary", &quoted(&value)));
        }
        _ => {}
    }
    finish(p, toml, front, fault, title, draft)
}

fn finish(
    p: Plan,
    toml: bool,
    mut front: String,
    fault: Option<Fault>,
    title: String,
    draft: bool,
) -> Doc {
    let n = p.fault.map_or(0, |(_, n)| n);
    let mut body = String::new();
    for (tab, words) in &p.body {
        if *tab {
            body.push('\t');
        }
        let ws: Vec<&str> = words.iter().map(|&i| WORDS[i]).collect();
        body.push_str(&ws.join(" "));
        body.push('\n');
    }
    if fault == Some(Fault::Control) && !n.is_multiple_of(3) {
        let c = CONTROLS[n % CONTROLS.len()];
        if n % 3 == 1 {
            // Raw, at a line start in the front matter: the keys after it must not be read.
            front.insert(0, c);
        } else {
            let at = body
                .char_indices()
                .nth(n % body.chars().count())
                .map_or(0, |(i, _)| i);
            body.insert(at, c);
        }
    }
    let fence = if toml { "+++" } else { "---" };
    let close = if fault == Some(Fault::Unclosed) {
        String::new()
    } else {
        format!("{fence}\n")
    };
    let mut text = format!("{fence}\n{front}{close}{body}");
    if p.crlf {
        text = text.replace('\n', "\r\n");
    }
    if p.bom {
        text.insert(0, '\u{feff}');
    }
    Doc {
        text,
        fault,
        title,
        draft,
    }
}
