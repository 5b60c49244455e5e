//! The shape of a Vietnamese syllable: initial consonant, vowel nucleus, final consonant, and
//! which of them go together. Used to tell Vietnamese from foreign words, both while a word is
//! typed (can it still become a syllable?) and when it ends (is it one?).

use super::letter::{Letter, Mark, Tone, vowel_parts};

/// Where a word splits: `letters[..ini]` is the initial consonant (with the `u` of `qu` and
/// the `i` of `gi` when another vowel follows), `letters[ini..fin]` the vowels and
/// `letters[fin..]` the final consonant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parts {
    pub ini: usize,
    pub fin: usize,
}

/// Splits a word, or `None` when a vowel comes after the final consonant (not one syllable).
pub(crate) fn split(w: &[Letter]) -> Option<Parts> {
    let n = w.len();
    let first = w.iter().position(|l| l.is_vowel()).unwrap_or(n);
    let mut fin = first;
    while fin < n && w[fin].is_vowel() {
        fin += 1;
    }
    if w[fin..].iter().any(|l| l.is_vowel()) {
        return None;
    }
    let mut ini = first;
    if first == 1 && first < n && w[first].mark == Mark::None {
        let (c, v) = (w[0].base, w[first].base);
        // `qu` is an initial even alone; `gi` only when another vowel follows (`gì` has the
        // vowel i, `gió` the vowel o).
        if (c == 'q' && v == 'u') || (c == 'g' && v == 'i' && fin - first >= 2) {
            ini = first + 1;
        }
    }
    Some(Parts { ini, fin })
}

const INITIALS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Every nucleus, whether it may end the syllable, and the final consonants it takes.
const NUCLEI: &[(&str, bool, &[&str])] = &[
    ("a", true, &["c", "ch", "m", "n", "ng", "nh", "p", "t"]),
    ("ă", false, &["c", "m", "n", "ng", "p", "t"]),
    ("â", false, &["c", "m", "n", "ng", "p", "t"]),
    ("e", true, &["c", "m", "n", "ng", "p", "t"]),
    ("ê", true, &["ch", "m", "n", "nh", "p", "t"]),
    ("i", true, &["ch", "m", "n", "nh", "p", "t"]),
    ("o", true, &["c", "m", "n", "ng", "p", "t"]),
    ("ô", true, &["c", "m", "n", "ng", "p", "t"]),
    ("ơ", true, &["m", "n", "p", "t"]),
    ("u", true, &["c", "m", "n", "ng", "p", "t"]),
    ("ư", true, &["c", "m", "n", "ng", "t"]),
    ("y", true, &[]),
    ("ai", true, &[]),
    ("ao", true, &[]),
    ("au", true, &[]),
    ("ay", true, &[]),
    ("âu", true, &[]),
    ("ây", true, &[]),
    ("eo", true, &[]),
    ("êu", true, &[]),
    ("ia", true, &[]),
    ("iu", true, &[]),
    ("oi", true, &[]),
    ("ôi", true, &[]),
    ("ơi", true, &[]),
    ("ui", true, &[]),
    ("ưi", true, &[]),
    ("ưu", true, &[]),
    ("ua", true, &[]),
    ("ưa", true, &[]),
    ("iê", false, &["c", "m", "n", "ng", "p", "t"]),
    ("yê", false, &["m", "n", "ng", "t"]),
    ("oa", true, &["c", "ch", "m", "n", "ng", "nh", "p", "t"]),
    ("oă", false, &["c", "m", "n", "ng", "t"]),
    ("oe", true, &["m", "n", "t"]),
    ("oo", false, &["c", "ng"]),
    ("uâ", false, &["n", "ng", "t"]),
    ("uê", true, &["ch", "n", "nh"]),
    ("uô", false, &["c", "m", "n", "ng", "t"]),
    ("uơ", true, &[]),
    ("ươ", false, &["c", "m", "n", "ng", "p", "t"]),
    ("uy", true, &["ch", "n", "nh", "p", "t"]),
    ("iêu", true, &[]),
    ("yêu", true, &[]),
    ("oai", true, &[]),
    ("oao", true, &[]),
    ("oay", true, &[]),
    ("oeo", true, &[]),
    ("uây", true, &[]),
    ("uôi", true, &[]),
    ("ươi", true, &[]),
    ("ươu", true, &[]),
    ("uya", true, &[]),
    ("uyu", true, &[]),
    ("uyê", false, &["n", "t"]),
];

fn is_initial(s: &str) -> bool {
    INITIALS.contains(&s)
}

fn consonants(w: &[Letter]) -> String {
    w.iter().map(|l| l.lower()).collect()
}

/// Whether a typed vowel matches a table vowel: same base, and the same diacritic unless
/// `loose` and the typed one has none yet (a later key may add it).
fn vowel_matches(typed: Letter, table: char, loose: bool) -> bool {
    match vowel_parts(table) {
        Some((base, mark)) => {
            typed.base == base && (typed.mark == mark || (loose && typed.mark == Mark::None))
        }
        None => false,
    }
}

/// The table rows whose nucleus is `nuc` (all of it when `whole`, else starting with it).
fn rows<'a>(
    nuc: &'a [Letter],
    whole: bool,
    loose: bool,
) -> impl Iterator<Item = &'static (&'static str, bool, &'static [&'static str])> + 'a {
    NUCLEI.iter().filter(move |(v, _, _)| {
        let n = v.chars().count();
        (if whole {
            n == nuc.len()
        } else {
            n >= nuc.len()
        }) && nuc
            .iter()
            .zip(v.chars())
            .all(|(t, c)| vowel_matches(*t, c, loose))
    })
}

