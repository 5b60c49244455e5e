//! The TUI's pure `update` through the main journeys: no terminal, no store, no clock.
//! Every test builds a `State`, feeds it actions (rows arriving, keys, pastes, store replies)
//! and checks the effects it asks for and the state it leaves.

mod support;

use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use newsdesk::domain::{Article, ArticleFields, Status, allowed_moves};
use newsdesk::store::{ArticleSummary, Sort};
use newsdesk::tui::action::{Action, Effect, ListRequest};
use newsdesk::tui::state::{AfterLeave, Dialog, Field, LIST_WINDOW, Pane, State};
use newsdesk::tui::update::update;
use support::clock::{at, vn};
use support::tui::{body, ctrl, dirty, key as press, message};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn summary(id: i64, title: &str, status: Status) -> ArticleSummary {
    ArticleSummary {
        id,
        slug: format!("bai-{id}"),
        title: title.into(),
        status,
        section: "Thời sự".into(),
        tags: vec!["dân vận".into()],
        byline: "Nguyễn Thị Đào".into(),
        publish_at: None,
        updated_at: at(2, id as u32),
        updated_by: "hoa".into(),
        word_count: 3,
    }
}

fn rows() -> Vec<ArticleSummary> {
    vec![
        summary(7, "Hội nghị sơ kết công tác dân vận", Status::Draft),
        summary(8, "Đắk Glong: mùa cà phê mới", Status::Review),
        summary(9, "Người ưu tú của bản", Status::Published),
    ]
}

const BODY: &str = "Dòng một.\nDòng hai.\nDòng ba.";

fn article(id: i64, version: i64) -> Article {
    Article {
        id,
        slug: format!("bai-{id}"),
        title: "Hội nghị sơ kết công tác dân vận".into(),
        lede: "Sáng 26/11, Huyện ủy tổ chức hội nghị.".into(),
        body: BODY.into(),
        byline: "Nguyễn Thị Đào".into(),
        signed_by: "Ban Dân vận Huyện ủy".into(),
        section: "Thời sự".into(),
        tags: vec!["dân vận".into(), "hội nghị".into()],
        status: Status::Draft,
        publish_at: None,
        created_at: at(1, 0),
        created_by: "hoa".into(),
        updated_at: at(2, 0),
        updated_by: "hoa".into(),
        version,
    }
}

/// A three-pane screen with the demo rows loaded and the list focused.
fn with_rows() -> State {
    let mut s = State::new(140, 40, true, vn());
    let fx = update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: rows(),
            total: 3,
            snippets: Vec::new(),
        },
    );
    assert!(fx.is_empty(), "{fx:?}");
    s
}

fn ch(s: &mut State, c: char) -> Vec<Effect> {
    press(s, KeyCode::Char(c))
}

/// Types `text` key by key; returns the effects of the last key.
fn typing(s: &mut State, text: &str) -> Vec<Effect> {
    let mut last = Vec::new();
    for c in text.chars() {
        last = ch(s, c);
    }
    last
}

/// Opens article `id` (selected in the list) the way a user does: Enter, then the store's
/// replies: the article, then its lock.
fn open(s: &mut State, a: Article) {
    let id = a.id;
    let fx = press(s, KeyCode::Enter);
    assert_eq!(fx, vec![Effect::LoadArticle(id)]);
    assert_eq!(
        update(s, Action::ArticleLoaded(a)),
        vec![Effect::TakeLock(id)]
    );
    assert!(update(s, Action::LockTaken { id, from: None }).is_empty());
}

/// Moves the editor's focus to the body with Tab.
fn to_body(s: &mut State) {
    while s.editor().unwrap().focus != Field::Body {
        assert!(press(s, KeyCode::Tab).is_empty());
    }
}

/// Open article 7 and put the cursor at the start of its body.
fn editing() -> State {
    let mut s = with_rows();
    open(&mut s, article(7, 3));
    to_body(&mut s);
    s
}

/// Discarding saves nothing (it may drop a recovery copy: that is not checked here).
fn assert_no_save(fx: &[Effect]) {
    assert!(
        !fx.iter()
            .any(|e| matches!(e, Effect::Save { .. } | Effect::SetStatus { .. })),
        "{fx:?}"
    );
}

