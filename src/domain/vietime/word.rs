//! The word being typed: its letters, its tone, and what each key does to them. The typing
//! methods (`telex`, `vni`) only say which [`Action`] a key stands for.

use super::ToneStyle;
use super::letter::{Letter, Mark, Tone};
use super::syllable::{self, Parts};
use super::tone;

/// What a key asks for. When it cannot apply, the key is typed as a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// The key is a letter.
    Letter,
    /// Put this tone on the syllable (the same tone again removes it and types the key).
    Tone(Tone),
    /// Remove the tone.
    ClearTone,
    /// A circumflex on one of these vowels (Telex aa ee oo, VNI 6).
    Hat(&'static [char]),
    /// A horn on o / u (on both of uo) or a breve on a (Telex w, VNI 7 and 8); with `alone`,
    /// a lone ư where nothing takes it.
    Hook {
        horn: bool,
        breve: bool,
        alone: bool,
    },
    /// đ from the initial d (Telex dd, VNI 9).
    Stroke,
}

/// The letters and tone of the word typed so far.
#[derive(Clone, Debug, Default)]
pub(crate) struct Word {
    letters: Vec<Letter>,
    tone: Tone,
    /// The word cannot be Vietnamese any more: every further key is typed as itself.
    foreign: bool,
    /// Keys whose mark was undone by typing them again: they are letters from now on.
    disabled: Vec<char>,
    /// The ư typed by a lone `w`, which a second `w` turns back into `w`.
    lone: Option<usize>,
}

impl Word {
    /// Applies one key (an ASCII letter or digit) with the action its method gives it.
    pub fn push(&mut self, key: char, action: Action) {
        let lower = key.to_ascii_lowercase();
        let done = !self.foreign && !self.disabled.contains(&lower) && self.apply(key, action);
        if !done {
            self.letters.push(Letter::plain(key));
        }
        if !self.foreign {
            self.foreign = !syllable::is_prefix(&self.effective(), self.tone);
        }
    }

    fn apply(&mut self, key: char, action: Action) -> bool {
        let Some(p) = syllable::split(&self.letters) else {
            return false;
        };
        match action {
            Action::Letter => false,
            Action::Tone(t) => self.set_tone(key, t, p),
            Action::ClearTone => {
                let had = self.tone != Tone::Level;
                self.tone = Tone::Level;
                had
            }
            Action::Hat(targets) => self.hat(key, targets, p),
            Action::Hook { horn, breve, alone } => {
                self.hook(key, horn, breve, p) || (alone && self.lone_u(key))
            }
            Action::Stroke => self.stroke(key),
        }
    }

    /// The key typed again undid its mark: type it as a letter and keep it a letter.
    fn undo(&mut self, key: char) -> bool {
        self.letters.push(Letter::plain(key));
        self.disabled.push(key.to_ascii_lowercase());
        true
    }

    fn fits(&self) -> bool {
        syllable::is_prefix(&self.effective(), self.tone)
    }

    fn set_tone(&mut self, key: char, t: Tone, p: Parts) -> bool {
        if p.ini == p.fin {
            return false;
        }
        if self.tone == t {
            self.tone = Tone::Level;
            return self.undo(key);
        }
        let old = self.tone;
        self.tone = t;
        if self.fits() {
            return true;
        }
        self.tone = old;
        false
    }

    fn hat(&mut self, key: char, targets: &[char], p: Parts) -> bool {
        let has = |l: &Letter| targets.contains(&l.base);
        if let Some(i) = (p.ini..p.fin).find(|&i| {
            let l = self.letters[i];
            l.mark == Mark::Hat && has(&l)
        }) {
            self.letters[i].mark = Mark::None;
            return self.undo(key);
        }
        for i in (p.ini..p.fin).rev() {
            if !has(&self.letters[i]) {
                continue;
            }
            let saved = self.letters.clone();
            self.letters[i].mark = Mark::Hat;
            if self.letters[i].base == 'o' && i > p.ini && self.letters[i - 1].base == 'u' {
                self.letters[i - 1].mark = Mark::None; // ươ + o → uô
            }
            if self.fits() {
                return true;
            }
            self.letters = saved;
        }
        false
    }

