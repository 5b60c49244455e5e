//! Vietnamese labels are longer: every footer and status line still fits 80 columns in both
//! languages, and the history's columns line up.

mod support;

use crossterm::event::KeyCode;
use newsdesk::domain::{RevisionInfo, RevisionKind, Status};
use newsdesk::i18n::Lang;
use newsdesk::site::{Phase, Progress};
use newsdesk::tui::action::Action;
use newsdesk::tui::keymap::{self, Context};
use newsdesk::tui::state::TypingMode;
use newsdesk::tui::update::update;
use newsdesk::tui::view;
use support::clock::*;
use support::tui::newsroom::*;
use support::tui::*;
use unicode_width::UnicodeWidthStr;

// ---------------------------------------------------------------------------------------------
// 80 columns, both languages
// ---------------------------------------------------------------------------------------------

/// Whole hints, in table order, as many as fit in 80 columns: at least three of them, and
/// always the first (the key that matters most in that context).
#[test]
fn every_footer_fits_80_columns_in_both_languages() {
    for lang in [Lang::En, Lang::Vi] {
        for ctx in Context::ALL {
            let hints = keymap::hints(ctx, lang);
            let mut line = String::new();
            let mut shown = 0;
            for (k, help) in &hints {
                let next = format!("{line}{k} {help} ");
                if next.width() > 80 {
                    break;
                }
                line = next;
                shown += 1;
            }
            assert!(line.width() <= 80, "{lang:?} {ctx:?}: {line:?}");
            assert!(
                shown >= 3.min(hints.len()),
                "{lang:?} {ctx:?}: only {shown} hints fit: {line:?}"
            );
        }
    }
}

/// The footers as drawn are those whole hints.
#[test]
fn drawn_footers_hold_whole_hints_in_both_languages() {
    for lang in [Lang::En, Lang::Vi] {
        let mut screens = vec![(state(lang, rows()), Context::List)];
        let mut s = state(lang, rows());
        key(&mut s, KeyCode::Char('/'));
        screens.push((s, Context::Search));
        screens.push((editing(lang), Context::Editor));
        let mut s = editing(lang);
        ctrl(&mut s, 'p');
        screens.push((s, Context::Preview));
        let mut s = editing(lang);
        ctrl(&mut s, 'f');
        screens.push((s, Context::Find));
        for (s, ctx) in screens {
            let footer = row_text(&buffer(&s), H - 1);
            let mut expected = String::new();
            for (k, help) in keymap::hints(ctx, lang) {
                let next = format!("{expected}{k} {help} ");
                if next.width() > 80 {
                    break;
                }
                expected = next;
            }
            assert_eq!(footer, expected.trim_end(), "{lang:?} {ctx:?}");
        }
    }
}

/// The open article's part of the status line (and a running export's bar) is never cut: in
/// every status, typing mode, saved or not, read-only or not, with or without an export.
#[test]
fn every_status_line_fits_80_columns_in_both_languages() {
    let statuses = [
        Status::Draft,
        Status::Review,
        Status::Scheduled,
        Status::Published,
        Status::Archived,
    ];
    let phases = [
        Phase::Publishing,
        Phase::Rendering,
        Phase::Switching,
        Phase::Syncing,
    ];
    for lang in [Lang::En, Lang::Vi] {
        for status in statuses {
            for mode in [TypingMode::English, TypingMode::Telex, TypingMode::Vni] {
                for (dirty, read_only) in [(false, false), (true, false), (true, true)] {
                    for export in [None, Some(phases[0]), Some(phases[1]), Some(phases[3])] {
                        let mut s = editing(lang);
                        let e = s.editor_mut().unwrap();
                        e.status = status;
                        e.dirty = dirty;
                        if read_only {
                            update(
                                &mut s,
                                Action::LockHeld {
                                    id: 1,
                                    user: "nguyenlan".into(),
                                    host: "toasoan-01".into(),
                                    since: at(3, 42),
                                },
                            );
                        }
                        s.typing.mode = mode;
                        s.message = None;
                        let mut bar = 0;
                        if let Some(phase) = export {
                            let progress = Progress::new(phase, 1234, 5678);
                            s.export = Some(newsdesk::tui::state::ExportRun {
                                progress,
                                sync: true,
                            });
                            bar = view::export_bar(&s, &progress, W).width();
                            assert!(bar <= 40, "{lang:?} {phase:?}: bar {bar} > half the line");
                        }
                        let parts = view::status_parts(&s, W as usize - bar);
                        let left = parts.join(" · ");
                        assert!(
                            left.width() + bar <= 80,
                            "{lang:?}: {left:?} + bar {bar} over 80 columns"
                        );
                        // When room is short the word count goes, and only it.
                        let expected = 4 + usize::from(read_only) - usize::from(bar > 0);
                        assert!(parts.len() >= expected, "{lang:?}: {parts:?}");
                        let row = row_text(&buffer(&s), H - 2);
                        assert!(row.starts_with(&left), "{lang:?}: {row:?} cuts {left:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn history_columns_line_up_in_vietnamese() {
    let mut s = editing(Lang::Vi);
    ctrl(&mut s, 'v');
    let row = |rev, kind, who: &str| RevisionInfo {
        rev,
        kind,
        version: rev,
        status: Status::Draft,
        title: "Hội nghị".into(),
        saved_at: at(3, 10),
        saved_by: who.into(),
        word_count: 64,
    };
    update(
        &mut s,
        Action::HistoryLoaded {
            id: 1,
            revisions: vec![
                row(2, RevisionKind::Conflict, "lan"),
                row(1, RevisionKind::Save, "hoa"),
            ],
        },
    );
    let text = screen(&s);
    assert!(text.contains("Lịch sử · 2"), "{text}");
    let header = text
        .lines()
        .find(|l| l.contains("người"))
        .unwrap_or_default();
    let first = text
        .lines()
        .find(|l| l.contains("26/11 10:10"))
        .unwrap_or_default();
    // The date column starts where its heading does.
    let col = |l: &str, needle: &str| l.find(needle).map(|b| l[..b].width());
    assert_eq!(col(header, "lúc"), col(first, "26/11"), "{text}");
    assert!(text.contains("! bản lưu bị từ chối"), "{text}");
}
