//! Vietnamese typing: Telex and VNI keystrokes in, text edits out.
//!
//! A pure engine, as Unikey, ibus-bamboo and OpenKey behave: the editor feeds it every key it
//! would insert and applies the [`Edit`] it gets back (delete so many characters before the
//! cursor, then insert). The engine keeps the keys of the word being typed and recomposes the
//! word from them on every key, so marks can come at the end of a syllable as well as right
//! after the vowel (`vieetj` and `vieejt` both give việt).
//!
//! - Telex: `aa` â, `aw` ă, `ee` ê, `oo` ô, `ow` ơ, `uw` ư, `dd` đ; `s f r x j` the tones,
//!   `z` removes the tone; a lone `w` is ư (unless [`Options::w_alone_is_u`] is off).
//! - VNI: `6` ^, `7` horn, `8` breve, `9` đ; `1`–`5` the tones, `0` removes the tone.
//! - A mark key typed again undoes the mark and types the key (`ass` → as, `ddd` → dd); the
//!   key then stays a letter for the rest of the word.
//! - Once a word can no longer become a Vietnamese syllable (`cl…`, `gôg…`) the keys are
//!   typed as they are; when it ends (a space, punctuation, Enter, a digit in Telex), a word
//!   that differs from its keys and is not a Vietnamese syllable is put back as the keys
//!   typed (`Windows`, `google`, `refresh`, and with an undo in them `tests`, `Messi`; so
//!   `ass` shows as while typed and ends as ass). A lone đ stays (the abbreviation of đồng).
//!   Valid-looking words (`data` → dât) stay until [`Engine::restore_raw`] (Ctrl-R).
//! - Output is NFC: every Vietnamese letter is one precomposed character.

mod letter;
mod syllable;
mod telex;
mod tone;
mod vni;
mod word;

use word::Word;

/// The keyboard method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Method {
    #[default]
    Telex,
    Vni,
}

/// Where the tone goes on oa, oe, uy ending a syllable; nothing else differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ToneStyle {
    /// hòa, khỏe, thúy (Unikey's default).
    #[default]
    Traditional,
    /// hoà, khoẻ, thuý.
    New,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub method: Method,
    pub style: ToneStyle,
    /// Telex: a `w` that marks no vowel types ư (Unikey's default); off, it types w.
    pub w_alone_is_u: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            method: Method::Telex,
            style: ToneStyle::Traditional,
            w_alone_is_u: true,
        }
    }
}

/// What the editor does for one key: delete `delete` characters before the cursor, then
/// insert `insert` (NFC).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edit {
    pub delete: usize,
    pub insert: String,
}

impl Edit {
    pub fn is_empty(&self) -> bool {
        self.delete == 0 && self.insert.is_empty()
    }

    /// Applies the edit to `text`, the cursor being at its end.
    pub fn apply_to(&self, text: &mut String) {
        for _ in 0..self.delete {
            text.pop();
        }
        text.push_str(&self.insert);
    }
}

/// The smallest edit turning `from` (just before the cursor) into `to`.
fn diff(from: &str, to: &str) -> Edit {
    let same = from
        .chars()
        .zip(to.chars())
        .take_while(|(a, b)| a == b)
        .count();
    Edit {
        delete: from.chars().count() - same,
        insert: to.chars().skip(same).collect(),
    }
}

/// The last word ended, kept so Ctrl-R can switch it between Vietnamese and its keys.
#[derive(Clone, Debug)]
struct Ended {
    keys: String,
    vietnamese: String,
    showing_keys: bool,
    /// What was typed after it (spaces, punctuation) through [`Engine::key`].
    trailing: String,
}

/// The typing engine. It holds the keys of the word being typed; feed it one key at a time.
#[derive(Clone, Debug)]
pub struct Engine {
    opts: Options,
    keys: String,
    word: Word,
    /// The current word as the editor shows it.
    shown: String,
    /// The current word is shown as its keys (after [`Engine::restore_raw`]).
    raw: bool,
    last: Option<Ended>,
}

impl Engine {
    pub fn new(opts: Options) -> Self {
        Engine {
            opts,
            keys: String::new(),
            word: Word::default(),
            shown: String::new(),
            raw: false,
            last: None,
        }
    }

    pub fn options(&self) -> Options {
        self.opts
    }

    /// A character the editor would insert. Letters (and in VNI the digits inside a word) go
    /// into the word; anything else (space, punctuation, a newline, a Telex digit) ends the
    /// word first, as [`Engine::end_word`], and is inserted after it.
    pub fn key(&mut self, c: char) -> Edit {
        let in_word = c.is_ascii_alphabetic()
            || (self.opts.method == Method::Vni && c.is_ascii_digit() && !self.keys.is_empty());
        if !in_word {
            let mut edit = self.end_word();
            edit.insert.push(c);
            if let Some(last) = &mut self.last {
                last.trailing.push(c);
            }
            return edit;
        }
        if self.keys.is_empty() {
            self.last = None;
        }
        self.keys.push(c);
        self.word.push(c, self.action(c));
        self.refresh()
    }

