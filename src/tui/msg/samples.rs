//! Every message with sample parameters, for the tests that check all translations (NFC, one
//! line where a line is expected). A test fails when a variant has no sample here.

use std::path::PathBuf;

use super::{KeyHelp, Msg};
use crate::domain::{RevisionKind, Status};
use crate::site::{Phase, Progress};
use crate::store::Sort;
use crate::tui::action::{ExportSummary, SyncSummary};
use crate::tui::keymap::Context;
use crate::tui::state::{Field, PhotoPlace};

const STATUSES: [Status; 5] = [
    Status::Draft,
    Status::Review,
    Status::Scheduled,
    Status::Published,
    Status::Archived,
];
const PHASES: [Phase; 4] = [
    Phase::Publishing,
    Phase::Rendering,
    Phase::Switching,
    Phase::Syncing,
];

fn sample_article(id: i64) -> crate::domain::Article {
    let at = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
    crate::domain::Article {
        id,
        slug: format!("bai-{id}"),
        title: "Thẩm định".into(),
        lede: String::new(),
        body: String::new(),
        byline: String::new(),
        signed_by: String::new(),
        section: String::new(),
        tags: Vec::new(),
        status: crate::domain::Status::Published,
        publish_at: Some(at),
        created_at: at,
        created_by: "hoa".into(),
        updated_at: at,
        updated_by: "hoa".into(),
        version: 2,
    }
}

fn summaries() -> Vec<ExportSummary> {
    let base = ExportSummary {
        published: Vec::new(),
        written: 12,
        unchanged: 340,
        removed: 1,
        live: PathBuf::from("/srv/www/live"),
        secs: 2.54,
        sync: None,
    };
    let sync = |code| {
        Some(Ok(SyncSummary {
            code,
            timed_out: None,
            last_line: "sent 1.2 MB".into(),
            log: PathBuf::from("/tmp/newsdesk-sync-1.log"),
            secs: 1.25,
        }))
    };
    vec![
        base.clone(),
        ExportSummary {
            written: 0,
            removed: 0,
            published: vec![sample_article(1), sample_article(2)],
            ..base.clone()
        },
        ExportSummary {
            sync: Some(Err("rsync: not found".into())),
            ..base.clone()
        },
        ExportSummary {
            sync: sync(Some(0)),
            ..base.clone()
        },
        ExportSummary {
            sync: sync(Some(23)),
            ..base.clone()
        },
        ExportSummary {
            sync: sync(None),
            ..base.clone()
        },
        ExportSummary {
            sync: Some(Ok(SyncSummary {
                code: None,
                timed_out: Some("10m".into()),
                last_line: "sending incremental file list".into(),
                log: PathBuf::from("/tmp/newsdesk-sync-1.log"),
                secs: 600.0,
            })),
            ..base
        },
    ]
}

