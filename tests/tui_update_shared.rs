//! `update` for several editors and the article's past: soft locks (read-only, take over,
//! lost lock, release), the revisions view, the body coming back from `$EDITOR`, and the
//! search snippet under the selected row. No terminal, no store, no clock.

mod support;

use crossterm::event::KeyCode;
use newsdesk::domain::{Article, ArticleFields, RevisionInfo, RevisionKind, Status};
use newsdesk::store::ArticleSummary;
use newsdesk::tui::action::{Action, Effect};
use newsdesk::tui::keymap::Context;
use newsdesk::tui::state::{AfterLeave, Dialog, EditLock, Field, Pane, State};
use newsdesk::tui::update::{context, update};
use support::clock::{at, vn};
use support::tui::{body, ctrl, dirty, key, message, typing};
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn summary(id: i64, title: &str) -> ArticleSummary {
    ArticleSummary {
        id,
        slug: format!("bai-{id}"),
        title: title.into(),
        status: Status::Draft,
        section: "Thời sự".into(),
        tags: Vec::new(),
        byline: "Nguyễn Thị Đào".into(),
        publish_at: None,
        updated_at: at(2, id as u32),
        updated_by: "hoa".into(),
        word_count: 3,
    }
}

const BODY: &str = "Dòng một.\nDòng hai.\nDòng ba.";

fn article(id: i64, version: i64) -> Article {
    Article {
        id,
        slug: format!("bai-{id}"),
        title: "Hội nghị sơ kết".into(),
        lede: String::new(),
        body: BODY.into(),
        byline: String::new(),
        signed_by: String::new(),
        section: "Thời sự".into(),
        tags: Vec::new(),
        status: Status::Draft,
        publish_at: None,
        created_at: at(1, 0),
        created_by: "hoa".into(),
        updated_at: at(2, 0),
        updated_by: "hoa".into(),
        version,
    }
}

fn state(w: u16, h: u16) -> State {
    let mut s = State::new(w, h, true, vn());
    update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: vec![summary(7, "Hội nghị sơ kết"), summary(8, "Mùa cà phê")],
            total: 2,
            snippets: Vec::new(),
        },
    );
    s
}

/// Opens article 7 (selected), the store answering with the article; the lock is not answered.
fn opened(w: u16, h: u16) -> State {
    let mut s = state(w, h);
    assert_eq!(key(&mut s, KeyCode::Enter), vec![Effect::LoadArticle(7)]);
    assert_eq!(
        update(&mut s, Action::ArticleLoaded(article(7, 3))),
        vec![Effect::TakeLock(7)]
    );
    s
}

/// Article 7 open with our lock, the cursor at the start of the body.
fn editing() -> State {
    let mut s = opened(140, 40);
    assert!(update(&mut s, Action::LockTaken { id: 7, from: None }).is_empty());
    to_body(&mut s);
    s
}

/// Article 7 open read-only: lan holds it since 10:42 (17:42 in the newsroom).
fn read_only() -> State {
    let mut s = opened(140, 40);
    update(
        &mut s,
        Action::LockHeld {
            id: 7,
            user: "lan".into(),
            host: "laptop-lan".into(),
            since: at(10, 42),
        },
    );
    s
}

fn to_body(s: &mut State) {
    while s.editor().unwrap().focus != Field::Body {
        key(s, KeyCode::Tab);
    }
}

fn lock(s: &State) -> EditLock {
    s.editor().unwrap().lock.clone()
}

// ---------------------------------------------------------------------------------------------
// Soft locks
// ---------------------------------------------------------------------------------------------

#[test]
fn an_article_held_by_someone_else_opens_read_only_and_says_who_where_and_since() {
    let s = read_only();
    assert!(matches!(lock(&s), EditLock::ReadOnly(h) if h.user == "lan"));
    // The editor's banner names them (see the read_only screen); the message says what to do.
    let holder = s.editor().unwrap().read_only().unwrap().clone();
    assert_eq!(holder.host, "laptop-lan");
    assert_eq!(holder.since, at(10, 42));
    let (text, _) = message(&s);
    assert!(text.contains("read-only. Ctrl-K takes over"), "{text}");
    assert_eq!(s.focus, Pane::Editor);
    assert_eq!(context(&s), Context::ReadOnly);
}

