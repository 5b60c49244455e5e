//! Letters as the engine holds them: a base letter, a diacritic and a case; tones apart.
//!
//! Every Vietnamese letter is one precomposed code point, so text built from these tables is
//! NFC by construction.

/// The diacritic on a letter (the tone is kept for the syllable, not the letter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    None,
    /// â ê ô
    Hat,
    /// ă
    Breve,
    /// ơ ư
    Horn,
    /// đ
    Bar,
}

/// The six tones, in the column order of [`ROWS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Tone {
    #[default]
    Level,
    Grave,
    Acute,
    Hook,
    Tilde,
    Dot,
}

impl Tone {
    fn column(self) -> usize {
        match self {
            Tone::Level => 0,
            Tone::Grave => 1,
            Tone::Acute => 2,
            Tone::Hook => 3,
            Tone::Tilde => 4,
            Tone::Dot => 5,
        }
    }

    const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];
}

/// One letter of the word being typed. `base` is an ASCII lowercase letter (or, for a literal
/// key that is not a letter, that key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letter {
    pub base: char,
    pub mark: Mark,
    pub upper: bool,
}

/// Each vowel with its diacritic, then its six toned forms (level, grave, acute, hook, tilde,
/// dot).
const ROWS: [(char, Mark, &str); 12] = [
    ('a', Mark::None, "aàáảãạ"),
    ('a', Mark::Breve, "ăằắẳẵặ"),
    ('a', Mark::Hat, "âầấẩẫậ"),
    ('e', Mark::None, "eèéẻẽẹ"),
    ('e', Mark::Hat, "êềếểễệ"),
    ('i', Mark::None, "iìíỉĩị"),
    ('o', Mark::None, "oòóỏõọ"),
    ('o', Mark::Hat, "ôồốổỗộ"),
    ('o', Mark::Horn, "ơờớởỡợ"),
    ('u', Mark::None, "uùúủũụ"),
    ('u', Mark::Horn, "ưừứửữự"),
    ('y', Mark::None, "yỳýỷỹỵ"),
];

impl Letter {
    /// A letter typed as itself (no diacritic), keeping the key's case.
    pub fn plain(key: char) -> Letter {
        Letter {
            base: key.to_ascii_lowercase(),
            mark: Mark::None,
            upper: key.is_ascii_uppercase(),
        }
    }

    pub fn is_vowel(self) -> bool {
        matches!(self.base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    }

    /// The lowercase letter with its diacritic and no tone (`â`, `ư`, `đ`, `t`).
    pub fn lower(self) -> char {
        self.toned_lower(Tone::Level)
    }

    fn toned_lower(self, tone: Tone) -> char {
        if self.base == 'd' && self.mark == Mark::Bar {
            return 'đ';
        }
        ROWS.iter()
            .find(|(b, m, _)| *b == self.base && *m == self.mark)
            .and_then(|(_, _, forms)| forms.chars().nth(tone.column()))
            .unwrap_or(self.base)
    }

    /// The letter as shown, with `tone` on it (a vowel) and its case.
    pub fn render(self, tone: Tone) -> char {
        let c = self.toned_lower(tone);
        if self.upper {
            c.to_uppercase().next().unwrap_or(c)
        } else {
            c
        }
    }
}

/// The base and diacritic of a lowercase vowel without tone (`ư` → `u`, Horn).
pub(crate) fn vowel_parts(c: char) -> Option<(char, Mark)> {
    ROWS.iter()
        .find(|(_, _, forms)| forms.starts_with(c))
        .map(|(b, m, _)| (*b, *m))
}

/// Splits a shown character back into the letter and tone that render it: `Ự` → (u, Horn,
/// upper) + Dot. ASCII letters come back plain; anything else is `None`.
pub(crate) fn decompose(c: char) -> Option<(Letter, Tone)> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let upper = lower != c;
    if lower == 'đ' {
        let l = Letter {
            base: 'd',
            mark: Mark::Bar,
            upper,
        };
        return Some((l, Tone::Level));
    }
    if lower.is_ascii_lowercase() {
        return Some((Letter::plain(c), Tone::Level));
    }
    for (base, mark, forms) in ROWS {
        if let Some(col) = forms.chars().position(|f| f == lower) {
            let l = Letter { base, mark, upper };
            return Some((l, Tone::ALL[col]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_decomposes_every_toned_vowel() {
        for (base, mark, forms) in ROWS {
            for (col, c) in forms.chars().enumerate() {
                let l = Letter {
                    base,
                    mark,
                    upper: false,
                };
                assert_eq!(l.render(Tone::ALL[col]), c);
                assert_eq!(decompose(c), Some((l, Tone::ALL[col])));
                let up = Letter { upper: true, ..l };
                let cu = up.render(Tone::ALL[col]);
                assert_ne!(cu, c, "{c} has an uppercase form");
                assert_eq!(decompose(cu), Some((up, Tone::ALL[col])));
            }
        }
    }

    #[test]
    fn d_bar() {
        let d = Letter {
            base: 'd',
            mark: Mark::Bar,
            upper: true,
        };
        assert_eq!(d.render(Tone::Level), 'Đ');
        assert_eq!(decompose('Đ'), Some((d, Tone::Level)));
        assert_eq!(vowel_parts('ư'), Some(('u', Mark::Horn)));
        assert_eq!(vowel_parts('t'), None);
    }
}
