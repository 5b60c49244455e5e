//! Keeping the preview and the text areas' highlights in step with the state.

use crate::domain::ArticleFields;
use crate::tui::preview_text::{PreviewInput, render as render_preview};
use crate::tui::state::{PreviewCache, State};

/// Under NO_COLOR the text areas' own highlights (find matches, selection) use reverse video
/// instead of their default background colours.
pub fn plain_highlights(s: &mut State) {
    if s.color {
        return;
    }
    let Some(e) = s.editor_mut() else { return };
    let reversed =
        ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED);
    for area in e.lines.iter_mut().chain(std::iter::once(&mut e.body)) {
        area.set_search_style(reversed);
        area.set_selection_style(reversed);
    }
}

/// Re-renders the preview when its text (the open article, or a revision from its history)
/// or the pane width changed; not on every frame, and not while the preview is hidden.
pub fn refresh(s: &mut State) {
    let area = ratatui::layout::Rect::new(0, 0, s.width, s.height);
    let Some(pane) = crate::tui::layout::panes(area, s).preview else {
        return;
    };
    let width = pane.width.saturating_sub(2);
    let fresh = |id: Option<i64>, rev: Option<i64>, revision: u64| {
        s.preview.as_ref().is_some_and(|p| {
            p.id == id && p.rev == rev && p.revision == revision && p.width == width
        })
    };
    if let Some(r) = s.revisions()
        && let Some((rev, fields)) = r.shown.as_ref()
    {
        if !fresh(Some(r.article_id), Some(*rev), 0) {
            let lines = render_fields(fields, width, s.color);
            s.preview = Some(PreviewCache {
                id: Some(r.article_id),
                rev: Some(*rev),
                revision: 0,
                width,
                lines,
            });
        }
        return;
    }
    let Some(e) = s.editor() else {
        s.preview = None;
        return;
    };
    if fresh(e.id, None, e.revision) {
        return;
    }
    let (id, revision) = (e.id, e.revision);
    let lines = render_fields(&e.fields(), width, s.color);
    s.preview = Some(PreviewCache {
        id,
        rev: None,
        revision,
        width,
        lines,
    });
}

fn render_fields(f: &ArticleFields, width: u16, color: bool) -> Vec<ratatui::text::Line<'static>> {
    let input = PreviewInput {
        title: &f.title,
        lede: &f.lede,
        body: &f.body,
        byline: &f.byline,
        signed_by: &f.signed_by,
    };
    render_preview(&input, width, color)
}