fn list_request(filter: Option<Status>, search: &str) -> Effect {
    Effect::LoadList(ListRequest {
        filter,
        sort: Sort::Updated,
        search: search.into(),
        offset: 0,
        limit: LIST_WINDOW,
    })
}

// ---------------------------------------------------------------------------------------------
// Open
// ---------------------------------------------------------------------------------------------

#[test]
fn rows_arrive_and_the_first_is_selected() {
    let s = with_rows();
    assert!(s.list.loaded);
    assert_eq!(s.list.total, 3);
    assert_eq!(s.list.selected_row().map(|r| r.id), Some(7));
    assert_eq!(s.focus, Pane::List);
    assert!(s.editor().is_none());
}

#[test]
fn enter_loads_the_selected_article_and_opens_the_editor() {
    let mut s = with_rows();
    assert!(press(&mut s, KeyCode::Down).is_empty());
    assert_eq!(press(&mut s, KeyCode::Enter), vec![Effect::LoadArticle(8)]);
    assert!(
        s.editor().is_none(),
        "nothing opens before the store answers"
    );

    // The editor opens at once and asks for the article's lock.
    assert_eq!(
        update(&mut s, Action::ArticleLoaded(article(8, 2))),
        vec![Effect::TakeLock(8)]
    );
    let e = s.editor().expect("editor open");
    assert_eq!(s.focus, Pane::Editor);
    assert_eq!(e.id, Some(8));
    assert_eq!(e.base_version, 2);
    assert_eq!(e.focus, Field::Title);
    assert!(!e.dirty);
    assert_eq!(e.value(Field::Title), "Hội nghị sơ kết công tác dân vận");
    assert_eq!(e.value(Field::SignedBy), "Ban Dân vận Huyện ủy");
    assert_eq!(e.value(Field::Tags), "dân vận, hội nghị");
    assert_eq!(e.value(Field::Body), BODY);
    assert!(
        s.preview.is_some(),
        "the three-pane layout renders the preview"
    );
}

#[test]
fn enter_on_the_open_article_only_moves_the_focus() {
    let mut s = with_rows();
    open(&mut s, article(7, 3));
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    assert_eq!(s.focus, Pane::List);
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert_eq!(s.focus, Pane::Editor);
}

// ---------------------------------------------------------------------------------------------
// Edit and save
// ---------------------------------------------------------------------------------------------

#[test]
fn typing_in_the_body_marks_dirty_and_ctrl_z_undoes() {
    let mut s = editing();
    assert!(!dirty(&s));
    assert!(typing(&mut s, "Mới: ").is_empty());
    assert!(dirty(&s));
    assert_eq!(body(&s), format!("Mới: {BODY}"));

    // Undo goes back one edit at a time, to the text as loaded.
    for _ in 0.."Mới: ".chars().count() {
        assert!(ctrl(&mut s, 'z').is_empty());
    }
    assert_eq!(body(&s), BODY);
    assert!(ctrl(&mut s, 'y').is_empty());
    assert_eq!(body(&s), format!("M{BODY}"), "Ctrl-Y redoes");
}

#[test]
fn ctrl_s_saves_the_typed_text_over_the_base_version() {
    let mut s = editing();
    typing(&mut s, "Mới: ");
    let fx = ctrl(&mut s, 's');
    let want = ArticleFields {
        slug: Some("bai-7".into()),
        title: "Hội nghị sơ kết công tác dân vận".into(),
        lede: "Sáng 26/11, Huyện ủy tổ chức hội nghị.".into(),
        body: format!("Mới: {BODY}"),
        byline: "Nguyễn Thị Đào".into(),
        signed_by: "Ban Dân vận Huyện ủy".into(),
        section: "Thời sự".into(),
        tags: vec!["dân vận".into(), "hội nghị".into()],
        publish_at: None,
    };
    assert_eq!(
        fx,
        vec![Effect::Save {
            id: Some(7),
            fields: want,
            base_version: 3,
        }]
    );
    assert!(dirty(&s), "still dirty until the store says it saved");

    let mut saved = article(7, 4);
    saved.body = format!("Mới: {BODY}");
    let fx = update(&mut s, Action::Saved(saved));
    assert!(
        fx.contains(&list_request(None, "")),
        "the list reloads: {fx:?}"
    );
    assert!(
        !fx.iter()
            .any(|e| matches!(e, Effect::Save { .. } | Effect::LoadArticle(_))),
        "{fx:?}"
    );
    let e = s.editor().unwrap();
    assert!(!e.dirty);
    assert_eq!(e.base_version, 4);
    let (text, error) = message(&s);
    assert!(!error);
    assert!(
        text.contains("Saved") && text.contains("version 4"),
        "{text}"
    );
    assert_eq!(
        s.list.follow,
        Some(7),
        "the saved article is selected once rows arrive"
    );
}

