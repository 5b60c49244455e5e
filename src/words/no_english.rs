//! The Vietnamese wording of every error holds no English: a word of four letters or more that
//! stands in both the English and the Vietnamese sentence is a word left untranslated,
//! unless it is a name the error carries (a title, a path, a key), code in backticks, or one
//! of the few technical words both languages write the same.

use std::collections::BTreeSet;

use crate::i18n::Lang;

/// Words both languages write alike: file formats, programs, protocol and setting names.
const SHARED: &[&str] = &[
    "newsdesk",
    "sqlite",
    "sqlite3",
    "pragma",
    "integrity_check",
    "yaml",
    "toml",
    "html",
    "utf",
    "markdown",
    "json",
    "jpeg",
    "webp",
    "exif",
    "http",
    "https",
    "mailto",
    "rsync",
    "fifo",
    "socket",
    "unicode",
    "front",
    "matter",
    "slug",
    "draft",
    "true",
    "false",
    "base_url",
    "export_dir",
    "sync_command",
    "sync_timeout",
    "templates_dir",
    "per_page",
    "media_max_mb",
    "timezone",
    "title",
    "tagline",
    "language",
    "footer_extra",
    "alt",
    "media",
    "hash",
    // The workflow's keywords, typed on the command line (the Vietnamese adds its own word).
    "review",
    "scheduled",
    "published",
    "archived",
];

fn words(text: &str) -> BTreeSet<String> {
    // Code in backticks is the same in every language, and what stands in “quotes” is the
    // editor's own (a title, a slug, a value): both left out.
    let mut plain = String::new();
    let mut inside = None;
    for c in text.chars() {
        match (inside, c) {
            (None, '`') => inside = Some('`'),
            (None, '“') => inside = Some('”'),
            (Some(end), c) if c == end => {
                inside = None;
                plain.push(' ');
            }
            (Some(_), _) => {}
            (None, c) => plain.push(c),
        }
    }
    // Command-line flags (`--force`) are code too.
    plain
        .split_whitespace()
        .filter(|w| !w.starts_with("--") && !is_path(w))
        .flat_map(|w| w.split(|c: char| !(c.is_alphanumeric() || c == '_')))
        .filter(|w| w.chars().count() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// `article.html`, `/srv/tin`, `a.db`: a file's name is a name.
fn is_path(token: &str) -> bool {
    token.contains('/')
        || token
            .split_once('.')
            .is_some_and(|(_, ext)| ext.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// The English words left in `vi`: in `en` too, in neither `names` nor `SHARED`.
pub fn left_untranslated(vi: &str, en: &str, names: &[&str]) -> Vec<String> {
    let allowed: BTreeSet<String> = names
        .iter()
        .flat_map(|n| words(n))
        .chain(SHARED.iter().map(|s| s.to_string()))
        .collect();
    let en = words(en);
    words(vi)
        .into_iter()
        // Words with digits are hashes, numbers and dates: data, not language.
        .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic() || c == '_'))
        .filter(|w| en.contains(w) && !allowed.contains(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(what: &str, vi: &str, en: &str, names: &[&str]) {
        let left = left_untranslated(vi, en, names);
        assert!(
            left.is_empty(),
            "{what}: English {left:?} in\n  vi: {vi}\n  en: {en}"
        );
    }

    #[test]
    fn every_error_in_vietnamese_leaves_no_english_word() {
        let names = [
            "a.db",
            "/srv/tin",
            "Thẩm định mô hình",
            "tham-dinh",
            "khong-co",
            // The OS's own words inside a message (an I/O error's text) stay as it gave them.
            "missing",
            "tiêu_đề",
            "nhiều",
            // An environment variable's name.
            "NEWSDESK_DB",
        ];
        let (domain, store) = super::super::errors::tests::samples();
        for e in &domain {
            let (vi, en) = (super::super::describe_domain(e, Lang::Vi), e.to_string());
            check("domain", &vi, &en, &names);
        }
        for e in &store {
            let (vi, en) = (super::super::describe_store(e, Lang::Vi), e.to_string());
            check("store", &vi, &en, &names);
        }
        for e in &super::super::site::samples() {
            let (vi, en) = (super::super::describe_site(e, Lang::Vi), e.to_string());
            check("site", &vi, &en, &names);
        }
        for e in &app_samples() {
            let (vi, en) = (
                super::super::describe_app(e, Lang::Vi),
                super::super::describe_app(e, Lang::En),
            );
            check("app", &vi, &en, &names);
        }
    }

    /// The use cases' own errors (the layers' errors inside them are checked above).
    fn app_samples() -> Vec<crate::app::AppError> {
        use crate::app::{AppError, PhotoProblem};
        use crate::files::FileKind;
        let p = std::path::PathBuf::from("/srv/tin");
        vec![
            AppError::NoHomeFolder,
            AppError::DemoFolder {
                path: p.clone(),
                err: "missing".into(),
            },
            AppError::SyncLog {
                path: p.clone(),
                err: "missing".into(),
            },
            AppError::Photo(PhotoProblem::NotAFile(FileKind::Folder)),
            AppError::Photo(PhotoProblem::NotAFile(FileKind::Pipe)),
            AppError::Photo(PhotoProblem::CannotRead("missing".into())),
            AppError::Photo(PhotoProblem::CannotStore {
                dir: p,
                err: "missing".into(),
            }),
            AppError::Photo(PhotoProblem::Rejected(crate::media::Refusal::Empty)),
        ]
    }

    #[test]
    fn the_photo_warnings_in_vietnamese_name_places_in_vietnamese() {
        use crate::media::Place;
        let photos = [
            (Place::Lead, "3f9a1c0b7d2e".to_string()),
            (Place::Gallery(2), "0b7d2e3f9a1c".to_string()),
            (Place::Inline, "7d2e3f9a1c0b".to_string()),
        ];
        let vi = super::super::photo_places(&photos, Lang::Vi);
        let en = super::super::photo_places(&photos, Lang::En);
        assert!(!vi.contains("lead") && !vi.contains("gallery"), "{vi}");
        check("photo places", &vi, &en, &[]);
    }

    #[test]
    fn the_check_finds_a_word_left_in_english() {
        let left = left_untranslated(
            "ảnh đang được dùng ở “Tin” as the lead photo",
            "the photo is used by “Tin” as the lead photo",
            &["Tin"],
        );
        assert_eq!(left, vec!["lead", "photo"]);
    }
}
