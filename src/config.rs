//! The personal config file, `<config dir>/newsdesk/config.toml` (`~/.config/newsdesk/…` on
//! Linux, honouring `XDG_CONFIG_HOME`):
//!
//! ```toml
//! lang = "vi"            # or "en"
//! typing = "telex"       # the typing mode newsdesk starts in: "en", "telex" or "vni"
//! tone_style = "new"     # "traditional" (hòa, the default) or "new" (hoà)
//! w_alone = "w"          # "u" (a lone w types ư, the default) or "w"
//! ```
//!
//! A typo never stops newsdesk: an unknown key or a bad value is reported on one line naming
//! the file, the key and what is allowed, and the rest of the file still applies.

use std::path::{Path, PathBuf};

use crate::domain::vietime::ToneStyle;
use crate::i18n::Lang;

/// The typing mode newsdesk starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartTyping {
    English,
    Telex,
    Vni,
}

/// What the file sets; `None` where it says nothing (or something unusable).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub typing: Option<StartTyping>,
    pub tone_style: Option<ToneStyle>,
    pub w_alone_is_u: Option<bool>,
}

/// Something in the file that was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file exists but cannot be read.
    Unreadable(String),
    /// Not TOML: nothing in it applies.
    Syntax {
        line: Option<usize>,
        detail: String,
    },
    UnknownKey(String),
    BadValue {
        key: &'static str,
        /// As written in the file (`"telx"`, `3`).
        value: String,
        allowed: &'static [&'static str],
    },
}

/// The keys, and the values each one allows.
const KEYS: [(&str, &[&str]); 4] = [
    ("lang", &["vi", "en"]),
    ("typing", &["en", "telex", "vni"]),
    ("tone_style", &["traditional", "new"]),
    ("w_alone", &["u", "w"]),
];

/// The person's choices for this run: the interface language and the config file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefs {
    pub lang: Lang,
    pub config: Config,
}

impl Prefs {
    /// Reads the config file, chooses the language (`--lang`, the file, the locale) and
    /// reports what in the file was ignored on stderr, in that language.
    pub fn load(flag: Option<Lang>) -> Prefs {
        let (config, problems, path) = match path() {
            Some(p) => {
                let (c, problems) = read(&p);
                (c, problems, p)
            }
            None => (Config::default(), Vec::new(), PathBuf::new()),
        };
        let lang = crate::i18n::choose(flag, config.lang, &crate::i18n::Locale::from_env());
        for p in problems {
            eprintln!("{}", p.message(&path, lang));
        }
        Prefs { lang, config }
    }
}

/// Where the file is: `<config dir>/newsdesk/config.toml`.
pub fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "newsdesk").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the file at `path`; a missing file is no problem (everything is at its default).
pub fn read(path: &Path) -> (Config, Vec<Problem>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (Config::default(), vec![Problem::Unreadable(e.to_string())]),
    }
}

/// Parses the file's text, keeping every good key and reporting the rest.
pub fn parse(text: &str) -> (Config, Vec<Problem>) {
    let table = match text.parse::<toml::Table>() {
        Ok(t) => t,
        Err(e) => {
            let line = e
                .span()
                .map(|s| text.get(..s.start).unwrap_or(text).matches('\n').count() + 1);
            let detail = e.message().trim().replace('\n', " ");
            return (Config::default(), vec![Problem::Syntax { line, detail }]);
        }
    };
    let mut config = Config::default();
    let mut problems = Vec::new();
    for (key, value) in &table {
        let Some(&(name, allowed)) = KEYS.iter().find(|(k, _)| k == key) else {
            problems.push(Problem::UnknownKey(key.clone()));
            continue;
        };
        let choice = value
            .as_str()
            .map(|v| v.trim().to_ascii_lowercase())
            .and_then(|v| allowed.iter().position(|a| *a == v));
        let Some(i) = choice else {
            problems.push(Problem::BadValue {
                key: name,
                value: value.to_string(),
                allowed,
            });
            continue;
        };
        match name {
            "lang" => config.lang = Some([Lang::Vi, Lang::En][i]),
            "typing" => {
                config.typing =
                    Some([StartTyping::English, StartTyping::Telex, StartTyping::Vni][i])
            }
            "tone_style" => {
                config.tone_style = Some([ToneStyle::Traditional, ToneStyle::New][i]);
            }
            _ => config.w_alone_is_u = Some(i == 0),
        }
    }
    (config, problems)
}

/// "a, b or c" / "a, b hoặc c".
fn one_of(values: &[&str], or: &str) -> String {
    match values {
        [] => String::new(),
        [one] => format!("\"{one}\""),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|v| format!("\"{v}\"")).collect();
            format!("{} {or} \"{last}\"", rest.join(", "))
        }
    }
}

