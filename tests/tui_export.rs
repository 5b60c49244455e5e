//! Ctrl-X, the site export from the terminal app: the question, the progress the background
//! thread reports, the summary, a second export refused, and the editor usable meanwhile.
//! Pure `update` and views: no terminal, no store, no thread.

mod support;

use std::path::PathBuf;

use chrono::{FixedOffset, TimeZone, Utc};
use crossterm::event::KeyCode;
use newsdesk::domain::{Article, Status};
use newsdesk::site::{Phase, Progress};
use newsdesk::store::ArticleSummary;
use newsdesk::tui::action::{Action, Effect, ExportSummary, SyncSummary};
use newsdesk::tui::state::{Dialog, Field, State};
use newsdesk::tui::update::update;
use newsdesk::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use support::tui::{ctrl, key as press, message, screen};
use unicode_width::UnicodeWidthStr;

const PUBLIC: &str = "/srv/newsdesk/public";
const RSYNC: &str = "rsync -a --delete '/srv/newsdesk/public'/ www@web:/var/www/site/";

fn row(id: i64, title: &str) -> ArticleSummary {
    ArticleSummary {
        id,
        slug: format!("bai-{id}"),
        title: title.into(),
        status: Status::Draft,
        section: "Thời sự".into(),
        tags: Vec::new(),
        byline: "Nguyễn Thị Đào".into(),
        publish_at: None,
        updated_at: Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap(),
        updated_by: "hoa".into(),
        word_count: 3,
    }
}

fn article() -> Article {
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 2, 0, 0).unwrap();
    Article {
        id: 7,
        slug: "hoi-nghi-so-ket".into(),
        title: "Hội nghị sơ kết công tác dân vận".into(),
        lede: "Sáng 26/11, Huyện ủy tổ chức hội nghị.".into(),
        body: "Dòng một.\nDòng hai.".into(),
        byline: "Nguyễn Thị Đào".into(),
        signed_by: "Ban Dân vận Huyện ủy".into(),
        section: "Thời sự".into(),
        tags: Vec::new(),
        status: Status::Draft,
        publish_at: None,
        created_at: at,
        created_by: "hoa".into(),
        updated_at: at,
        updated_by: "hoa".into(),
        version: 3,
    }
}

fn list(w: u16, h: u16, color: bool) -> State {
    let mut s = State::new(w, h, color, FixedOffset::east_opt(7 * 3600).unwrap());
    update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: vec![
                row(7, "Hội nghị sơ kết công tác dân vận"),
                row(8, "Mùa cà phê"),
            ],
            total: 2,
            snippets: Vec::new(),
        },
    );
    s
}

/// The list with article 7 open in the editor (its lock held).
fn editing(w: u16, h: u16, color: bool) -> State {
    let mut s = list(w, h, color);
    press(&mut s, KeyCode::Enter);
    update(&mut s, Action::ArticleLoaded(article()));
    update(&mut s, Action::LockTaken { id: 7, from: None });
    s
}

/// The settings the runtime reads after Ctrl-X: the export folder and the sync command.
fn ready(s: &mut State, out: Option<&str>, sync: Option<&str>) {
    let ready = Action::ExportReady {
        out: out.map(PathBuf::from),
        sync: sync.map(str::to_string),
    };
    assert!(update(s, ready).is_empty());
}

/// Ctrl-X, the settings read, then `y`: the export effect.
fn start(s: &mut State, sync: Option<&str>) -> Vec<Effect> {
    assert_eq!(ctrl(s, 'x'), vec![Effect::PrepareExport]);
    ready(s, Some(PUBLIC), sync);
    assert!(matches!(s.dialog, Some(Dialog::ConfirmExport { .. })));
    press(s, KeyCode::Char('y'))
}

fn progress(s: &mut State, phase: Phase, done: usize, total: usize) {
    assert!(update(s, Action::ExportProgress(Progress::new(phase, done, total))).is_empty());
}

fn summary(sync: Option<Result<SyncSummary, String>>) -> ExportSummary {
    ExportSummary {
        published: Vec::new(),
        written: 12,
        unchanged: 380,
        removed: 1,
        live: PathBuf::from("/srv/newsdesk/public"),
        secs: 1.43,
        sync,
    }
}