#[test]
fn a_read_only_article_refuses_typing_pasting_saving_and_moving_status() {
    let mut s = read_only();
    // Moving around is allowed.
    to_body(&mut s);
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::End);
    assert_eq!(s.editor().unwrap().body.cursor(), (1, 9));
    // Changing is not.
    typing(&mut s, "xin chào");
    key(&mut s, KeyCode::Backspace);
    key(&mut s, KeyCode::Enter);
    ctrl(&mut s, 'k');
    assert_eq!(body(&s), BODY);
    assert!(!dirty(&s));
    assert!(update(&mut s, Action::Paste("dán vào".into())).is_empty());
    assert_eq!(body(&s), BODY);
    let (text, error) = message(&s);
    assert!(error);
    assert!(text.contains("Read-only: lan is editing"), "{text}");

    assert!(ctrl(&mut s, 's').is_empty(), "no save");
    assert!(ctrl(&mut s, 'z').is_empty());
    assert!(ctrl(&mut s, 'e').is_empty(), "no $EDITOR");
    ctrl(&mut s, 'l');
    assert!(s.dialog.is_none(), "no status menu");
    assert_eq!(body(&s), BODY);
}

#[test]
fn ctrl_k_takes_over_deliberately_and_then_typing_works() {
    let mut s = read_only();
    to_body(&mut s);
    // Ctrl-K is only "take over" on a read-only article.
    assert_eq!(ctrl(&mut s, 'k'), vec![Effect::TakeOverLock(7)]);
    let fx = update(
        &mut s,
        Action::LockTaken {
            id: 7,
            from: Some("lan".into()),
        },
    );
    // Lan may have saved while we read: the article is read again before we edit it.
    assert_eq!(fx, vec![Effect::Refresh(7)]);
    assert_eq!(lock(&s), EditLock::Held);
    assert_eq!(context(&s), Context::Editor);
    assert!(message(&s).0.contains("took over editing from lan"));
    let mut lans = article(7, 4);
    lans.body = format!("Của Lan.\n{BODY}");
    assert!(update(&mut s, Action::Refreshed(Box::new(lans))).is_empty());
    assert!(
        body(&s).starts_with("Của Lan.\nDòng một."),
        "{:?}",
        body(&s)
    );
    assert!(!dirty(&s));
    typing(&mut s, "Mới: ");
    assert!(body(&s).starts_with("Mới: Của Lan."));
    assert!(dirty(&s));
    // In an editable body, Ctrl-K is the text area's "delete to the end of the line" again.
    assert!(ctrl(&mut s, 'k').is_empty());
    assert!(body(&s).starts_with("Mới: \nDòng một."), "{:?}", body(&s));
    // The save is over Lan's version, not the one we opened read-only.
    match ctrl(&mut s, 's').as_slice() {
        [Effect::Save { base_version, .. }] => assert_eq!(*base_version, 4),
        other => panic!("{other:?}"),
    }
}

#[test]
fn leaving_an_article_gives_its_lock_back() {
    // Opening another one: the old lock goes, the new one is asked for.
    let mut s = editing();
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Down);
    assert_eq!(key(&mut s, KeyCode::Enter), vec![Effect::LoadArticle(8)]);
    assert_eq!(
        update(&mut s, Action::ArticleLoaded(article(8, 1))),
        vec![Effect::ReleaseLock(7), Effect::TakeLock(8)]
    );
    // A new article.
    let mut s = editing();
    assert_eq!(ctrl(&mut s, 'n'), vec![Effect::ReleaseLock(7)]);
    assert!(s.editor().unwrap().id.is_none());
    // Quitting after discarding unsaved changes.
    let mut s = editing();
    typing(&mut s, "x");
    assert!(ctrl(&mut s, 'q').is_empty());
    let fx = key(&mut s, KeyCode::Char('d'));
    assert!(fx.contains(&Effect::ReleaseLock(7)), "{fx:?}");
    assert!(s.quit);
    // Reloading the same article (keep theirs) keeps it: no release.
    let mut s = editing();
    assert_eq!(
        update(&mut s, Action::ArticleLoaded(article(7, 4))),
        vec![Effect::TakeLock(7)]
    );
}

#[test]
fn a_read_only_article_has_no_lock_of_ours_to_give_back() {
    let mut s = read_only();
    assert!(ctrl(&mut s, 'q').is_empty());
    assert!(s.quit);
}

#[test]
fn a_lock_answered_after_the_article_was_left_is_given_back_at_once() {
    let mut s = opened(140, 40);
    ctrl(&mut s, 'n');
    assert_eq!(
        update(&mut s, Action::LockTaken { id: 7, from: None }),
        vec![Effect::ReleaseLock(7)]
    );
}

