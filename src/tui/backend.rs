//! A terminal backend that remembers what the terminal already has: where its cursor is, the
//! colours and attributes in force, whether the cursor is shown. ratatui's crossterm backend
//! moves the cursor before every changed run, resets all attributes after every frame and
//! hides the cursor again each time; over SSH that tripled the bytes sent per typed key.

use std::io::{self, Write};

use crossterm::cursor::{Hide, MoveLeft, MoveRight, MoveTo, Show};
use crossterm::queue;
use crossterm::style::{
    Attribute, Print, SetAttribute, SetBackgroundColor, SetForegroundColor, SetUnderlineColor,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The attributes a cell is drawn with.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

const PLAIN: Pen = Pen {
    fg: Color::Reset,
    bg: Color::Reset,
    underline: Color::Reset,
    modifier: Modifier::empty(),
};

pub struct LeanBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// Where the terminal's cursor is, when we know.
    at: Option<Position>,
    /// The pen in force, when we know.
    pen: Option<Pen>,
    cursor_shown: Option<bool>,
    width: u16,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> Self {
        let inner = CrosstermBackend::new(writer);
        let width = inner.size().map_or(0, |s| s.width);
        Self::with_width(inner, width)
    }

    fn with_width(inner: CrosstermBackend<W>, width: u16) -> Self {
        LeanBackend {
            inner,
            at: None,
            pen: None,
            cursor_shown: None,
            width,
        }
    }

    /// Moves the terminal's cursor, along the row when that is shorter to say.
    fn move_to(&mut self, p: Position) -> io::Result<()> {
        match self.at {
            Some(at) if at == p => Ok(()),
            // "ESC [ C" is one column without a count: the common case while typing spaces.
            Some(at) if at.y == p.y && p.x == at.x + 1 => self.inner.write_all(b"\x1b[C"),
            Some(at) if at.y == p.y && p.x > at.x => queue!(self.inner, MoveRight(p.x - at.x)),
            Some(at) if at.y == p.y => queue!(self.inner, MoveLeft(at.x - p.x)),
            _ => queue!(self.inner, MoveTo(p.x, p.y)),
        }
    }

    fn set_pen(&mut self, to: Pen) -> io::Result<()> {
        let w = &mut self.inner;
        let from = match self.pen {
            // Attributes cannot be switched off one by one on every terminal: start over.
            Some(p) if p.modifier == to.modifier || to.modifier.contains(p.modifier) => p,
            _ => {
                queue!(w, SetAttribute(Attribute::Reset))?;
                PLAIN
            }
        };
        let added = to.modifier - from.modifier;
        for (m, a) in [
            (Modifier::BOLD, Attribute::Bold),
            (Modifier::DIM, Attribute::Dim),
            (Modifier::ITALIC, Attribute::Italic),
            (Modifier::UNDERLINED, Attribute::Underlined),
            (Modifier::SLOW_BLINK, Attribute::SlowBlink),
            (Modifier::RAPID_BLINK, Attribute::RapidBlink),
            (Modifier::REVERSED, Attribute::Reverse),
            (Modifier::HIDDEN, Attribute::Hidden),
            (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        ] {
            if added.contains(m) {
                queue!(w, SetAttribute(a))?;
            }
        }
        if to.fg != from.fg {
            queue!(w, SetForegroundColor(to.fg.into_crossterm()))?;
        }
        if to.bg != from.bg {
            queue!(w, SetBackgroundColor(to.bg.into_crossterm()))?;
        }
        if to.underline != from.underline {
            queue!(w, SetUnderlineColor(to.underline.into_crossterm()))?;
        }
        self.pen = Some(to);
        Ok(())
    }
}

impl<W: Write> Write for LeanBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.move_to(Position { x, y })?;
            let pen = Pen {
                fg: cell.fg,
                bg: cell.bg,
                underline: cell.underline_color,
                modifier: cell.modifier,
            };
            if self.pen != Some(pen) {
                self.set_pen(pen)?;
            }
            let symbol = cell.symbol();
            queue!(self.inner, Print(symbol))?;
            let next = x.saturating_add(symbol.width().max(1) as u16);
            // At the right edge the terminal's cursor waits to wrap: its place is unknown.
            self.at = (next < self.width).then_some(Position { x: next, y });
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            queue!(self.inner, Hide)?;
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            queue!(self.inner, Show)?;
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.move_to(p)?;
        self.at = Some(p);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        // Clearing paints with the current background: start from plain. A clear also follows
        // anything else writing to the terminal (an external editor), so forget the rest.
        queue!(self.inner, SetAttribute(Attribute::Reset))?;
        self.pen = Some(PLAIN);
        self.at = None;
        self.cursor_shown = None;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        queue!(self.inner, SetAttribute(Attribute::Reset))?;
        self.pen = Some(PLAIN);
        self.at = None;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Ok(size) = self.inner.size() {
            self.width = size.width;
        }
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// A writer the test can read back while the backend owns it.
    #[derive(Clone, Default)]
    struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    struct Probe {
        b: LeanBackend<Sink>,
        sink: Sink,
    }

    fn backend() -> Probe {
        let sink = Sink::default();
        let b = LeanBackend::with_width(CrosstermBackend::new(sink.clone()), 20);
        Probe { b, sink }
    }

    /// What the backend has sent since the last call.
    fn take(p: &mut Probe) -> String {
        Write::flush(&mut p.b).unwrap();
        let bytes = std::mem::take(&mut *p.sink.0.borrow_mut());
        String::from_utf8(bytes).unwrap()
    }

    fn cells(text: &str, style: Style) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 2));
        buf.set_string(0, 0, text, style);
        buf
    }

    #[test]
    fn typing_after_the_cursor_sends_just_the_character() {
        let mut b = backend();
        let before = cells("Xin", Style::default());
        b.b.draw(
            before
                .content
                .iter()
                .take(3)
                .enumerate()
                .map(|(i, c)| (i as u16, 0, c)),
        )
        .unwrap();
        b.b.set_cursor_position((3, 0)).unwrap();
        take(&mut b);
        let after = cells("Xin ch", Style::default());
        let changed: Vec<(u16, u16, &Cell)> = (3..6).map(|x| (x, 0, &after[(x, 0)])).collect();
        b.b.draw(changed.into_iter()).unwrap();
        b.b.set_cursor_position((6, 0)).unwrap();
        assert_eq!(take(&mut b), " ch", "no move, no attribute reset");
    }

    #[test]
    fn attributes_carry_over_and_are_reset_only_when_dropped() {
        let mut b = backend();
        let bold = cells("ab", Style::default().add_modifier(Modifier::BOLD));
        b.b.draw([(0, 0, &bold[(0, 0)])].into_iter()).unwrap();
        let first = take(&mut b);
        assert!(first.contains("\x1b[1m"), "{first:?}");
        b.b.draw([(1, 0, &bold[(1, 0)])].into_iter()).unwrap();
        assert_eq!(take(&mut b), "b", "bold is still in force");
        let plain = cells("c", Style::default());
        b.b.draw([(2, 0, &plain[(0, 0)])].into_iter()).unwrap();
        assert_eq!(take(&mut b), "\x1b[0mc");
    }

    #[test]
    fn cursor_visibility_is_sent_only_when_it_changes() {
        let mut b = backend();
        b.b.hide_cursor().unwrap();
        b.b.hide_cursor().unwrap();
        assert_eq!(take(&mut b), "\x1b[?25l");
        b.b.show_cursor().unwrap();
        b.b.show_cursor().unwrap();
        assert_eq!(take(&mut b), "\x1b[?25h");
    }

    #[test]
    fn moves_along_a_row_are_relative_and_the_right_edge_is_unknown() {
        let mut b = backend();
        b.b.set_cursor_position((2, 1)).unwrap();
        b.b.set_cursor_position((3, 1)).unwrap();
        b.b.set_cursor_position((7, 1)).unwrap();
        b.b.set_cursor_position((5, 1)).unwrap();
        assert_eq!(take(&mut b), "\x1b[2;3H\x1b[C\x1b[4C\x1b[2D");
        let row = cells("x", Style::default());
        b.b.draw([(19, 0, &row[(0, 0)])].into_iter()).unwrap();
        b.b.set_cursor_position((0, 1)).unwrap();
        assert!(
            take(&mut b).ends_with("\x1b[2;1H"),
            "after the last column, move absolutely"
        );
    }
}