#[test]
fn ctrl_x_asks_with_the_folder_and_the_sync_command_then_exports_and_syncs() {
    let mut s = list(80, 24, true);
    assert_eq!(ctrl(&mut s, 'x'), vec![Effect::PrepareExport]);
    ready(&mut s, Some(PUBLIC), Some(RSYNC));
    let text = screen(&s);
    assert!(text.contains("Export the site and sync?"), "{text}");
    assert!(text.contains("Folder  /srv/newsdesk/public"), "{text}");
    assert!(text.contains("Sync    rsync -a --delete"), "{text}");
    // Other keys keep the question.
    assert!(press(&mut s, KeyCode::Char('x')).is_empty());
    assert!(s.dialog.is_some());
    assert_eq!(
        press(&mut s, KeyCode::Char('y')),
        vec![Effect::Export { sync: true }]
    );
    assert_eq!(s.dialog, None);
    let run = s.export.expect("the export runs");
    assert!(run.sync);
    assert_eq!(run.progress.phase, Phase::Publishing);
}

#[test]
fn without_a_sync_command_the_question_leaves_sync_out() {
    let mut s = list(80, 24, true);
    ctrl(&mut s, 'x');
    ready(&mut s, Some(PUBLIC), None);
    let text = screen(&s);
    assert!(text.contains("Export the site?"), "{text}");
    assert!(!text.contains("Sync "), "{text}");
    assert_eq!(
        press(&mut s, KeyCode::Enter),
        vec![Effect::Export { sync: false }]
    );
}

#[test]
fn n_or_esc_cancels_and_no_export_folder_is_explained() {
    let mut s = list(80, 24, true);
    ctrl(&mut s, 'x');
    ready(&mut s, Some(PUBLIC), None);
    assert!(press(&mut s, KeyCode::Char('n')).is_empty());
    assert_eq!(s.dialog, None);
    assert!(s.export.is_none());
    assert_eq!(message(&s), ("Export cancelled.".to_string(), false));

    ctrl(&mut s, 'x');
    ready(&mut s, None, None);
    assert_eq!(s.dialog, None);
    let (text, error) = message(&s);
    assert!(
        error && text.contains("newsdesk site set export_dir DIR"),
        "{text}"
    );
}

#[test]
fn progress_moves_the_bar_and_the_summary_ends_it() {
    let mut s = list(80, 24, true);
    start(&mut s, None);
    progress(&mut s, Phase::Publishing, 1, 2);
    assert_eq!(
        s.export.unwrap().progress,
        Progress::new(Phase::Publishing, 1, 2)
    );
    progress(&mut s, Phase::Rendering, 256, 400);
    let text = screen(&s);
    assert!(text.contains("export rendering █████░░░ 256/400"), "{text}");
    progress(&mut s, Phase::Switching, 400, 400);
    assert!(screen(&s).contains("export switching ████████ 400/400"));

    let fx = update(&mut s, Action::ExportFinished(Ok(summary(None))));
    assert!(fx.is_empty(), "nothing published on schedule: {fx:?}");
    assert!(s.export.is_none());
    assert_eq!(
        message(&s),
        (
            "Site exported in 1.4 s: 12 written, 380 unchanged, 1 removed".to_string(),
            false
        )
    );
    assert!(!screen(&s).contains("export "), "the bar is gone");
}

#[test]
fn articles_published_on_schedule_reload_the_list() {
    let mut s = list(80, 24, true);
    start(&mut s, None);
    let mut done = summary(None);
    done.published = vec![
        published_by_the_export(4),
        Article {
            id: 8,
            ..published_by_the_export(2)
        },
    ];
    done.written = 0;
    done.removed = 0;
    let fx = update(&mut s, Action::ExportFinished(Ok(done)));
    assert!(matches!(fx.as_slice(), [Effect::LoadList(_)]), "{fx:?}");
    assert_eq!(
        message(&s).0,
        "Site up to date (1.4 s): 0 written, 380 unchanged, 0 removed; 2 published on schedule"
    );
}