    fn hook(&mut self, key: char, horn: bool, breve: bool, p: Parts) -> bool {
        if horn {
            let pair = (p.ini..p.fin.saturating_sub(1))
                .find(|&i| self.letters[i].base == 'u' && self.letters[i + 1].base == 'o');
            if let Some(i) = pair {
                match (self.letters[i].mark, self.letters[i + 1].mark) {
                    (Mark::Horn, Mark::Horn) => return self.unhook(key, &[i, i + 1]),
                    (Mark::None, Mark::Horn) => self.letters[i].mark = Mark::Horn,
                    _ => self.letters[i + 1].mark = Mark::Horn,
                }
                return true;
            }
        }
        let hooked: Vec<usize> = (p.ini..p.fin)
            .filter(|&i| {
                let m = self.letters[i].mark;
                (horn && m == Mark::Horn) || (breve && m == Mark::Breve)
            })
            .collect();
        if !hooked.is_empty() {
            return self.unhook(key, &hooked);
        }
        for i in (p.ini..p.fin).rev() {
            let base = self.letters[i].base;
            let mark = match base {
                'a' if breve => Mark::Breve,
                'o' | 'u' if horn => Mark::Horn,
                _ => continue,
            };
            let saved = self.letters[i];
            self.letters[i].mark = mark;
            if self.fits() {
                return true;
            }
            self.letters[i] = saved;
        }
        false
    }

    /// Takes the horns and breves off `at` (a lone ư goes back to being the `w` typed).
    fn unhook(&mut self, key: char, at: &[usize]) -> bool {
        for &i in at.iter().rev() {
            if self.lone == Some(i) {
                self.letters.remove(i);
                self.lone = None;
            } else {
                self.letters[i].mark = Mark::None;
            }
        }
        if !self.letters.iter().any(|l| l.is_vowel()) {
            self.tone = Tone::Level;
        }
        self.undo(key)
    }

    fn lone_u(&mut self, key: char) -> bool {
        self.letters.push(Letter {
            base: 'u',
            mark: Mark::Horn,
            upper: key.is_ascii_uppercase(),
        });
        if self.fits() {
            self.lone = Some(self.letters.len() - 1);
            return true;
        }
        self.letters.pop();
        false
    }

    fn stroke(&mut self, key: char) -> bool {
        match self.letters.first().map(|l| (l.base, l.mark)) {
            Some(('d', Mark::Bar)) => {
                self.letters[0].mark = Mark::None;
                self.undo(key)
            }
            Some(('d', _)) => {
                self.letters[0].mark = Mark::Bar;
                true
            }
            _ => false,
        }
    }

    /// The letters as shown: `uơ` and `ưo` become `ươ` once the syllable goes on (thuở, but
    /// thương, ươi).
    fn effective(&self) -> Vec<Letter> {
        let mut w = self.letters.clone();
        if let Some(p) = syllable::split(&w) {
            for i in p.ini..p.fin.saturating_sub(1) {
                let next = w.get(i + 2).map(|l| l.base);
                let grows = matches!(next, Some('i' | 'u' | 'c' | 'm' | 'n' | 'p' | 't'));
                if w[i].base == 'u' && w[i + 1].base == 'o' && grows {
                    match (w[i].mark, w[i + 1].mark) {
                        (Mark::None, Mark::Horn) => w[i].mark = Mark::Horn,
                        (Mark::Horn, Mark::None) => w[i + 1].mark = Mark::Horn,
                        _ => {}
                    }
                }
            }
        }
        w
    }

    /// The word as text (NFC: every letter is one precomposed character).
    pub fn render(&self, style: ToneStyle) -> String {
        let w = self.effective();
        let at = syllable::split(&w).and_then(|p| tone::position(&w, p, style));
        w.iter()
            .enumerate()
            .map(|(i, l)| {
                let t = if Some(i) == at {
                    self.tone
                } else {
                    Tone::Level
                };
                l.render(t)
            })
            .collect()
    }

    /// Whether the word is a Vietnamese syllable, or the abbreviation đ (50.000đ).
    pub fn is_vietnamese(&self) -> bool {
        let w = self.effective();
        let lone_d = matches!(w.as_slice(), [l] if l.base == 'd' && l.mark == Mark::Bar);
        lone_d || syllable::is_syllable(&w, self.tone)
    }
}