#[test]
fn the_publish_time_is_read_in_the_newsroom_zone_on_save() {
    let mut s = with_rows();
    let mut a = article(7, 3);
    a.publish_at = Some(at(1, 0));
    open(&mut s, a);
    assert_eq!(
        s.editor().unwrap().value(Field::PublishAt),
        "2026-11-26 08:00"
    );
    let fx = ctrl(&mut s, 's');
    let [Effect::Save { fields, .. }] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(fields.publish_at, Some(at(1, 0)));
}

#[test]
fn a_bad_publish_time_refuses_to_save() {
    let mut s = with_rows();
    open(&mut s, article(7, 3));
    while s.editor().unwrap().focus != Field::PublishAt {
        press(&mut s, KeyCode::Tab);
    }
    typing(&mut s, "mai");
    assert!(ctrl(&mut s, 's').is_empty());
    let (text, error) = message(&s);
    assert!(error);
    assert!(text.contains("“mai”"), "{text}");
}

#[test]
fn a_combining_sequence_from_an_input_method_becomes_one_nfc_letter() {
    let mut s = editing();
    // "e" + COMBINING CIRCUMFLEX + COMBINING ACUTE, as an NFD input method sends it.
    typing(&mut s, "e\u{0302}\u{0301}");
    assert_eq!(body(&s), format!("ế{BODY}"));
    let first = body(&s).chars().next();
    assert_eq!(first, Some('\u{1EBF}'));
    assert!(dirty(&s));
    // One letter, one Backspace.
    press(&mut s, KeyCode::Backspace);
    assert_eq!(body(&s), BODY);
}

#[test]
fn a_combining_mark_in_a_single_line_field_composes_too() {
    let mut s = with_rows();
    open(&mut s, article(7, 3));
    // The cursor is at the end of the title.
    typing(&mut s, " Vie\u{0302}\u{0323}t");
    assert_eq!(
        s.editor().unwrap().value(Field::Title),
        "Hội nghị sơ kết công tác dân vận Việt"
    );
}

#[test]
fn pasted_newlines_of_any_kind_become_body_lines() {
    let mut s = State::new(140, 40, true, vn());
    update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: Vec::new(),
            total: 0,
            snippets: Vec::new(),
        },
    );
    assert!(ctrl(&mut s, 'n').is_empty());
    to_body(&mut s);
    assert!(update(&mut s, Action::Paste("a\r\nb\rc".into())).is_empty());
    let e = s.editor().unwrap();
    assert_eq!(e.body.lines(), ["a", "b", "c"]);
    assert!(e.dirty);
}

#[test]
fn a_paste_into_a_single_line_field_stays_on_one_line() {
    let mut s = with_rows();
    assert!(ctrl(&mut s, 'n').is_empty());
    update(&mut s, Action::Paste("Tin\r\nnhanh".into()));
    assert_eq!(s.editor().unwrap().value(Field::Title), "Tin nhanh");
}

// ---------------------------------------------------------------------------------------------
// Conflict
// ---------------------------------------------------------------------------------------------

/// Article 7 at version 3 with line 2 edited here, and someone's version 4 that changed line 2.
fn in_conflict() -> (State, Article) {
    let mut s = editing();
    press(&mut s, KeyCode::Down);
    typing(&mut s, "X");
    assert_eq!(body(&s), "Dòng một.\nXDòng hai.\nDòng ba.");
    let fx = ctrl(&mut s, 's');
    assert!(matches!(
        fx.as_slice(),
        [Effect::Save {
            base_version: 3,
            ..
        }]
    ));

    let mut theirs = article(7, 4);
    theirs.body = "Dòng một.\nDòng hai của Lan.\nDòng ba.".into();
    theirs.updated_by = "lan".into();
    theirs.updated_at = at(3, 5);
    assert!(
        update(
            &mut s,
            Action::Conflict {
                theirs: theirs.clone(),
                kept_rev: 12,
            },
        )
        .is_empty()
    );
    (s, theirs)
}