#[test]
fn a_new_article_is_locked_from_its_first_save() {
    let mut s = state(140, 40);
    ctrl(&mut s, 'n');
    typing(&mut s, "Bài mới");
    let fx = ctrl(&mut s, 's');
    assert!(matches!(fx.as_slice(), [Effect::Save { id: None, .. }]));
    let mut a = article(9, 1);
    a.title = "Bài mới".into();
    let fx = update(&mut s, Action::Saved(a));
    assert_eq!(fx[0], Effect::TakeLock(9));
    update(&mut s, Action::LockTaken { id: 9, from: None });
    assert_eq!(lock(&s), EditLock::Held);
    // Later saves do not ask again.
    typing(&mut s, "!");
    ctrl(&mut s, 's');
    let fx = update(&mut s, Action::Saved(article(9, 2)));
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::TakeLock(_))),
        "{fx:?}"
    );
}

#[test]
fn a_save_after_a_take_over_is_refused_with_who_and_when_and_the_text_kept() {
    let mut s = editing();
    typing(&mut s, "Chữ của tôi. ");
    // Save and quit; the runtime finds the lock taken over before saving.
    ctrl(&mut s, 'q');
    let fx = key(&mut s, KeyCode::Char('s'));
    assert!(matches!(fx.as_slice(), [Effect::Save { id: Some(7), .. }]));
    let fx = update(
        &mut s,
        Action::LockLost {
            id: 7,
            user: "lan".into(),
            host: "laptop-lan".into(),
            since: at(10, 42),
        },
    );
    assert!(fx.is_empty());
    assert!(!s.quit, "the save did not happen: no quitting");
    let (text, error) = message(&s);
    assert!(error);
    assert!(text.contains("lan took over editing at 17:42"), "{text}");
    assert!(dirty(&s), "the text is kept, unsaved");
    assert!(body(&s).starts_with("Chữ của tôi. "));
    assert!(matches!(lock(&s), EditLock::ReadOnly(_)));
    // Taking it back makes it editable and savable again.
    assert_eq!(ctrl(&mut s, 'k'), vec![Effect::TakeOverLock(7)]);
}

#[test]
fn a_status_move_refused_by_a_lock_on_a_closed_article_says_who() {
    let mut s = state(140, 40);
    ctrl(&mut s, 'l');
    let fx = key(&mut s, KeyCode::Enter);
    assert!(matches!(fx.as_slice(), [Effect::SetStatus { id: 7, .. }]));
    update(
        &mut s,
        Action::LockLost {
            id: 7,
            user: "lan".into(),
            host: "laptop-lan".into(),
            since: at(10, 42),
        },
    );
    let (text, error) = message(&s);
    assert!(error);
    assert!(text.contains("lan is editing this article on laptop-lan since 17:42"));
}

// ---------------------------------------------------------------------------------------------
// Revisions
// ---------------------------------------------------------------------------------------------

fn history() -> Vec<RevisionInfo> {
    let row = |rev: i64, kind, who: &str, m: u32, words| RevisionInfo {
        rev,
        kind,
        version: rev,
        status: Status::Draft,
        title: "Hội nghị sơ kết".into(),
        saved_at: at(3, m),
        saved_by: who.into(),
        word_count: words,
    };
    vec![
        row(3, RevisionKind::Conflict, "lan", 30, 9),
        row(2, RevisionKind::Save, "hoa", 20, 6),
        row(1, RevisionKind::Save, "hoa", 10, 3),
    ]
}

fn revision_fields() -> Box<ArticleFields> {
    Box::new(ArticleFields {
        title: "Hội nghị sơ kết".into(),
        body: "Bản cũ: chỉ một dòng.".into(),
        ..Default::default()
    })
}

/// Article 7 open with its history showing.
fn in_history(w: u16, h: u16) -> State {
    let mut s = opened(w, h);
    update(&mut s, Action::LockTaken { id: 7, from: None });
    assert_eq!(ctrl(&mut s, 'v'), vec![Effect::LoadHistory(7)]);
    assert_eq!(context(&s), Context::Revisions);
    update(
        &mut s,
        Action::HistoryLoaded {
            id: 7,
            revisions: history(),
        },
    );
    s
}