    /// The word ends without a character from us (Enter or Tab the editor handles itself, an
    /// arrow key, focus leaving the field): a word that is not Vietnamese goes back to the
    /// keys typed. The word stays restorable with Ctrl-R while the cursor has not moved;
    /// call [`Engine::reset`] when it has.
    pub fn end_word(&mut self) -> Edit {
        if self.keys.is_empty() {
            return Edit::default();
        }
        let vietnamese = self.word.render(self.opts.style);
        let restore = !self.raw && vietnamese != self.keys && !self.word.is_vietnamese();
        let edit = if restore {
            diff(&self.shown, &self.keys)
        } else {
            Edit::default()
        };
        self.last = Some(Ended {
            keys: std::mem::take(&mut self.keys),
            vietnamese,
            showing_keys: self.raw || restore,
            trailing: String::new(),
        });
        self.clear_word();
        edit
    }

    /// Ctrl-R: the word being typed, or else the last one ended, switches between its
    /// Vietnamese form and the keys typed (`dât` ↔ `data`). Pressed again, it switches back.
    pub fn restore_raw(&mut self) -> Edit {
        if !self.keys.is_empty() {
            self.raw = !self.raw;
            return self.refresh();
        }
        let Some(last) = &mut self.last else {
            return Edit::default();
        };
        let (from, to) = if last.showing_keys {
            (&last.keys, &last.vietnamese)
        } else {
            (&last.vietnamese, &last.keys)
        };
        let edit = diff(
            &format!("{from}{}", last.trailing),
            &format!("{to}{}", last.trailing),
        );
        last.showing_keys = !last.showing_keys;
        edit
    }

    /// The editor deleted the character before the cursor. The engine drops the last key if
    /// that gives the shown word, else retypes the shown word with canonical keys, else
    /// forgets the word. Deleting the space after a word takes that word up again.
    pub fn backspace(&mut self) {
        if self.keys.is_empty() {
            let Some(last) = &mut self.last else {
                return;
            };
            if last.trailing.pop().is_none() {
                self.last = None;
            } else if last.trailing.is_empty() {
                self.resume();
            }
            return;
        }
        let mut target: Vec<char> = self.shown.chars().collect();
        target.pop();
        let target: String = target.into_iter().collect();
        self.last = None;
        if target.is_empty() {
            self.clear_word();
            return;
        }
        if self.raw {
            self.keys.pop();
            self.word = self.compose(&self.keys);
            self.shown = target;
            return;
        }
        let mut fewer = self.keys.clone();
        fewer.pop();
        let spelled = match self.opts.method {
            Method::Telex => telex::spell(&target),
            Method::Vni => vni::spell(&target),
        };
        for keys in std::iter::once(fewer).chain(spelled) {
            let word = self.compose(&keys);
            if word.render(self.opts.style) == target {
                self.keys = keys;
                self.word = word;
                self.shown = target;
                return;
            }
        }
        self.clear_word();
    }

    /// The cursor moved elsewhere: forget the word and the last one.
    pub fn reset(&mut self) {
        self.clear_word();
        self.last = None;
    }

    /// The last word becomes the current one again (its trailing space was deleted).
    fn resume(&mut self) {
        let Some(last) = self.last.take() else {
            return;
        };
        self.word = self.compose(&last.keys);
        self.raw = last.showing_keys;
        self.shown = if self.raw {
            last.keys.clone()
        } else {
            last.vietnamese
        };
        self.keys = last.keys;
    }

    fn clear_word(&mut self) {
        self.keys.clear();
        self.word = Word::default();
        self.shown.clear();
        self.raw = false;
    }

    fn action(&self, c: char) -> word::Action {
        match self.opts.method {
            Method::Telex => telex::action(c, self.opts.w_alone_is_u),
            Method::Vni => vni::action(c),
        }
    }

    fn compose(&self, keys: &str) -> Word {
        let mut w = Word::default();
        for c in keys.chars() {
            w.push(c, self.action(c));
        }
        w
    }

    fn refresh(&mut self) -> Edit {
        let now = if self.raw {
            self.keys.clone()
        } else {
            self.word.render(self.opts.style)
        };
        let edit = diff(&self.shown, &now);
        self.shown = now;
        edit
    }
}

/// Types `keys` into an empty text and returns it. Spaces and punctuation end words (so a
/// foreign word before them is restored); the last word is left as typed, not ended.
pub fn type_str(opts: &Options, keys: &str) -> String {
    let mut engine = Engine::new(*opts);
    let mut text = String::new();
    for c in keys.chars() {
        engine.key(c).apply_to(&mut text);
    }
    text
}

#[cfg(test)]
mod tests;
