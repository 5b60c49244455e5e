//! Which vowel of a syllable carries the tone mark.

use super::ToneStyle;
use super::letter::{Letter, Mark};
use super::syllable::Parts;

/// The index in `w` of the vowel that takes the tone, or `None` when there is no vowel.
///
/// The standard rules: a vowel with a diacritic takes it (the ơ of ươ); else a lone vowel;
/// else, before a final consonant, the last vowel (hoàng, huỳnh); else the middle of three
/// (ngoài, khuỷu); else the first of two (mùa, mía, cái), except that the new style puts it on
/// the second of oa, oe, uy (hoà, khoẻ, thuý). The `u` of `qu` and the `i` of `gi` are part of
/// the initial, so quý and giữ have one vowel.
pub(crate) fn position(w: &[Letter], p: Parts, style: ToneStyle) -> Option<usize> {
    let (start, end) = (p.ini, p.fin);
    if start == end {
        return None;
    }
    if let Some(i) = (start..end).rev().find(|&i| w[i].mark != Mark::None) {
        return Some(i);
    }
    let n = end - start;
    if n == 1 {
        return Some(start);
    }
    if end < w.len() {
        return Some(end - 1);
    }
    if n >= 3 {
        return Some(start + 1);
    }
    let pair = (w[start].base, w[start + 1].base);
    let new_pair = matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'));
    if style == ToneStyle::New && new_pair {
        Some(start + 1)
    } else {
        Some(start)
    }
}