#[test]
fn ctrl_r_needs_a_saved_article() {
    let mut s = state(140, 40);
    assert!(ctrl(&mut s, 'v').is_empty());
    assert!(message(&s).0.contains("Open a saved article"));
    ctrl(&mut s, 'n');
    assert!(ctrl(&mut s, 'v').is_empty());
    assert!(s.revisions().is_none());
}

#[test]
fn enter_previews_a_revision_read_only_in_the_preview_pane() {
    let mut s = in_history(140, 40);
    key(&mut s, KeyCode::Down);
    assert_eq!(
        key(&mut s, KeyCode::Enter),
        vec![Effect::LoadRevision { id: 7, rev: 2 }]
    );
    update(
        &mut s,
        Action::RevisionLoaded {
            id: 7,
            rev: 2,
            fields: revision_fields(),
        },
    );
    let cache = s.preview.as_ref().expect("preview rendered");
    assert_eq!(cache.rev, Some(2));
    let text: String = cache.lines.iter().map(|l| l.to_string()).collect();
    assert!(text.contains("Bản cũ: chỉ một dòng."), "{text}");
    // The editor still holds the current text, untouched.
    assert_eq!(body(&s), BODY);
    // Esc closes the view: the preview follows the editor again.
    assert!(key(&mut s, KeyCode::Esc).is_empty());
    assert!(s.revisions().is_none());
    assert_eq!(s.focus, Pane::Editor);
    assert_eq!(s.preview.as_ref().unwrap().rev, None);
}

#[test]
fn in_two_panes_a_previewed_revision_brings_the_preview_and_esc_puts_the_editor_back() {
    let mut s = in_history(100, 30);
    assert!(!s.right_is_preview);
    key(&mut s, KeyCode::Enter);
    update(
        &mut s,
        Action::RevisionLoaded {
            id: 7,
            rev: 3,
            fields: revision_fields(),
        },
    );
    assert!(s.right_is_preview);
    key(&mut s, KeyCode::Esc);
    assert!(!s.right_is_preview);
}

#[test]
fn r_restores_the_selected_revision_and_reloads_the_editor_keeping_the_lock() {
    let mut s = in_history(140, 40);
    key(&mut s, KeyCode::End);
    assert_eq!(
        key(&mut s, KeyCode::Char('r')),
        vec![Effect::Restore { id: 7, rev: 1 }]
    );
    let mut a = article(7, 4);
    a.body = "Bản đầu tiên.".into();
    let fx = update(
        &mut s,
        Action::Restored {
            article: Box::new(a),
            rev: 1,
        },
    );
    assert!(fx.contains(&Effect::DiscardRecovery(Some(7))), "{fx:?}");
    assert!(!fx.iter().any(|e| matches!(e, Effect::TakeLock(_))));
    assert_eq!(body(&s), "Bản đầu tiên.");
    assert_eq!(s.editor().unwrap().base_version, 4);
    assert_eq!(lock(&s), EditLock::Held);
    assert!(s.revisions().is_none());
    assert!(message(&s).0.contains("Restored revision 1 as version 4"));
}

#[test]
fn restoring_over_unsaved_changes_asks_to_save_or_discard_first() {
    let mut s = editing();
    typing(&mut s, "chưa lưu ");
    ctrl(&mut s, 'v');
    update(
        &mut s,
        Action::HistoryLoaded {
            id: 7,
            revisions: history(),
        },
    );
    assert!(key(&mut s, KeyCode::Char('r')).is_empty());
    assert_eq!(
        s.dialog,
        Some(Dialog::ConfirmLeave {
            then: AfterLeave::Restore(3)
        })
    );
    // Esc: nothing happens.
    assert!(key(&mut s, KeyCode::Esc).is_empty());
    assert!(dirty(&s));
    // Discard, then restore.
    key(&mut s, KeyCode::Char('r'));
    let fx = key(&mut s, KeyCode::Char('d'));
    assert_eq!(
        fx,
        vec![
            Effect::DiscardRecovery(Some(7)),
            Effect::Restore { id: 7, rev: 3 }
        ]
    );
    // Or save, then restore once the save is done.
    let mut s = editing();
    typing(&mut s, "chưa lưu ");
    ctrl(&mut s, 'v');
    update(
        &mut s,
        Action::HistoryLoaded {
            id: 7,
            revisions: history(),
        },
    );
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Char('r'));
    let fx = key(&mut s, KeyCode::Char('s'));
    assert!(matches!(fx.as_slice(), [Effect::Save { id: Some(7), .. }]));
    let fx = update(&mut s, Action::Saved(article(7, 4)));
    assert_eq!(fx.last(), Some(&Effect::Restore { id: 7, rev: 2 }));
}

