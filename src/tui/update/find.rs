//! Find in the body (Ctrl-F): the query folds case and Vietnamese marks, đ included, as the
//! list's search does, so `dan van` finds “Dân vận”; the status line says which match of how
//! many the cursor is on.

use std::collections::HashMap;
use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use super::say;
use crate::domain::text;
use crate::tui::action::Effect;
use crate::tui::msg::Msg;
use crate::tui::state::{Screen, State};

pub fn find_input(s: &mut State, k: KeyEvent) -> Vec<Effect> {
    if let Some(query) = edit_query(s, k) {
        search(s, &query);
    }
    Vec::new()
}

/// Looks for `query` from the cursor on (a match at the cursor counts) and says how it went;
/// an empty query clears the search and its message.
fn search(s: &mut State, query: &str) {
    let Some(e) = s.editor_mut() else { return };
    let _ = e.body.set_search_pattern(pattern(query));
    if query.is_empty() {
        s.message = None;
        return;
    }
    let found = e.body.search_forward(true);
    tell(s, found);
}

/// The query after `k`, or `None` when `k` is not for it. The typing mode applies here as
/// in the body: with Telex on, `vaajn` finds “vận”.
fn edit_query(s: &mut State, k: KeyEvent) -> Option<String> {
    let engine = s.typing.engine.as_mut();
    let Screen::Article(a) = &mut s.screen else {
        return None;
    };
    let find = a.editor.find.as_mut()?;
    match k.code {
        KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => match engine {
            Some(engine) => engine.key(c).apply_to(find),
            None => find.push(c),
        },
        KeyCode::Backspace => {
            if let Some(engine) = engine {
                engine.backspace();
            }
            find.pop();
        }
        _ => return None,
    }
    Some(find.clone())
}

/// The next or previous match (Enter, ↓ and ↑ in the find field; Ctrl-G in the body).
pub fn step(s: &mut State, forward: bool) {
    let Some(e) = s.editor_mut() else { return };
    // An empty query takes the last one offered: reopen, Enter, and it finds again.
    if let Some(find) = e.find.as_mut().filter(|f| f.is_empty())
        && !e.last_find.is_empty()
    {
        find.clone_from(&e.last_find);
        let query = e.last_find.clone();
        search(s, &query);
        return;
    }
    let found = if forward {
        e.body.search_forward(false)
    } else {
        e.body.search_back(false)
    };
    tell(s, found);
}

/// "2/5", or "Not found." — a later success replaces an earlier "Not found.".
fn tell(s: &mut State, found: bool) {
    let count = s.editor().map(|e| count(&e.body));
    match count {
        Some((at, of)) if found && of > 0 => say(s, Msg::FindCount { at, of }),
        _ => say(s, Msg::NotFound),
    }
}

/// Which match the cursor is on (1-based) and how many there are.
fn count(body: &TextArea<'_>) -> (usize, usize) {
    let Some(re) = body.search_pattern() else {
        return (0, 0);
    };
    let cursor = body.cursor();
    let (mut at, mut of) = (0, 0);
    for (row, line) in body.lines().iter().enumerate() {
        for m in re.find_iter(line) {
            of += 1;
            // The regex gives byte offsets; the cursor counts chars.
            let col = line.get(..m.start()).map_or(0, |p| p.chars().count());
            if (row, col) <= (cursor.0, cursor.1) {
                at = of;
            }
        }
    }
    (at, of)
}

/// The regex for a query: each letter stands for every letter that folds to it (`a` for
/// a, à, ạ, ă, ắ, â, ậ…; `d` for d and đ), anything else for itself; case is ignored.
pub fn pattern(query: &str) -> String {
    if query.is_empty() {
        return String::new();
    }
    let mut out = String::from("(?i)");
    for f in text::fold(&text::nfc(query)).chars() {
        match variants().get(&f) {
            Some(class) => {
                out.push('[');
                out.push_str(class);
                out.push(']');
            }
            None => push_escaped(&mut out, f),
        }
    }
    out
}

/// For each letter, the letters that fold to it, when there are more than itself.
fn variants() -> &'static HashMap<char, String> {
    static VARIANTS: OnceLock<HashMap<char, String>> = OnceLock::new();
    VARIANTS.get_or_init(|| {
        let mut by: HashMap<char, String> = HashMap::new();
        // Latin-1, Latin Extended-A and -B, and the Vietnamese block: every accented letter.
        let letters = ('\u{c0}'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}');
        for c in letters {
            let folded = text::fold(&c.to_string());
            let mut chars = folded.chars();
            if let (Some(f), None) = (chars.next(), chars.next())
                && f != c
                && f.is_ascii_alphabetic()
            {
                by.entry(f).or_insert_with(|| f.to_string()).push(c);
            }
        }
        by
    })
}

/// Find is literal text: escape what the regex engine would read as syntax.
fn push_escaped(out: &mut String, c: char) {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(query: &str, text: &str) -> bool {
        let mut body = TextArea::from([text]);
        body.set_search_pattern(pattern(query)).unwrap();
        body.search_forward(true)
    }

    #[test]
    fn the_count_says_which_match_the_cursor_is_on() {
        let mut body = TextArea::from(["Dân vận khéo", "dan van", "Dân Vận"]);
        body.set_search_pattern(pattern("dân vận")).unwrap();
        assert!(body.search_forward(true));
        assert_eq!(count(&body), (1, 3));
        assert!(body.search_forward(false));
        assert_eq!(count(&body), (2, 3));
    }

    #[test]
    fn a_query_finds_the_text_with_or_without_marks() {
        assert!(finds("dan van", "Ban Dân vận Huyện ủy"));
        assert!(finds("dang uy", "Đảng ủy xã"));
        assert!(finds("Đảng", "dang"));
        assert!(finds("HUYEN", "huyện"));
        assert!(finds("a.b", "a.b"));
        assert!(!finds("a.b", "axb"));
        assert!(!finds("dan van", "dân vật"));
    }
}
