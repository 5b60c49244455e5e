//! The interface language. Passed to whatever prints for a person, never read from a global.
//!
//! The choice, first match wins: `--lang vi|en`, then `lang` in the personal config file, then
//! the locale (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, the first one set and not empty):
//! unless it is the C locale, the first of `LANGUAGE`'s colon-separated list that is `vi…` or
//! `en…` (as gettext reads it), else the locale itself if it starts with `vi`, else English.
//! [`choose`] is a pure function of those values.

use std::str::FromStr;

/// The language of the interface: English (the default) or Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    /// The code `--lang` and the config file use.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "vi" => Ok(Lang::Vi),
            other => Err(format!("unknown language “{other}” (vi or en)")),
        }
    }
}

/// The locale variables as the environment has them (tests build their own).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locale {
    pub lc_all: Option<String>,
    pub lc_messages: Option<String>,
    pub lang: Option<String>,
    /// GNU's priority list (`vi:en`), read only when the locale is not C.
    pub language: Option<String>,
}

impl Locale {
    pub fn from_env() -> Locale {
        let var = |name| std::env::var(name).ok();
        Locale {
            lc_all: var("LC_ALL"),
            lc_messages: var("LC_MESSAGES"),
            lang: var("LANG"),
            language: var("LANGUAGE"),
        }
    }

    /// The language the locale asks for: the first variable set (POSIX order), if it starts
    /// with `vi` (`vi_VN.UTF-8`, `vi`). `LC_ALL=C` wins over `LANG=vi_VN`, as for every program.
    pub fn lang(&self) -> Lang {
        let first = [&self.lc_all, &self.lc_messages, &self.lang]
            .into_iter()
            .flatten()
            .map(|v| v.trim())
            .find(|v| !v.is_empty());
        let c_locale = first.is_none_or(|v| v == "C" || v == "POSIX" || v.starts_with("C."));
        let listed = self
            .language
            .as_deref()
            .filter(|_| !c_locale)
            .and_then(|list| {
                list.split(':').find_map(|item| {
                    let item = item.trim().to_ascii_lowercase();
                    if item.starts_with("vi") {
                        Some(Lang::Vi)
                    } else if item.starts_with("en") {
                        Some(Lang::En)
                    } else {
                        None
                    }
                })
            });
        if let Some(lang) = listed {
            return lang;
        }
        match first {
            Some(v) if v.to_ascii_lowercase().starts_with("vi") => Lang::Vi,
            _ => Lang::En,
        }
    }
}

/// The interface language: the flag, else the config file, else the locale.
pub fn choose(flag: Option<Lang>, config: Option<Lang>, locale: &Locale) -> Lang {
    flag.or(config).unwrap_or_else(|| locale.lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Locale {
        Locale {
            lc_all: lc_all.map(Into::into),
            lc_messages: lc_messages.map(Into::into),
            lang: lang.map(Into::into),
            language: None,
        }
    }

    #[test]
    fn the_flag_wins_then_the_config_then_the_locale() {
        let vi_env = locale(None, None, Some("vi_VN.UTF-8"));
        let en_env = locale(None, None, Some("en_GB.UTF-8"));
        assert_eq!(choose(Some(Lang::En), Some(Lang::Vi), &vi_env), Lang::En);
        assert_eq!(choose(Some(Lang::Vi), Some(Lang::En), &en_env), Lang::Vi);
        assert_eq!(choose(None, Some(Lang::En), &vi_env), Lang::En);
        assert_eq!(choose(None, Some(Lang::Vi), &en_env), Lang::Vi);
        assert_eq!(choose(None, None, &vi_env), Lang::Vi);
        assert_eq!(choose(None, None, &en_env), Lang::En);
        assert_eq!(choose(None, None, &Locale::default()), Lang::En);
    }

    #[test]
    fn the_locale_follows_posix_order() {
        assert_eq!(locale(Some("vi_VN"), None, Some("C")).lang(), Lang::Vi);
        assert_eq!(locale(Some("C"), None, Some("vi_VN")).lang(), Lang::En);
        assert_eq!(locale(None, Some("vi"), Some("en_US")).lang(), Lang::Vi);
        assert_eq!(locale(None, Some("en_US"), Some("vi_VN")).lang(), Lang::En);
        // An empty variable counts as unset.
        assert_eq!(
            locale(Some(""), Some(""), Some("vi_VN.utf8")).lang(),
            Lang::Vi
        );
        assert_eq!(locale(None, None, Some("C.UTF-8")).lang(), Lang::En);
    }

    #[test]
    fn language_lists_come_first_unless_the_locale_is_c() {
        let with = |language: &str, lang: Option<&str>| Locale {
            language: Some(language.into()),
            ..locale(None, None, lang)
        };
        assert_eq!(with("vi:en", Some("en_US.UTF-8")).lang(), Lang::Vi);
        assert_eq!(with("fr:vi", Some("en_US.UTF-8")).lang(), Lang::Vi);
        assert_eq!(with("en_GB:vi", Some("vi_VN.UTF-8")).lang(), Lang::En);
        // Nothing it lists is ours: the locale decides.
        assert_eq!(with("fr:de", Some("vi_VN.UTF-8")).lang(), Lang::Vi);
        // The C locale (or none) turns translations off, LANGUAGE included, as in gettext.
        assert_eq!(with("vi", Some("C")).lang(), Lang::En);
        assert_eq!(with("vi", Some("C.UTF-8")).lang(), Lang::En);
        assert_eq!(with("vi", None).lang(), Lang::En);
    }

    #[test]
    fn codes_parse_both_ways() {
        for l in [Lang::En, Lang::Vi] {
            assert_eq!(l.code().parse::<Lang>(), Ok(l));
        }
        assert_eq!(" VI ".parse::<Lang>(), Ok(Lang::Vi));
        assert!("fr".parse::<Lang>().is_err());
    }
}