#[test]
fn a_read_only_article_cannot_be_restored() {
    let mut s = read_only();
    ctrl(&mut s, 'v');
    update(
        &mut s,
        Action::HistoryLoaded {
            id: 7,
            revisions: history(),
        },
    );
    assert!(key(&mut s, KeyCode::Char('r')).is_empty());
    assert!(message(&s).0.contains("Read-only"));
}

#[test]
fn the_history_moves_with_arrows_and_j_k_and_keeps_in_bounds() {
    let mut s = in_history(140, 40);
    let selected = |s: &State| s.revisions().unwrap().selected;
    key(&mut s, KeyCode::Up);
    assert_eq!(selected(&s), 0);
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Down);
    key(&mut s, KeyCode::Down);
    assert_eq!(selected(&s), 2);
    key(&mut s, KeyCode::Char('k'));
    assert_eq!(selected(&s), 1);
    key(&mut s, KeyCode::Home);
    assert_eq!(selected(&s), 0);
    // The article list underneath did not move.
    assert_eq!(s.list.selected, 0);
}

// ---------------------------------------------------------------------------------------------
// $EDITOR
// ---------------------------------------------------------------------------------------------

#[test]
fn ctrl_e_hands_the_body_over_and_needs_an_article() {
    let mut s = state(140, 40);
    assert!(ctrl(&mut s, 'e').is_empty());
    assert!(message(&s).0.contains("Open an article first"));
    let mut s = editing();
    assert_eq!(ctrl(&mut s, 'e'), vec![Effect::EditExternally(BODY.into())]);
    // Even from the list pane (Ctrl-E is global, over the text area's end-of-line).
    key(&mut s, KeyCode::Esc);
    assert_eq!(ctrl(&mut s, 'e'), vec![Effect::EditExternally(BODY.into())]);
}

#[test]
fn the_body_comes_back_nfc_with_plain_newlines_unsaved_and_one_undo_away() {
    let mut s = editing();
    let added: String = "Thêm dòng".nfd().collect();
    let back = format!("Dòng một.\r\nDòng hai.\r\nDòng ba.\r\n{added}");
    update(&mut s, Action::EditedExternally(back));
    assert_eq!(body(&s), format!("{BODY}\nThêm dòng"));
    assert!(body(&s).contains("Thêm dòng"), "NFC");
    assert!(dirty(&s));
    assert!(message(&s).0.contains("$EDITOR"));
    ctrl(&mut s, 'z');
    assert_eq!(body(&s), BODY);
    ctrl(&mut s, 'y');
    assert_eq!(body(&s), format!("{BODY}\nThêm dòng"));
}

#[test]
fn a_change_in_the_middle_is_undone_in_one_step_too() {
    let mut s = editing();
    update(
        &mut s,
        Action::EditedExternally("Dòng một.\nDòng HAI đã sửa.\nDòng ba.".into()),
    );
    assert_eq!(body(&s), "Dòng một.\nDòng HAI đã sửa.\nDòng ba.");
    ctrl(&mut s, 'z');
    assert_eq!(body(&s), BODY);
    ctrl(&mut s, 'y');
    assert_eq!(body(&s), "Dòng một.\nDòng HAI đã sửa.\nDòng ba.");
    ctrl(&mut s, 'z');
    assert_eq!(body(&s), BODY);
    // Deleting everything, and an empty body filled from scratch.
    update(&mut s, Action::EditedExternally(String::new()));
    assert_eq!(body(&s), "");
    ctrl(&mut s, 'z');
    assert_eq!(body(&s), BODY);
}

#[test]
fn an_unchanged_body_stays_saved() {
    let mut s = editing();
    update(&mut s, Action::EditedExternally(BODY.into()));
    assert!(!dirty(&s));
    assert!(message(&s).0.contains("unchanged"));
}

// ---------------------------------------------------------------------------------------------
// Search snippets
// ---------------------------------------------------------------------------------------------