#[test]
fn a_conflict_shows_who_saved_and_the_first_differing_line() {
    let (s, _) = in_conflict();
    assert_eq!(
        s.dialog,
        Some(Dialog::Conflict {
            theirs_by: "lan".into(),
            theirs_at: "10:05 26/11/2026".into(),
            kept_rev: 12,
            diff: Some((2, "Dòng hai của Lan.".into(), "XDòng hai.".into())),
            their_version: 4,
        })
    );
    assert!(dirty(&s), "our text is still in the editor");
}

#[test]
fn keep_mine_saves_again_over_their_version() {
    let (mut s, _) = in_conflict();
    let fx = ch(&mut s, 'm');
    let [
        Effect::Save {
            id,
            fields,
            base_version,
        },
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(*id, Some(7));
    assert_eq!(*base_version, 4);
    assert_eq!(fields.body, "Dòng một.\nXDòng hai.\nDòng ba.");
    assert!(s.dialog.is_none());
}

#[test]
fn keep_theirs_reloads_the_stored_version() {
    let (mut s, theirs) = in_conflict();
    assert_eq!(ch(&mut s, 't'), vec![Effect::LoadArticle(7)]);
    assert!(s.dialog.is_none());
    assert!(!dirty(&s));
    let (text, _) = message(&s);
    assert!(text.contains("revision 12"), "{text}");
    update(&mut s, Action::ArticleLoaded(theirs));
    assert_eq!(body(&s), "Dòng một.\nDòng hai của Lan.\nDòng ba.");
    assert_eq!(s.editor().unwrap().base_version, 4);
}

#[test]
fn copy_aside_keeps_editing_and_other_keys_keep_the_dialog() {
    let (mut s, _) = in_conflict();
    assert!(ch(&mut s, 'x').is_empty());
    assert!(matches!(s.dialog, Some(Dialog::Conflict { .. })));
    assert!(ch(&mut s, 'c').is_empty());
    assert!(s.dialog.is_none());
    assert!(dirty(&s));
    assert!(message(&s).0.contains("revision 12"));
}

#[test]
fn a_conflict_on_the_title_alone_points_at_the_title() {
    let mut s = with_rows();
    open(&mut s, article(7, 3));
    typing(&mut s, "!");
    let mut theirs = article(7, 4);
    theirs.title = "Hội nghị tổng kết".into();
    update(
        &mut s,
        Action::Conflict {
            theirs,
            kept_rev: 2,
        },
    );
    let Some(Dialog::Conflict { diff, .. }) = &s.dialog else {
        panic!("{:?}", s.dialog)
    };
    assert_eq!(
        diff,
        &Some((
            0,
            "Hội nghị tổng kết".to_string(),
            "Hội nghị sơ kết công tác dân vận!".to_string()
        ))
    );
}

// ---------------------------------------------------------------------------------------------
// Search, filter, sort
// ---------------------------------------------------------------------------------------------

#[test]
fn typing_a_search_reloads_the_list_on_every_key() {
    let mut s = with_rows();
    assert!(ch(&mut s, '/').is_empty());
    assert!(s.list.searching);
    assert_eq!(ch(&mut s, 'd'), vec![list_request(None, "d")]);
    assert_eq!(typing(&mut s, "an"), vec![list_request(None, "dan")]);
    assert_eq!(s.list.search, "dan");
    // Keys bound in the list are text in the search box.
    assert_eq!(ch(&mut s, 'q'), vec![list_request(None, "danq")]);
    assert!(!s.quit);
    assert_eq!(
        press(&mut s, KeyCode::Backspace),
        vec![list_request(None, "dan")]
    );

    assert_eq!(press(&mut s, KeyCode::Esc), vec![list_request(None, "")]);
    assert!(!s.list.searching);
    assert!(s.list.search.is_empty());
}

#[test]
fn enter_keeps_the_search_and_esc_in_the_list_clears_it() {
    let mut s = with_rows();
    ch(&mut s, '/');
    typing(&mut s, "dân");
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert!(!s.list.searching);
    assert_eq!(s.list.search, "dân");
    // Back in the list, letters are commands again.
    assert!(ch(&mut s, 'j').is_empty());
    assert_eq!(s.list.selected, 1);
    assert_eq!(press(&mut s, KeyCode::Esc), vec![list_request(None, "")]);
    assert_eq!(s.list.selected, 0);
    assert!(press(&mut s, KeyCode::Esc).is_empty(), "nothing to clear");
}

#[test]
fn a_search_typed_in_nfd_is_kept_in_nfc() {
    let mut s = with_rows();
    ch(&mut s, '/');
    let fx = typing(&mut s, "da\u{0302}n");
    assert_eq!(fx, vec![list_request(None, "dân")]);
}

#[test]
fn number_keys_filter_by_status() {
    let mut s = with_rows();
    press(&mut s, KeyCode::Down);
    assert_eq!(ch(&mut s, '1'), vec![list_request(Some(Status::Draft), "")]);
    assert_eq!(s.list.filter, Some(Status::Draft));
    assert_eq!(s.list.selected, 0, "a new filter starts at the top");
    assert_eq!(
        ch(&mut s, '4'),
        vec![list_request(Some(Status::Published), "")]
    );
    assert_eq!(ch(&mut s, '0'), vec![list_request(None, "")]);
}

#[test]
fn a_search_keeps_the_filter() {
    let mut s = with_rows();
    ch(&mut s, '2');
    ch(&mut s, '/');
    assert_eq!(
        typing(&mut s, "dan"),
        vec![list_request(Some(Status::Review), "dan")]
    );
}

#[test]
fn s_cycles_the_sort() {
    let mut s = with_rows();
    let fx = ch(&mut s, 's');
    let [Effect::LoadList(req)] = fx.as_slice() else {
        panic!("{fx:?}")
    };
    assert_eq!(req.sort, Sort::Published);
    ch(&mut s, 's');
    assert_eq!(s.list.sort, Sort::Title);
    ch(&mut s, 's');
    assert_eq!(s.list.sort, Sort::Updated);
}

// ---------------------------------------------------------------------------------------------
// Status moves
// ---------------------------------------------------------------------------------------------

fn status_menu(s: &State) -> (Vec<Status>, usize, String) {
    match &s.dialog {
        Some(Dialog::StatusMenu {
            choices,
            selected,
            at,
        }) => (choices.clone(), *selected, at.clone()),
        other => panic!("no status menu: {other:?}"),
    }
}

#[test]
fn ctrl_l_offers_the_moves_the_workflow_allows() {
    let mut s = with_rows();
    assert!(ctrl(&mut s, 'l').is_empty());
    let (choices, selected, at) = status_menu(&s);
    assert_eq!(choices, allowed_moves(Status::Draft));
    assert_eq!(
        choices,
        [
            Status::Review,
            Status::Scheduled,
            Status::Published,
            Status::Archived
        ]
    );
    assert_eq!((selected, at.as_str()), (0, ""));
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    assert!(s.dialog.is_none());

    // The published row offers only its own moves.
    press(&mut s, KeyCode::End);
    ctrl(&mut s, 'l');
    assert_eq!(status_menu(&s).0, [Status::Draft, Status::Archived]);
}

#[test]
fn submitting_for_review_moves_the_selected_row() {
    let mut s = with_rows();
    ctrl(&mut s, 'l');
    // Letters are not typed when the choice takes no time.
    ch(&mut s, 'x');
    assert_eq!(status_menu(&s).2, "");
    assert_eq!(
        press(&mut s, KeyCode::Enter),
        vec![Effect::SetStatus {
            id: 7,
            to: Status::Review,
            at: None,
        }]
    );
    assert!(s.dialog.is_none());
}

#[test]
fn scheduling_reads_the_typed_time_in_the_newsroom_zone() {
    let mut s = with_rows();
    ctrl(&mut s, 'l');
    press(&mut s, KeyCode::Down);
    assert_eq!(status_menu(&s).1, 1);
    typing(&mut s, "2026-11-27 08:00");
    assert_eq!(status_menu(&s).2, "2026-11-27 08:00");
    let fx = press(&mut s, KeyCode::Enter);
    assert_eq!(
        fx,
        vec![Effect::SetStatus {
            id: 7,
            to: Status::Scheduled,
            at: Some(Utc.with_ymd_and_hms(2026, 11, 27, 1, 0, 0).unwrap()),
        }]
    );
    assert!(s.dialog.is_none());
}

#[test]
fn a_bad_time_says_so_and_keeps_the_menu_open() {
    let mut s = with_rows();
    ctrl(&mut s, 'l');
    press(&mut s, KeyCode::Down);
    typing(&mut s, "tomorrow");
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    let (text, error) = message(&s);
    assert!(error);
    assert!(text.contains("“tomorrow”"), "{text}");
    assert_eq!(
        status_menu(&s),
        (allowed_moves(Status::Draft), 1, "tomorrow".into())
    );
    // Fix it and try again.
    for _ in 0.."tomorrow".len() {
        press(&mut s, KeyCode::Backspace);
    }
    typing(&mut s, "27/11/2026 08:00");
    let fx = press(&mut s, KeyCode::Enter);
    assert!(
        matches!(fx.as_slice(), [Effect::SetStatus { to: Status::Scheduled, at: Some(t), .. }] if *t == Utc.with_ymd_and_hms(2026, 11, 27, 1, 0, 0).unwrap()),
        "{fx:?}"
    );
}

#[test]
fn the_open_article_must_be_saved_before_its_status_moves() {
    let mut s = editing();
    typing(&mut s, "x");
    assert!(ctrl(&mut s, 'l').is_empty());
    assert!(s.dialog.is_none());
    assert!(message(&s).1);

    let mut s = editing();
    ctrl(&mut s, 'l');
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    assert_eq!(
        press(&mut s, KeyCode::Enter),
        vec![Effect::SetStatus {
            id: 7,
            to: Status::Published,
            at: None,
        }]
    );
}

#[test]
fn a_new_unsaved_article_has_no_status_to_move() {
    let mut s = with_rows();
    ctrl(&mut s, 'n');
    assert!(ctrl(&mut s, 'l').is_empty());
    assert!(s.dialog.is_none());
    assert!(message(&s).0.contains("Save the new article first"));
}

// ---------------------------------------------------------------------------------------------
// Leaving: quit, new article, open another
// ---------------------------------------------------------------------------------------------

#[test]
fn a_clean_editor_quits_at_once() {
    let mut s = with_rows();
    open(&mut s, article(7, 3));
    // Quitting gives the article's lock back.
    assert_eq!(ctrl(&mut s, 'q'), vec![Effect::ReleaseLock(7)]);
    assert!(s.quit);
    assert!(s.dialog.is_none());
}

#[test]
fn q_in_the_list_quits_but_is_a_letter_in_the_editor() {
    let mut s = with_rows();
    open(&mut s, article(7, 3));
    ch(&mut s, 'q');
    assert!(!s.quit);
    assert!(s.editor().unwrap().value(Field::Title).ends_with('q'));
    let mut s = with_rows();
    ch(&mut s, 'q');
    assert!(s.quit);
}

#[test]
fn quitting_with_unsaved_changes_asks_and_d_discards() {
    let mut s = editing();
    typing(&mut s, "x");
    assert!(ctrl(&mut s, 'q').is_empty());
    assert!(!s.quit);
    assert_eq!(
        s.dialog,
        Some(Dialog::ConfirmLeave {
            then: AfterLeave::Quit
        })
    );
    // Another Ctrl-Q or a stray key does not answer the question.
    ctrl(&mut s, 'q');
    ch(&mut s, 'x');
    assert!(!s.quit);
    assert!(s.dialog.is_some());
    assert_no_save(&ch(&mut s, 'd'));
    assert!(s.quit);
}

#[test]
fn esc_stays_and_s_saves_then_quits() {
    let mut s = editing();
    typing(&mut s, "x");
    ctrl(&mut s, 'q');
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    assert!(s.dialog.is_none());
    assert!(!s.quit);
    assert!(dirty(&s));

    ctrl(&mut s, 'q');
    let fx = ch(&mut s, 's');
    assert!(
        matches!(
            fx.as_slice(),
            [Effect::Save {
                id: Some(7),
                base_version: 3,
                ..
            }]
        ),
        "{fx:?}"
    );
    assert!(!s.quit, "not before the save succeeded");
    update(&mut s, Action::Saved(article(7, 4)));
    assert!(s.quit);
}

#[test]
fn a_failed_save_does_not_quit() {
    let mut s = editing();
    typing(&mut s, "x");
    ctrl(&mut s, 'q');
    ch(&mut s, 's');
    update(&mut s, Action::Failed("database is locked".into()));
    assert!(!s.quit);
    assert_eq!(message(&s), ("database is locked".into(), true));
    assert!(dirty(&s));
    // A later save does not quit behind the user's back.
    update(&mut s, Action::Saved(article(7, 4)));
    assert!(!s.quit);
}

#[test]
fn only_the_open_articles_save_runs_the_leave_waiting_on_it() {
    let mut s = editing();
    typing(&mut s, "x");
    ctrl(&mut s, 'q');
    ch(&mut s, 's');
    // Another article's save (a colleague's row, an earlier request) is not this one's.
    update(&mut s, Action::Saved(article(9, 2)));
    assert!(!s.quit);
    update(&mut s, Action::Saved(article(7, 4)));
    assert!(s.quit);
}

#[test]
fn a_save_refused_for_its_publish_time_does_not_quit_later() {
    let mut s = editing();
    while s.editor().unwrap().focus != Field::PublishAt {
        press(&mut s, KeyCode::Tab);
    }
    typing(&mut s, "mai");
    ctrl(&mut s, 'q');
    assert!(ch(&mut s, 's').is_empty(), "refused: the publish time");
    assert!(message(&s).1);
    // The writer mends the time and saves; the leave chosen earlier was given up.
    update(&mut s, Action::Saved(article(7, 4)));
    assert!(!s.quit);
}

#[test]
fn ctrl_n_with_a_dirty_editor_asks_first() {
    let mut s = editing();
    typing(&mut s, "x");
    assert!(ctrl(&mut s, 'n').is_empty());
    assert_eq!(
        s.dialog,
        Some(Dialog::ConfirmLeave {
            then: AfterLeave::NewArticle
        })
    );
    assert_eq!(s.editor().unwrap().id, Some(7), "still the old article");
    assert_no_save(&ch(&mut s, 'd'));
    let e = s.editor().unwrap();
    assert_eq!(e.id, None);
    assert!(!e.dirty);
    assert_eq!(e.value(Field::Title), "");
    assert_eq!(e.focus, Field::Title);
    assert_eq!(s.focus, Pane::Editor);
    assert!(!s.quit);
}

#[test]
fn a_new_article_is_created_on_its_first_save() {
    let mut s = with_rows();
    ctrl(&mut s, 'n');
    typing(&mut s, "Tin mới");
    let fx = ctrl(&mut s, 's');
    let [
        Effect::Save {
            id: None,
            fields,
            base_version: 0,
        },
    ] = fx.as_slice()
    else {
        panic!("{fx:?}")
    };
    assert_eq!(fields.title, "Tin mới");
    assert_eq!(fields.slug, None);
    let mut created = article(20, 1);
    created.title = "Tin mới".into();
    update(&mut s, Action::Saved(created));
    let e = s.editor().unwrap();
    assert_eq!((e.id, e.base_version, e.dirty), (Some(20), 1, false));
}

#[test]
fn opening_another_article_with_unsaved_changes_asks_first() {
    let mut s = editing();
    typing(&mut s, "x");
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.focus, Pane::List);
    press(&mut s, KeyCode::Down);
    assert!(press(&mut s, KeyCode::Enter).is_empty());
    assert_eq!(
        s.dialog,
        Some(Dialog::ConfirmLeave {
            then: AfterLeave::Open(8)
        })
    );
    let fx = ch(&mut s, 'd');
    assert_no_save(&fx);
    assert!(fx.contains(&Effect::LoadArticle(8)), "{fx:?}");
}