/// The stop finals (c, ch, p, t) take only the acute and dot tones.
fn tone_fits(fin: &str, tone: Tone) -> bool {
    !matches!(fin.chars().next(), Some('c' | 'p' | 't'))
        || matches!(tone, Tone::Level | Tone::Acute | Tone::Dot)
}

/// Spelling of the initial before the first vowel: k, gh, ngh before i e ê (y for k); c, g,
/// ng not before them.
fn spelling_fits(ini: &str, first: Letter) -> bool {
    let front = matches!(first.base, 'i' | 'e' | 'y');
    match ini {
        "k" => front,
        "gh" | "ngh" => front && first.base != 'y',
        "c" | "ng" => !front,
        "g" => first.base != 'e' && first.base != 'y',
        "qu" => first.base != 'u',
        _ => true,
    }
}

/// The nucleus as the table sees it: for `gi` and `qu`, the vowels after them, or with the
/// `i` or `u` put back (`giêng` is spelled like iê + ng, `quýt` like uy + t).
fn nucleus_variants(w: &[Letter], p: Parts) -> Vec<Vec<Letter>> {
    let nuc = w[p.ini..p.fin].to_vec();
    let mut out = vec![nuc.clone()];
    if p.ini == 2 && matches!((w[0].base, w[1].base), ('g', 'i') | ('q', 'u')) {
        let mut with = vec![w[1]];
        with.extend(nuc);
        out.push(with);
    }
    out
}

/// Whether the word is a whole Vietnamese syllable with this tone.
pub(crate) fn is_syllable(w: &[Letter], tone: Tone) -> bool {
    check(w, tone, false)
}

/// Whether more keys could still make the word a Vietnamese syllable: diacritics not yet
/// typed count as possible, letters already typed must fit.
pub(crate) fn is_prefix(w: &[Letter], tone: Tone) -> bool {
    check(w, tone, true)
}

fn check(w: &[Letter], tone: Tone, prefix: bool) -> bool {
    let Some(p) = split(w) else {
        return false;
    };
    let ini = consonants(&w[..p.ini]);
    let fin = consonants(&w[p.fin..]);
    if p.ini == p.fin {
        // No vowel (yet): only the start of an initial.
        return prefix && (is_initial(&ini) || ini == "q");
    }
    if !is_initial(&ini) || !spelling_fits(&ini, w[p.ini]) || !tone_fits(&fin, tone) {
        return false;
    }
    nucleus_variants(w, p).iter().any(|nuc| {
        if fin.is_empty() {
            if prefix {
                rows(nuc, false, true).next().is_some()
            } else {
                rows(nuc, true, false).any(|(_, open, _)| *open)
            }
        } else if prefix {
            rows(nuc, true, true).any(|(_, _, fins)| fins.iter().any(|f| f.starts_with(&fin)))
        } else {
            rows(nuc, true, false).any(|(_, _, fins)| fins.contains(&fin.as_str()))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vietime::letter::decompose;

    fn parse(s: &str) -> (Vec<Letter>, Tone) {
        let mut tone = Tone::Level;
        let w = s
            .chars()
            .filter_map(decompose)
            .map(|(l, t)| {
                if t != Tone::Level {
                    tone = t;
                }
                l
            })
            .collect();
        (w, tone)
    }

    fn syl(s: &str) -> bool {
        let (w, t) = parse(s);
        is_syllable(&w, t)
    }

    fn pre(s: &str) -> bool {
        let (w, t) = parse(s);
        is_prefix(&w, t)
    }

    #[test]
    fn syllables() {
        for s in [
            "việt", "nam", "người", "được", "quyền", "giếng", "giữ", "gì", "khuỷu", "thuở",
            "hoàng", "khỏe", "khoẻ", "boong", "ừm", "a", "yêu", "nghiêng", "quốc", "huỳnh",
            "chuyện", "hoặc", "tét", "dât", "xoong", "gìn", "ư", "uơ", "kìa", "qua", "ghe", "kê",
        ] {
            assert!(syl(s), "{s} is a syllable");
        }
        for s in [
            "ă", "đ", "class", "gôgle", "ưindows", "ka", "ci", "nge", "gha", "acf", "àc", "ưp",
            "qa", "ya", "yt", "as",
        ] {
            assert!(!syl(s), "{s} is not a syllable");
        }
    }

    #[test]
    fn prefixes() {
        for s in [
            "ng", "ngh", "q", "qu", "tr", "uye", "viet", "duoc", "thuơ", "giê", "ă", "ươ",
        ] {
            assert!(pre(s), "{s} may grow into a syllable");
        }
        for s in [
            "cl", "ưin", "gôg", "ce", "ka", "àc", "dd", "w", "ya", "ưe", "f",
        ] {
            assert!(!pre(s), "{s} cannot");
        }
    }

    #[test]
    fn splits_qu_and_gi() {
        let (w, _) = parse("quyên");
        assert_eq!(split(&w), Some(Parts { ini: 2, fin: 4 }));
        let (w, _) = parse("gìn");
        assert_eq!(split(&w), Some(Parts { ini: 1, fin: 2 }));
        let (w, _) = parse("giữ");
        assert_eq!(split(&w), Some(Parts { ini: 2, fin: 3 }));
        let (w, _) = parse("amu");
        assert_eq!(split(&w), None);
    }
}
