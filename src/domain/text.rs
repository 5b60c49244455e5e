//! Text rules every layer relies on: NFC on the way in, search folding, word counts.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};

/// Canonical composition. Cheap when the text is already NFC (the usual case).
pub fn nfc(s: &str) -> String {
    if is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

/// Drops characters that would act on a terminal or reorder text when shown: C0/C1 controls
/// (keeping `\n` and `\t` where `keep_newlines`) and bidi overrides.
pub fn strip_controls(s: &str, keep_newlines: bool) -> String {
    let bad = |c: char| {
        (c.is_control() && !(keep_newlines && (c == '\n' || c == '\t')))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !has_control_bytes(s.as_bytes(), keep_newlines) {
        return s.to_string();
    }
    s.chars().filter(|&c| !bad(c)).collect()
}

/// Whether the UTF-8 in `b` may hold a character `strip_controls` drops: C0 and DEL bytes,
/// C1 controls (C2 80–9F) and bidi overrides (E2 80 AA–AE, E2 81 A6–A9). A byte scan, since
/// bodies are long and almost never hold any.
fn has_control_bytes(b: &[u8], keep_newlines: bool) -> bool {
    b.iter().enumerate().any(|(i, &x)| match x {
        b'\n' | b'\t' => !keep_newlines,
        0..=0x1F | 0x7F => true,
        0xC2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xE2 => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(n)) => (0xAA..=0xAE).contains(n),
            (Some(0x81), Some(n)) => (0xA6..=0xA9).contains(n),
            _ => false,
        },
        _ => false,
    })
}

/// `\r\n` and lone `\r` (pasted text, Windows files) become `\n`.
pub fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Appends the search form of one character: no marks, đ→d, lowercase.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Every Latin letter (Vietnamese included) and the punctuation block fold through a
    // table built once: decomposing each letter anew dominated the cost of indexing.
    if let Some(&folded) = fold_table().get(c as usize) {
        match folded {
            NO_OUTPUT => {}
            SLOW => push_folded_slow(c, out),
            f => out.push(char::from_u32(f).unwrap_or(c)),
        }
        return;
    }
    push_folded_slow(c, out);
}

fn push_folded_slow(c: char, out: &mut String) {
    if matches!(c, 'đ' | 'Đ' | 'ð' | 'Ð') {
        out.push('d');
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// Table entries: the one folded char, or one of these markers.
const NO_OUTPUT: u32 = u32::MAX;
const SLOW: u32 = u32::MAX - 1;
/// Up to the end of the General Punctuation block (Latin, Vietnamese letters, “ ” –).
const TABLE_END: u32 = 0x2070;

fn fold_table() -> &'static [u32] {
    static TABLE: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|u| {
                let Some(c) = char::from_u32(u) else {
                    return SLOW;
                };
                let mut folded = String::new();
                push_folded_slow(c, &mut folded);
                let mut chars = folded.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => NO_OUTPUT,
                    (Some(f), None) => f as u32,
                    _ => SLOW,
                }
            })
            .collect()
    })
}

/// The search form of a text: “Đảng ủy” → “dang uy”. Used for both the index and the query.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Folds `s` and records, for each char of the folded text, the char index in `s` it came from,
/// so that hits found in the folded text can be shown in the original.
pub fn fold_with_map(s: &str) -> (Vec<char>, Vec<usize>) {
    let mut folded = Vec::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    let mut buf = String::new();
    for (i, c) in s.chars().enumerate() {
        buf.clear();
        push_folded(c, &mut buf);
        for f in buf.chars() {
            folded.push(f);
            map.push(i);
        }
    }
    (folded, map)
}

/// Words as Vietnamese newsrooms count them: whitespace-separated (each syllable is a word).
pub fn word_count(s: &str) -> usize {
    // One pass with an ASCII fast path: this runs on every body saved or imported.
    let (mut count, mut in_word, mut has_alnum) = (0, false, false);
    for c in s.chars() {
        let (space, alnum) = if c.is_ascii() {
            (
                c.is_ascii_whitespace() || c == '\x0b',
                c.is_ascii_alphanumeric(),
            )
        } else if latin_letter(c) {
            // Every Vietnamese letter: the general tables are a binary search per character.
            (false, true)
        } else {
            (c.is_whitespace(), c.is_alphanumeric())
        };
        if space {
            count += usize::from(in_word && has_alnum);
            (in_word, has_alnum) = (false, false);
        } else {
            in_word = true;
            has_alnum |= alnum;
        }
    }
    count + usize::from(in_word && has_alnum)
}

