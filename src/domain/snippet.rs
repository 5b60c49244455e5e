//! A short excerpt around the first hit, with hits marked, found on folded text and cut from
//! the original so diacritics survive.

use super::text::fold_with_map;

/// One piece of a snippet; `hit` pieces match a query word.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Piece {
    pub text: String,
    pub hit: bool,
}

/// Up to about `width` chars of `text` around the first word equal to one of `words` (already
/// folded; the last one may match as a prefix when `prefix_last`). Empty when nothing matches.
pub fn snippet(text: &str, words: &[String], prefix_last: bool, width: usize) -> Vec<Piece> {
    let words: Vec<(Vec<char>, bool)> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.is_empty())
        .map(|(i, w)| (w.chars().collect(), prefix_last && i + 1 == words.len()))
        .collect();
    let chars: Vec<char> = text.chars().collect();
    let (folded, map) = fold_with_map(text);
    // Hits: (start, end) in original char indices, at word starts only.
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let at_word_start =
            folded[i].is_alphanumeric() && (i == 0 || !folded[i - 1].is_alphanumeric());
        if at_word_start {
            let mut end = i;
            while end < folded.len() && folded[end].is_alphanumeric() {
                end += 1;
            }
            let word = &folded[i..end];
            let matched = words
                .iter()
                .any(|(w, prefix)| word == w.as_slice() || (*prefix && word.starts_with(w)));
            if matched {
                hits.push((map[i], map[end - 1] + 1));
            }
            i = end;
        } else {
            i += 1;
        }
    }
    let Some(&(first, _)) = hits.first() else {
        return Vec::new();
    };
    // Start a little before the first hit, at a word boundary.
    let mut start = first.saturating_sub(width / 4);
    while start > 0 && start < first && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    let mut end = (start + width).min(chars.len());
    while end < chars.len() && end > first && !chars[end].is_whitespace() {
        end -= 1;
    }
    let mut pieces = Vec::new();
    let mut push = |s: &[char], hit: bool| {
        let t: String = s.iter().map(|&c| if c == '\n' { ' ' } else { c }).collect();
        if !t.is_empty() {
            pieces.push(Piece { text: t, hit });
        }
    };
    if start > 0 {
        push(&['…'], false);
    }
    let mut pos = start;
    for &(h0, h1) in hits.iter().filter(|(h0, h1)| *h0 >= start && *h1 <= end) {
        push(&chars[pos..h0], false);
        push(&chars[h0..h1], true);
        pos = h1;
    }
    push(&chars[pos..end], false);
    if end < chars.len() {
        push(&['…'], false);
    }
    pieces
}

/// The pieces as one line with hits in `[` `]`, for plain-text output.
pub fn render_marked(pieces: &[Piece], open: &str, close: &str) -> String {
    pieces
        .iter()
        .map(|p| {
            if p.hit {
                format!("{open}{}{close}", p.text)
            } else {
                p.text.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_hits_in_original_text() {
        let text =
            "Sáng nay, Ban Dân vận Huyện ủy tổ chức thẩm định mô hình “Dân vận khéo” năm 2023.";
        let words = vec!["dan".to_string(), "van".to_string()];
        let pieces = snippet(text, &words, false, 200);
        assert_eq!(
            render_marked(&pieces, "[", "]"),
            "Sáng nay, Ban [Dân] [vận] Huyện ủy tổ chức thẩm định mô hình “[Dân] [vận] khéo” năm 2023."
        );
    }

    #[test]
    fn long_text_is_cut_around_the_hit() {
        let text = format!("{} Đảng ủy xã {}", "lời ".repeat(100), "cuối ".repeat(100));
        let pieces = snippet(&text, &["dang".to_string()], false, 60);
        let s = render_marked(&pieces, "[", "]");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("[Đảng]"), "{s}");
        assert!(s.chars().count() <= 64, "{s}");
    }

    #[test]
    fn no_hit_no_snippet() {
        assert!(snippet("abc", &["x".to_string()], false, 50).is_empty());
    }

    #[test]
    fn only_the_last_word_matches_as_a_prefix() {
        let text = "Đăng ký dân vận đánh giá";
        let words = vec!["dan".to_string(), "va".to_string()];
        let s = render_marked(&snippet(text, &words, true, 100), "[", "]");
        assert_eq!(s, "Đăng ký [dân] [vận] đánh giá");
    }
}