// ---------------------------------------------------------------------------------------------
// Panes and help
// ---------------------------------------------------------------------------------------------

#[test]
fn ctrl_p_swaps_editor_and_preview_in_two_panes() {
    let mut s = State::new(100, 30, true, vn());
    update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: rows(),
            total: 3,
            snippets: Vec::new(),
        },
    );
    open(&mut s, article(7, 3));
    assert!(
        s.preview.is_none(),
        "the preview is hidden, so not rendered"
    );
    ctrl(&mut s, 'p');
    assert!(s.right_is_preview);
    assert_eq!(s.focus, Pane::Preview);
    assert!(s.preview.is_some());
    // In the preview, j scrolls instead of typing.
    ch(&mut s, 'j');
    assert_eq!(s.editor().unwrap().preview_scroll, 1);
    ctrl(&mut s, 'p');
    assert_eq!(s.focus, Pane::Editor);
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let mut s = with_rows();
    ch(&mut s, '?');
    assert_eq!(s.dialog, Some(Dialog::Help { scroll: 0 }));
    assert!(ch(&mut s, 'q').is_empty());
    assert!(s.dialog.is_none());
    assert!(!s.quit, "the key that closes help does nothing else");
}

#[test]
fn a_failure_comes_as_data_and_is_worded_in_the_editors_language() {
    use newsdesk::app::AppError;
    use newsdesk::store::StoreError;
    let mut s = editing();
    s.lang = newsdesk::i18n::Lang::Vi;
    let busy = AppError::Store(StoreError::Busy);
    update(&mut s, Action::Failed(busy.into()));
    let (text, error) = message(&s);
    assert!(error && text.contains("cơ sở dữ liệu đang bận"), "{text}");
    s.lang = newsdesk::i18n::Lang::En;
    update(&mut s, Action::Failed(StoreError::Busy.into()));
    assert!(message(&s).0.contains("the database is busy"));
}