/// Letters of Latin-1, Latin Extended-A/B and Latin Extended Additional (where Vietnamese's
/// precomposed letters live), × and ÷ excepted: all of them alphabetic, none a space.
fn latin_letter(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷'
}

/// Minutes to read at about 200 words a minute, at least one for any text.
pub fn reading_minutes(words: usize) -> usize {
    if words == 0 { 0 } else { words.div_ceil(200) }
}

/// Display width in terminal cells (a Vietnamese letter is one cell, a CJK ideograph two).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending in “…” when something was cut.
pub fn truncate_to_width(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_comes_out_nfc() {
        let nfd: String = "Nguyễn Thị Đào, thẩm định".nfd().collect();
        assert_ne!(nfd, "Nguyễn Thị Đào, thẩm định");
        assert_eq!(nfc(&nfd), "Nguyễn Thị Đào, thẩm định");
    }

    #[test]
    fn folding_table() {
        let cases = [
            ("Dân vận khéo", "dan van kheo"),
            ("Đảng ủy", "dang uy"),
            ("ĐẠI HỘI", "dai hoi"),
            ("Huyện ủy Đắk Glong", "huyen uy dak glong"),
            ("người ưu tú", "nguoi uu tu"),
            ("“Dân vận khéo” – 2023", "“dan van kheo” – 2023"),
            ("Ắ Ể Ộ Ữ Ỷ ỹ", "a e o u y y"),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input}");
            let nfd: String = input.nfd().collect();
            assert_eq!(fold(&nfd), want, "NFD of {input}");
        }
    }

    #[test]
    fn fold_map_points_back_to_original_chars() {
        let s = "Ở Đà Nẵng";
        let (folded, map) = fold_with_map(s);
        let folded: String = folded.into_iter().collect();
        assert_eq!(folded, "o da nang");
        let original: Vec<char> = s.chars().collect();
        assert_eq!(original[map[2]], 'Đ');
    }

    #[test]
    fn word_count_agrees_with_splitting_on_whitespace() {
        let by_split = |s: &str| {
            s.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        };
        for s in [
            "",
            "  ",
            "Hội nghị – “Dân vận khéo” năm 2023.",
            "a\u{a0}b\u{2003}c\u{3000}d\te\x0bf\x0cg\rh",
            " – … “ ” ",
            "x",
            "新聞 and ١٢٣",
        ] {
            assert_eq!(word_count(s), by_split(s), "{s:?}");
        }
    }

    #[test]
    fn latin_letters_are_the_alphabetic_ones() {
        for c in ('\u{00C0}'..='\u{024F}').chain('\u{1E00}'..='\u{1EFF}') {
            assert_eq!(latin_letter(c), c.is_alphanumeric(), "{c:?}");
            assert!(!c.is_whitespace());
        }
        assert_eq!(word_count("× ÷ đắk lắk"), 2);
    }

    #[test]
    fn word_count_and_reading_time() {
        assert_eq!(word_count("Hội nghị  sơ kết\ncông tác – dân vận"), 8);
        assert_eq!(word_count(""), 0);
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(401), 3);
    }

    #[test]
    fn truncation_counts_cells() {
        assert_eq!(truncate_to_width("Đảng ủy xã", 20), "Đảng ủy xã");
        assert_eq!(truncate_to_width("Đảng ủy xã", 6), "Đảng …");
        assert_eq!(width(&truncate_to_width("新聞新聞新聞", 5)), 5);
        assert_eq!(truncate_to_width("abc", 0), "");
    }

    #[test]
    fn the_fold_table_agrees_with_folding_each_char() {
        for u in 0x80..TABLE_END {
            let Some(c) = char::from_u32(u) else { continue };
            let (mut fast, mut slow) = (String::new(), String::new());
            push_folded(c, &mut fast);
            push_folded_slow(c, &mut slow);
            assert_eq!(fast, slow, "U+{u:04X}");
        }
    }

    #[test]
    fn controls_are_found_by_bytes_as_by_chars() {
        for s in [
            "plain",
            "a\u{7}b",
            "“Dân” – vận",
            "x\u{85}y",
            "\u{202E}evil",
            "\u{2067}",
            "é\u{A0}",
        ] {
            for keep in [true, false] {
                let by_chars = s.chars().any(|c| {
                    (c.is_control() && !(keep && (c == '\n' || c == '\t')))
                        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                });
                assert_eq!(has_control_bytes(s.as_bytes(), keep), by_chars, "{s:?}");
            }
        }
        assert_eq!(strip_controls("a\u{1b}[31mb\u{202E}c", false), "a[31mbc");
        assert_eq!(strip_controls("a\nb\tc", true), "a\nb\tc");
    }

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