impl Problem {
    /// One line for stderr, naming the file.
    pub fn message(&self, path: &Path, lang: Lang) -> String {
        let file = path.display();
        let keys: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
        match (lang, self) {
            (Lang::En, Problem::Unreadable(e)) => {
                format!("newsdesk: cannot read {file} ({e}); using the defaults")
            }
            (Lang::Vi, Problem::Unreadable(e)) => {
                format!("newsdesk: không đọc được {file} ({e}); dùng cài đặt mặc định")
            }
            (Lang::En, Problem::Syntax { line, detail }) => match line {
                Some(n) => format!(
                    "newsdesk: {file}, line {n}: not valid TOML ({detail}); using the defaults"
                ),
                None => format!("newsdesk: {file}: not valid TOML ({detail}); using the defaults"),
            },
            (Lang::Vi, Problem::Syntax { line, detail }) => match line {
                Some(n) => format!(
                    "newsdesk: {file}, dòng {n}: sai cú pháp TOML ({detail}); dùng cài đặt mặc định"
                ),
                None => {
                    format!("newsdesk: {file}: sai cú pháp TOML ({detail}); dùng cài đặt mặc định")
                }
            },
            (Lang::En, Problem::UnknownKey(k)) => format!(
                "newsdesk: {file}: unknown key “{k}” ignored (known keys: {})",
                keys.join(", ")
            ),
            (Lang::Vi, Problem::UnknownKey(k)) => format!(
                "newsdesk: {file}: bỏ qua khóa lạ “{k}” (các khóa hợp lệ: {})",
                keys.join(", ")
            ),
            (
                Lang::En,
                Problem::BadValue {
                    key,
                    value,
                    allowed,
                },
            ) => format!(
                "newsdesk: {file}: {key} = {value} is not allowed: use {}; using the default",
                one_of(allowed, "or")
            ),
            (
                Lang::Vi,
                Problem::BadValue {
                    key,
                    value,
                    allowed,
                },
            ) => format!(
                "newsdesk: {file}: {key} = {value} không hợp lệ: chọn {}; dùng giá trị mặc định",
                one_of(allowed, "hoặc")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_sets_every_key() {
        let (c, problems) =
            parse("lang = \"vi\"\ntyping = \"vni\"\ntone_style = \"new\"\nw_alone = \"w\"\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            c,
            Config {
                lang: Some(Lang::Vi),
                typing: Some(StartTyping::Vni),
                tone_style: Some(ToneStyle::New),
                w_alone_is_u: Some(false),
            }
        );
        let (c, _) = parse("typing = \"Telex\"\nw_alone = \"u\"\nlang = \"en\"");
        assert_eq!(c.typing, Some(StartTyping::Telex));
        assert_eq!(c.w_alone_is_u, Some(true));
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(parse("# nothing yet\n"), (Config::default(), Vec::new()));
    }

    #[test]
    fn an_unknown_key_is_reported_and_the_rest_applies() {
        let (c, problems) = parse("langue = \"vi\"\ntyping = \"telex\"\n");
        assert_eq!(c.typing, Some(StartTyping::Telex));
        assert_eq!(c.lang, None);
        assert_eq!(problems, vec![Problem::UnknownKey("langue".into())]);
        let line = problems[0].message(
            Path::new("/home/lan/.config/newsdesk/config.toml"),
            Lang::En,
        );
        assert_eq!(
            line,
            "newsdesk: /home/lan/.config/newsdesk/config.toml: unknown key “langue” ignored \
             (known keys: lang, typing, tone_style, w_alone)"
        );
    }

    #[test]
    fn a_bad_value_names_the_key_and_the_allowed_values() {
        let (c, problems) = parse("typing = \"telx\"\ntone_style = 2\nlang = \"vi\"\n");
        assert_eq!(c.lang, Some(Lang::Vi));
        assert_eq!(c.typing, None);
        assert_eq!(c.tone_style, None);
        assert_eq!(problems.len(), 2);
        let path = Path::new("cfg.toml");
        let typing = problems
            .iter()
            .find(|p| matches!(p, Problem::BadValue { key: "typing", .. }));
        let typing = typing
            .map(|p| p.message(path, Lang::En))
            .unwrap_or_default();
        assert_eq!(
            typing,
            "newsdesk: cfg.toml: typing = \"telx\" is not allowed: use \"en\", \"telex\" or \
             \"vni\"; using the default"
        );
        let style = problems.iter().find(|p| {
            matches!(
                p,
                Problem::BadValue {
                    key: "tone_style",
                    ..
                }
            )
        });
        let style = style.map(|p| p.message(path, Lang::Vi)).unwrap_or_default();
        assert_eq!(
            style,
            "newsdesk: cfg.toml: tone_style = 2 không hợp lệ: chọn \"traditional\" hoặc \"new\"; \
             dùng giá trị mặc định"
        );
        for p in &problems {
            for lang in [Lang::En, Lang::Vi] {
                assert!(!p.message(path, lang).contains('\n'));
            }
        }
    }

    #[test]
    fn broken_toml_gives_one_line_with_the_line_number() {
        let (c, problems) = parse("lang = \"vi\"\ntyping = telex\n");
        assert_eq!(c, Config::default());
        let [Problem::Syntax { line, .. }] = problems.as_slice() else {
            panic!("{problems:?}");
        };
        assert_eq!(*line, Some(2));
        let text = problems[0].message(Path::new("c.toml"), Lang::En);
        assert!(
            text.starts_with("newsdesk: c.toml, line 2: not valid TOML ("),
            "{text}"
        );
        assert!(!text.contains('\n'), "{text}");
    }

    #[test]
    fn a_missing_file_is_no_problem() {
        let dir = tempfile::tempdir().unwrap();
        let (c, problems) = read(&dir.path().join("config.toml"));
        assert_eq!((c, problems), (Config::default(), Vec::new()));
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "lang = \"vi\"\n").unwrap();
        assert_eq!(read(&file).0.lang, Some(Lang::Vi));
        // A folder where the file should be: reported, not fatal.
        let (c, problems) = read(dir.path());
        assert_eq!(c, Config::default());
        assert!(matches!(problems.as_slice(), [Problem::Unreadable(_)]));
    }
}