#[test]
fn the_sync_outcome_is_in_the_summary_with_its_last_line_and_log() {
    let log = PathBuf::from("/tmp/newsdesk-sync-4242.log");
    let mut s = list(80, 24, true);
    start(&mut s, Some(RSYNC));
    progress(&mut s, Phase::Syncing, 0, 0);
    assert!(screen(&s).contains("export syncing…"), "{}", screen(&s));
    let ok = SyncSummary {
        code: Some(0),
        timed_out: None,
        last_line: "sent 1,234 bytes  received 56 bytes".into(),
        log: log.clone(),
        secs: 0.8,
    };
    update(
        &mut s,
        Action::ExportFinished(Ok(summary(Some(Ok(ok.clone()))))),
    );
    let (text, error) = message(&s);
    assert!(!error);
    assert!(
        text.ends_with(
            "; synced in 0.8 s (exit code 0): sent 1,234 bytes  received 56 bytes \
             (log /tmp/newsdesk-sync-4242.log)"
        ),
        "{text}"
    );

    // A failed sync: an error, the exit code, the log, then its last line, first.
    start(&mut s, Some(RSYNC));
    let failed = SyncSummary {
        code: Some(23),
        last_line: "rsync error: some files could not be transferred (code 23)".into(),
        ..ok
    };
    update(
        &mut s,
        Action::ExportFinished(Ok(summary(Some(Ok(failed))))),
    );
    let (text, error) = message(&s);
    assert!(error);
    assert!(
        text.starts_with(
            "Sync failed (exit code 23, log /tmp/newsdesk-sync-4242.log): rsync error: \
             some files could not be transferred (code 23). The export is in place. Site exported"
        ),
        "{text}"
    );

    // A sync stopped at its timeout: an error naming the setting and the limit.
    start(&mut s, Some(RSYNC));
    let stopped = SyncSummary {
        code: None,
        timed_out: Some("10m".into()),
        last_line: "sending incremental file list".into(),
        log: log.clone(),
        secs: 600.0,
    };
    update(
        &mut s,
        Action::ExportFinished(Ok(summary(Some(Ok(stopped))))),
    );
    let (text, error) = message(&s);
    assert!(error);
    assert!(
        text.starts_with(
            "Sync failed (stopped after 10m, the sync_timeout setting, log \
             /tmp/newsdesk-sync-4242.log): sending incremental file list. The export is in place."
        ),
        "{text}"
    );

    // A sync that could not run at all.
    start(&mut s, Some(RSYNC));
    let cannot = Err("cannot write the sync log /tmp/x.log: Permission denied".to_string());
    update(&mut s, Action::ExportFinished(Ok(summary(Some(cannot)))));
    let (text, error) = message(&s);
    assert!(
        error && text.starts_with("The sync could not run (cannot write"),
        "{text}"
    );
}

#[test]
fn a_failed_export_says_what_failed() {
    let mut s = list(80, 24, true);
    start(&mut s, None);
    let why = "template article.html, line 3: undefined value";
    update(&mut s, Action::ExportFinished(Err(why.into())));
    assert!(s.export.is_none());
    assert_eq!(
        message(&s),
        (
            format!("Export failed: {why}. The live site is as it was."),
            true
        )
    );
    // And another one may start.
    assert_eq!(ctrl(&mut s, 'x'), vec![Effect::PrepareExport]);
}

#[test]
fn a_second_export_while_one_runs_is_refused() {
    let mut s = list(80, 24, true);
    start(&mut s, None);
    progress(&mut s, Phase::Rendering, 120, 400);
    assert!(ctrl(&mut s, 'x').is_empty());
    assert_eq!(s.dialog, None);
    assert_eq!(
        message(&s),
        (
            "An export is already running (rendering 120/400): wait for it to finish.".into(),
            true
        )
    );
    // Settings that arrive anyway open no question.
    ready(&mut s, Some(PUBLIC), None);
    assert_eq!(s.dialog, None);
    assert_eq!(s.export.unwrap().progress.done, 120);
}

