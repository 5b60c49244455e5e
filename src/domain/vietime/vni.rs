//! VNI: 6 ^ (â ê ô), 7 horn (ơ ư), 8 breve (ă), 9 đ; 1 2 3 4 5 for the tones (sắc huyền hỏi
//! ngã nặng), 0 to remove one.

use super::letter::{Mark, Tone, decompose};
use super::word::Action;

/// What a VNI key does.
pub(crate) fn action(key: char) -> Action {
    match key {
        '1' => Action::Tone(Tone::Acute),
        '2' => Action::Tone(Tone::Grave),
        '3' => Action::Tone(Tone::Hook),
        '4' => Action::Tone(Tone::Tilde),
        '5' => Action::Tone(Tone::Dot),
        '0' => Action::ClearTone,
        '6' => Action::Hat(&['a', 'e', 'o']),
        '7' => Action::Hook {
            horn: true,
            breve: false,
            alone: false,
        },
        '8' => Action::Hook {
            horn: false,
            breve: true,
            alone: false,
        },
        '9' => Action::Stroke,
        _ => Action::Letter,
    }
}

/// Keys that type `text` (one word of letters), the tone digit last: `người` → `ngu7o7i2`.
/// `None` when `text` holds something other than letters.
pub(crate) fn spell(text: &str) -> Option<String> {
    let mut keys = String::new();
    let mut tone_key = None;
    for c in text.chars() {
        let (l, tone) = decompose(c)?;
        keys.push(if l.upper {
            l.base.to_ascii_uppercase()
        } else {
            l.base
        });
        match l.mark {
            Mark::None => {}
            Mark::Hat => keys.push('6'),
            Mark::Horn => keys.push('7'),
            Mark::Breve => keys.push('8'),
            Mark::Bar => keys.push('9'),
        }
        tone_key = match tone {
            Tone::Level => tone_key,
            Tone::Acute => Some('1'),
            Tone::Grave => Some('2'),
            Tone::Hook => Some('3'),
            Tone::Tilde => Some('4'),
            Tone::Dot => Some('5'),
        };
    }
    keys.extend(tone_key);
    Some(keys)
}