#[test]
fn find_folds_marks_and_says_which_match_of_how_many() {
    let mut s = with_rows();
    let mut a = article(7, 3);
    a.body = "Ban Dân vận khéo.\nĐảng ủy xã.\nDân vận tốt.".into();
    open(&mut s, a);
    to_body(&mut s);
    ctrl(&mut s, 'f');
    typing(&mut s, "dan van");
    assert_eq!(message(&s), ("Match 1 of 2".into(), false));
    assert_eq!(s.editor().unwrap().body.cursor(), (0, 4));
    press(&mut s, KeyCode::Enter);
    assert_eq!(message(&s), ("Match 2 of 2".into(), false));
    assert_eq!(s.editor().unwrap().body.cursor(), (2, 0));

    // A miss says so; the next hit says the count instead.
    press(&mut s, KeyCode::Esc);
    ctrl(&mut s, 'f');
    typing(&mut s, "dang uyx");
    assert_eq!(message(&s), ("Not found.".into(), false));
    press(&mut s, KeyCode::Backspace);
    assert_eq!(message(&s), ("Match 1 of 1".into(), false));
    assert_eq!(s.editor().unwrap().body.cursor(), (1, 0));
}

#[test]
fn undo_back_to_the_saved_text_is_not_unsaved_and_goes_deep() {
    let mut s = editing();
    typing(&mut s, "x");
    assert!(dirty(&s));
    ctrl(&mut s, 'z');
    assert_eq!(body(&s), BODY);
    assert!(!dirty(&s), "back at the saved text");
    ctrl(&mut s, 'z');
    assert_eq!(message(&s), ("Nothing more to undo.".into(), false));
    ctrl(&mut s, 'y');
    assert!(dirty(&s), "redone: unsaved again");

    // Far more than the text area's own 50 steps.
    let long = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(8);
    typing(&mut s, &long);
    for _ in 0..long.chars().count() + 1 {
        ctrl(&mut s, 'z');
    }
    assert_eq!(body(&s), BODY);
    assert!(!dirty(&s));
}

#[test]
fn find_opens_fresh_and_offers_the_last_query() {
    let mut s = with_rows();
    let mut a = article(7, 3);
    a.body = "Ban Dân vận khéo.\nĐảng ủy xã.".into();
    open(&mut s, a);
    to_body(&mut s);
    ctrl(&mut s, 'f');
    typing(&mut s, "dang uy");
    press(&mut s, KeyCode::Esc);
    ctrl(&mut s, 'f');
    assert_eq!(
        s.editor().unwrap().find.as_deref(),
        Some(""),
        "a fresh query"
    );
    let shown = support::tui::screen(&s);
    assert!(shown.contains("Enter: “dang uy” again"), "{shown}");
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.editor().unwrap().find.as_deref(), Some("dang uy"));
    assert_eq!(s.editor().unwrap().body.cursor(), (1, 0));
    assert_eq!(message(&s), ("Match 1 of 1".into(), false));
}