#[test]
fn the_editor_stays_usable_while_an_export_runs() {
    let mut s = editing(80, 24, true);
    start(&mut s, None);
    progress(&mut s, Phase::Rendering, 10, 400);
    while s.editor().unwrap().focus != Field::Body {
        press(&mut s, KeyCode::Tab);
    }
    for c in "Mới. ".chars() {
        press(&mut s, KeyCode::Char(c));
    }
    progress(&mut s, Phase::Rendering, 20, 400);
    let e = s.editor().unwrap();
    assert!(e.dirty);
    assert!(e.value(Field::Body).starts_with("Mới. Dòng một."));
    let fx = ctrl(&mut s, 's');
    assert!(
        matches!(fx.as_slice(), [Effect::Save { id: Some(7), .. }]),
        "{fx:?}"
    );
    assert!(s.export.is_some(), "saving leaves the export running");
}

/// The progress bar at 80×24, beside the editor's status and a message.
#[test]
fn progress_bar_screen() {
    let mut s = editing(80, 24, true);
    start(&mut s, Some(RSYNC));
    progress(&mut s, Phase::Rendering, 256, 400);
    let text = screen(&s);
    let status = text.lines().nth(22).unwrap();
    assert!(status.width() <= 80, "{status:?}");
    assert!(status.starts_with("draft · "), "{status:?}");
    assert!(
        status.ends_with("export rendering █████░░░ 256/400"),
        "{status:?}"
    );
    insta::assert_snapshot!("export_progress_80x24", text);
}

#[test]
fn without_colour_the_bar_and_the_question_use_none() {
    let mut s = editing(80, 24, false);
    ctrl(&mut s, 'x');
    ready(&mut s, Some(PUBLIC), Some(RSYNC));
    for step in ["question", "bar"] {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| view::draw(f, &s)).unwrap();
        let buf = terminal.backend().buffer();
        for c in buf.content() {
            assert!(
                c.fg == Color::Reset && c.bg == Color::Reset,
                "{step}: {c:?}"
            );
        }
        press(&mut s, KeyCode::Char('y'));
        progress(&mut s, Phase::Rendering, 3, 4);
    }
}

/// Article 7 as the export leaves it: published on schedule, one version on.
fn published_by_the_export(version: i64) -> Article {
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 3, 0, 0).unwrap();
    Article {
        status: Status::Published,
        publish_at: Some(at),
        updated_by: "hoa".into(),
        version,
        ..article()
    }
}

#[test]
fn the_open_article_published_by_the_export_takes_the_move_in_at_once() {
    let mut s = editing(140, 40, true);
    // Typing in the body meanwhile: the text stays, the status and base version move on.
    while s.editor().unwrap().focus != Field::Body {
        press(&mut s, KeyCode::Tab);
    }
    press(&mut s, KeyCode::Char('X'));
    let done = ExportSummary {
        published: vec![published_by_the_export(4)],
        ..summary(None)
    };
    update(&mut s, Action::ExportFinished(Ok(done)));
    let e = s.editor().unwrap();
    assert_eq!((e.status, e.base_version), (Status::Published, 4));
    assert_eq!(e.value(Field::PublishAt), "2026-11-26 10:00");
    assert!(e.value(Field::Body).starts_with("XDòng một."));
    match ctrl(&mut s, 's').as_slice() {
        [
            Effect::Save {
                base_version,
                fields,
                ..
            },
        ] => {
            assert_eq!(*base_version, 4);
            assert_eq!(
                fields.publish_at,
                Some(Utc.with_ymd_and_hms(2026, 11, 26, 3, 0, 0).unwrap())
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_colleagues_save_after_the_export_is_left_to_the_conflict_dialog() {
    let mut s = editing(140, 40, true);
    // The export's move is version 4, but the editor was opened at 3 and the store is at
    // 5 now: not taken in; the next save meets the conflict check as any other.
    let done = ExportSummary {
        published: vec![published_by_the_export(5)],
        ..summary(None)
    };
    update(&mut s, Action::ExportFinished(Ok(done)));
    let e = s.editor().unwrap();
    assert_eq!((e.status, e.base_version), (Status::Draft, 3));
}
