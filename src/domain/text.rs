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
    if !s.chars().any(bad) {
        return s.to_string();
    }
    s.chars().filter(|&c| !bad(c)).collect()
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
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
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
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