#[test]
fn the_selected_hit_has_its_snippet_and_a_line_is_kept_for_it() {
    let mut s = state(80, 24);
    let plain_rows = s.list_rows();
    key(&mut s, KeyCode::Char('/'));
    typing(&mut s, "dan van");
    update(
        &mut s,
        Action::ListLoaded {
            window_start: 0,
            rows: vec![summary(7, "Hội nghị"), summary(8, "Mùa cà phê")],
            total: 2,
            snippets: vec![
                (7, "…công tác dân vận…".into()),
                (8, "…dân vận khéo…".into()),
            ],
        },
    );
    assert_eq!(
        s.list_rows(),
        plain_rows - 2,
        "the search box and the snippet"
    );
    assert_eq!(s.list.selected_snippet(), Some("…công tác dân vận…"));
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Down);
    assert_eq!(s.list.selected_snippet(), Some("…dân vận khéo…"));
    // Clearing the search clears the snippet.
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.list.selected_snippet(), None);
}

// ---------------------------------------------------------------------------------------------
// What the editor's own actions wrote reaches its fields
// ---------------------------------------------------------------------------------------------

fn field(s: &State, f: Field) -> String {
    s.editor().unwrap().value(f)
}

#[test]
fn a_status_move_brings_the_stored_publish_time_and_version_into_the_editor() {
    let mut s = opened(140, 40);
    update(&mut s, Action::LockTaken { id: 7, from: None });
    assert_eq!(field(&s, Field::PublishAt), "");
    // "Publish now" from the status menu: the store answers with the moved article.
    let mut moved = article(7, 4);
    moved.status = Status::Published;
    moved.publish_at = Some(at(3, 15) + chrono::Duration::seconds(37));
    update(&mut s, Action::Saved(moved));
    // 03:15 UTC is 10:15 in the newsroom; the seconds are kept for the next save.
    assert_eq!(field(&s, Field::PublishAt), "2026-11-26 10:15");
    to_body(&mut s);
    typing(&mut s, "Thêm ");
    match ctrl(&mut s, 's').as_slice() {
        [
            Effect::Save {
                fields,
                base_version,
                ..
            },
        ] => {
            assert_eq!(*base_version, 4);
            assert_eq!(
                fields.publish_at,
                Some(at(3, 15) + chrono::Duration::seconds(37))
            );
            assert!(fields.body.starts_with("Thêm Dòng một."));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_save_keeps_what_the_writer_typed_even_where_the_store_tidied_it() {
    let mut s = opened(140, 40);
    update(&mut s, Action::LockTaken { id: 7, from: None });
    // Title: the writer is mid-sentence, a space at the end; the store trims it.
    for _ in 0..40 {
        key(&mut s, KeyCode::Backspace);
    }
    typing(&mut s, "Hội nghị ");
    let fx = ctrl(&mut s, 's');
    assert!(matches!(fx.as_slice(), [Effect::Save { .. }]), "{fx:?}");
    let mut saved = article(7, 4);
    saved.title = "Hội nghị".into();
    update(&mut s, Action::Saved(saved));
    typing(&mut s, "mới");
    assert_eq!(field(&s, Field::Title), "Hội nghị mới");
}

#[test]
fn the_leader_key_then_a_letter_does_what_the_letter_names() {
    let mut s = editing();
    // Ctrl-D h: the history, as Ctrl-V opens it.
    assert!(ctrl(&mut s, 'd').is_empty());
    assert_eq!(s.dialog, Some(Dialog::Leader));
    assert_eq!(
        key(&mut s, KeyCode::Char('h')),
        vec![Effect::LoadHistory(7)]
    );
    assert!(s.dialog.is_none());
    // A letter the menu does not list closes it, types nothing and does nothing else.
    let mut s = editing();
    let before = body(&s);
    ctrl(&mut s, 'd');
    assert!(key(&mut s, KeyCode::Char('z')).is_empty());
    assert!(s.dialog.is_none());
    assert_eq!(body(&s), before);
    // Ctrl-D in the body is the leader, not the text area's delete.
    ctrl(&mut s, 'd');
    key(&mut s, KeyCode::Esc);
    assert_eq!(body(&s), before);
}

#[test]
fn a_publish_time_no_page_can_show_is_refused_with_its_reason() {
    for typed in ["+10000-01-01", "-0001-01-01 08:00", "0999-12-31 23:00"] {
        let mut s = editing();
        key(&mut s, KeyCode::BackTab);
        assert_eq!(s.editor().unwrap().focus, Field::PublishAt);
        typing(&mut s, typed);
        assert!(ctrl(&mut s, 's').is_empty(), "{typed}: saved");
        let (text, error) = message(&s);
        assert!(error && text.contains("1000–9999"), "{typed}: {text}");
    }
}