impl Msg<'_> {
    /// Calls `f` with every message, each variant at least once, every status, field, phase
    /// and key help, and parameters like the ones the TUI passes.
    pub fn for_each_sample(mut f: impl FnMut(Msg)) {
        use Msg as M;
        let (user, host, time) = ("lan", "toasoan-01", "10:05");
        let title = "Hội nghị sơ kết công tác dân vận";
        let mut simple = vec![
            M::ListTitle,
            M::EditorTitle,
            M::PreviewTitle,
            M::SearchPrompt,
            M::FindPrompt,
            M::EmptyTitle,
            M::EmptyHint,
            M::NoMatches,
            M::Loading,
            M::NothingOpen,
            M::NotFound,
            M::NothingToUndo,
            M::NothingToRedo,
            M::FindCount { at: 2, of: 5 },
            M::FindAgain {
                query: "dân vận"
            },
            M::FilterAll,
            M::Words {
                n: 1234,
                minutes: 6,
            },
            M::SavedFlag,
            M::UnsavedFlag,
            M::ReadOnlyFlag,
            M::ExportFlag,
            M::NewArticleHint,
            M::NothingToSave,
            M::SaveFirst,
            M::NothingToMove,
            M::BadTime { input: "mai 8h" },
            M::TimeOutOfRange {
                input: "+10000-01-01",
            },
            M::HelpTitle,
            M::HelpClose,
            M::LeaveTitle,
            M::LeaveBody,
            M::StatusTitle,
            M::StatusAt,
            M::RecoverTitle,
            M::RecoverFrom { at: time },
            M::Recovered,
            M::RecoveryDiscarded,
            M::StoredLabel,
            M::RecoveredLabel,
            M::ConflictTitle,
            M::ConflictBy {
                who: user,
                at: time,
            },
            M::TheirsLabel,
            M::MineLabel,
            M::KeptTheirs { rev: 12 },
            M::KeptAside { rev: 12 },
            M::LineNo(0),
            M::LineNo(7),
            M::BeingEdited {
                user,
                host,
                since: time,
            },
            M::OpenedReadOnly,
            M::ReadOnlyRefused { user },
            M::LockedBy {
                user,
                host,
                since: time,
            },
            M::TookOverFrom { user },
            M::LockLost {
                user,
                host,
                at: time,
            },
            M::HistoryTitle,
            M::HistoryCount(7),
            M::HistoryEmpty,
            M::HistoryNeedsArticle,
            M::ColRev,
            M::ColKind,
            M::ColWho,
            M::ColWhen,
            M::ColWords,
            M::ConflictLegend,
            M::RevisionTitle { rev: 5 },
            M::Restored { rev: 5, version: 9 },
            M::EditorNeedsArticle,
            M::EditedExternally,
            M::EditorUnchanged,
            M::EditorFailed {
                reason: "exit code 1",
            },
            M::NotUtf8,
            M::GalleryTitle { title },
            M::GalleryEmpty,
            M::PlaceLabel(PhotoPlace::Lead),
            M::PlaceLabel(PhotoPlace::Gallery(2)),
            M::PlaceLabel(PhotoPlace::Inline),
            M::NoAltMark,
            M::AltLabel,
            M::CaptionLabel,
            M::PathPrompt,
            M::PickPrompt,
            M::PickEmpty,
            M::NoPathMatch,
            M::GalleryNeedsArticle,
            M::NoPhotoSelected,
            M::PhotoAttached {
                short: "ab12cd34ef56",
                place: 3,
                fresh: true,
            },
            M::LeadSet,
            M::PhotoMoved,
            M::PhotoTextSaved,
            M::PhotoRemoved { lead: true },
            M::PhotoRemoved { lead: false },
            M::InlineInserted {
                short: "ab12cd34ef56",
            },
            M::PhotoRefused {
                path: "/srv/anh/cau.svg",
                reason: "SVG is not accepted",
            },
            M::PhotosWithoutAlt {
                title,
                photos: "ảnh đại diện (ab12cd34ef56)",
            },
            M::ExportTitle,
            M::ExportQuestion { sync: true },
            M::ExportQuestion { sync: false },
            M::ExportFolder,
            M::ExportSync,
            M::ExportCancelled,
            M::NoExportDir,
            M::ExportWaiting,
            M::ExportFailed {
                reason: "disk full",
            },
            M::ExportCrashed { detail: None },
            M::ExportCrashed {
                detail: Some("index out of bounds"),
            },
            M::SignalsFailed { reason: "EINVAL" },
            M::TerminalFailed {
                reason: "not a tty",
            },
            M::TerminalError {
                reason: "broken pipe",
            },
        ];
        for s in STATUSES {
            simple.extend([
                M::Badge(s),
                M::StatusLabel(s),
                M::MoveLabel(s),
                M::Saved {
                    title,
                    version: 3,
                    status: s,
                },
            ]);
        }
        simple.extend([Sort::Updated, Sort::Published, Sort::Title].map(M::SortLabel));
        simple.extend(Field::ALL.map(M::FieldLabel));
        simple.extend(Context::ALL.map(M::HelpGroup));
        simple.extend(KeyHelp::ALL.map(M::Key));
        simple.extend([RevisionKind::Save, RevisionKind::Conflict].map(M::KindLabel));
        for p in PHASES {
            simple.push(M::PhaseLabel(p));
            for (done, total) in [(0, 0), (120, 400)] {
                let progress = Progress::new(p, done, total);
                simple.extend([M::ProgressText(progress), M::ExportRunning(progress)]);
            }
        }
        for m in simple {
            f(m);
        }
        for s in summaries() {
            f(M::ExportDone(&s));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use unicode_normalization::is_nfc;

    use super::super::{Lang, text};
    use super::*;

    #[test]
    fn every_message_has_a_sample() {
        let mut kinds = HashSet::new();
        Msg::for_each_sample(|m| {
            // The variant's name: what Debug prints before its fields.
            let debug = format!("{m:?}");
            let name = debug.split(|c: char| !c.is_alphanumeric()).next();
            kinds.insert(name.unwrap_or_default().to_string());
        });
        assert_eq!(kinds.len(), Msg::VARIANTS, "a Msg variant has no sample");
        let keys: HashSet<_> = KeyHelp::ALL.iter().collect();
        assert_eq!(
            keys.len(),
            KeyHelp::VARIANTS,
            "KeyHelp::ALL misses a variant"
        );
    }

    #[test]
    fn every_text_is_nfc_and_not_empty_in_both_languages() {
        let mut n = 0;
        Msg::for_each_sample(|m| {
            for lang in [Lang::En, Lang::Vi] {
                let s = text(lang, &m);
                assert!(is_nfc(&s), "{lang:?} {m:?} is not NFC: {s:?}");
                assert!(!s.trim().is_empty(), "{lang:?} {m:?} is empty");
                assert!(
                    !s.contains('\t') && !s.contains('\r'),
                    "{lang:?} {m:?}: {s:?}"
                );
                if m != Msg::EmptyHint {
                    assert!(!s.contains('\n'), "{lang:?} {m:?} is one line: {s:?}");
                }
            }
            n += 1;
        });
        assert!(n > Msg::VARIANTS);
    }

    #[test]
    fn vietnamese_is_translated() {
        // Only the ones that are the same word in both (codes, names) may match.
        let same_ok = ["tìm"];
        Msg::for_each_sample(|m| {
            let (en, vi) = (text(Lang::En, &m), text(Lang::Vi, &m));
            if en == vi && !same_ok.contains(&&*vi) {
                panic!("{m:?} is not translated: {en:?}");
            }
        });
    }
}
