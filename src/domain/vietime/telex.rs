//! Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, dd đ; s f r x j for the tones, z to remove one;
//! a lone w is ư.

use super::letter::{Mark, Tone, decompose};
use super::word::Action;

/// What a Telex key does (case does not matter).
pub(crate) fn action(key: char, w_alone_is_u: bool) -> Action {
    match key.to_ascii_lowercase() {
        'a' => Action::Hat(&['a']),
        'e' => Action::Hat(&['e']),
        'o' => Action::Hat(&['o']),
        'w' => Action::Hook {
            horn: true,
            breve: true,
            alone: w_alone_is_u,
        },
        'd' => Action::Stroke,
        's' => Action::Tone(Tone::Acute),
        'f' => Action::Tone(Tone::Grave),
        'r' => Action::Tone(Tone::Hook),
        'x' => Action::Tone(Tone::Tilde),
        'j' => Action::Tone(Tone::Dot),
        'z' => Action::ClearTone,
        _ => Action::Letter,
    }
}

/// Keys that type `text` (one word of letters), the tone key last: `người` → `nguwowif`.
/// `None` when `text` holds something other than letters.
pub(crate) fn spell(text: &str) -> Option<String> {
    let mut keys = String::new();
    let mut tone_key = None;
    for c in text.chars() {
        let (l, tone) = decompose(c)?;
        let base = if l.upper {
            l.base.to_ascii_uppercase()
        } else {
            l.base
        };
        keys.push(base);
        match l.mark {
            Mark::None => {}
            Mark::Hat => keys.push(base),
            Mark::Breve | Mark::Horn => keys.push(if l.upper { 'W' } else { 'w' }),
            Mark::Bar => keys.push(base),
        }
        tone_key = match tone {
            Tone::Level => tone_key,
            Tone::Acute => Some('s'),
            Tone::Grave => Some('f'),
            Tone::Hook => Some('r'),
            Tone::Tilde => Some('x'),
            Tone::Dot => Some('j'),
        };
    }
    keys.extend(tone_key);
    Some(keys)
}
