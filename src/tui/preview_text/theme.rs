//! Preview styles; under NO_COLOR the same distinctions are kept by modifiers alone.

use pulldown_cmark::HeadingLevel;
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Default)]
pub(super) struct Theme {
    pub(super) color: bool,
}

impl Theme {
    fn tint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }
    pub(super) fn heading(self, level: HeadingLevel) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        let s = if level <= HeadingLevel::H2 {
            s.add_modifier(Modifier::UNDERLINED)
        } else {
            s
        };
        self.tint(s, Color::Cyan)
    }
    pub(super) fn code(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    pub(super) fn link(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::UNDERLINED), Color::Blue)
    }
    pub(super) fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }
}
