//! How to go on from the command line, added after an error's own words (which both front
//! ends share): the flags and the commands that list what an error names. Only the CLI, and
//! `main` when the terminal app cannot start, add these: a TUI user has no `--force` to pass.

use crate::app::AppError;
use crate::i18n::Lang;
use crate::site::SiteError;
use crate::store::StoreError;

/// The hint for a store error, if the command line has one, to append to its words.
pub fn store(err: &StoreError, lang: Lang) -> Option<String> {
    let vi = lang == Lang::Vi;
    Some(match err {
        StoreError::NotNewsdesk { .. } if vi => ": hãy chọn tệp khác bằng --db".into(),
        StoreError::NotNewsdesk { .. } => ": name another file with --db".into(),
        StoreError::NotFound(_) if vi => {
            ": hãy nhập mã số hoặc slug của bài (xem `newsdesk list`)".into()
        }
        StoreError::NotFound(_) => ": give its id or slug (see `newsdesk list`)".into(),
        StoreError::NoRevision { id, .. } if vi => format!(": xem `newsdesk history {id}`"),
        StoreError::NoRevision { id, .. } => format!(": see `newsdesk history {id}`"),
        StoreError::MediaNotFound(_) if vi => {
            ": hãy nhập mã băm hoặc ít nhất 8 ký tự đầu của nó (xem `newsdesk media list`)".into()
        }
        StoreError::MediaNotFound(_) => {
            ": give its hash or the first 8 or more characters of it (see `newsdesk media list`)"
                .into()
        }
        StoreError::MediaAmbiguous { .. } if vi => " (xem `newsdesk media list`)".into(),
        StoreError::MediaAmbiguous { .. } => " (see `newsdesk media list`)".into(),
        StoreError::MediaInUse { .. } if vi => {
            ": hãy gỡ ảnh ra trước (`newsdesk media detach`), hoặc thêm --force".into()
        }
        StoreError::MediaInUse { .. } => {
            ": detach it first (`newsdesk media detach`), or pass --force".into()
        }
        StoreError::NotInGallery { hash, .. } if vi => {
            format!(": xem `newsdesk media show {hash}`")
        }
        StoreError::NotInGallery { hash, .. } => format!(": see `newsdesk media show {hash}`"),
        _ => return None,
    })
}

/// The hint for a site error, if the command line has one.
pub fn site(err: &SiteError, lang: Lang) -> Option<String> {
    let vi = lang == Lang::Vi;
    Some(match err {
        SiteError::NoOutDir if vi => " (hoặc thêm --out THƯ_MỤC)".into(),
        SiteError::NoOutDir => " (or pass --out DIR)".into(),
        SiteError::Media { .. } => " (`newsdesk media detach`)".into(),
        SiteError::MediaRef { .. } if vi => " (`newsdesk media list` liệt kê thư viện ảnh)".into(),
        SiteError::MediaRef { .. } => " (`newsdesk media list` lists the library)".into(),
        _ => return None,
    })
}

/// The hint for a use case's error: its store or site error's.
pub fn app(err: &AppError, lang: Lang) -> Option<String> {
    match err {
        AppError::Store(e) => store(e, lang),
        AppError::Site(e) => site(e, lang),
        _ => None,
    }
}

/// Words and hint together: what the command line prints.
pub fn with_hint(words: String, hint: Option<String>) -> String {
    match hint {
        Some(h) => words + &h,
        None => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What only the command line can act on: a flag, or a command that lists things.
    const CLI_ONLY: &[&str] = &[
        "--db",
        "--force",
        "--out",
        "newsdesk list",
        "newsdesk history",
        "newsdesk media",
    ];

    #[test]
    fn the_words_both_front_ends_share_name_no_flag_and_the_cli_adds_them() {
        let (_, stored) = crate::words::error_samples();
        let site = crate::words::site_samples();
        let mut hinted = 0;
        for lang in [Lang::En, Lang::Vi] {
            let words = stored
                .iter()
                .map(|e| (crate::words::describe_store(e, lang), store(e, lang)))
                .chain(
                    site.iter()
                        .map(|e| (crate::words::describe_site(e, lang), super::site(e, lang))),
                );
            for (text, hint) in words {
                for flag in CLI_ONLY {
                    assert!(!text.contains(flag), "{flag} in the shared words: {text}");
                }
                hinted += usize::from(hint.is_some());
            }
        }
        // Every hint above, in both languages.
        assert!(hinted >= 2 * 10, "{hinted} hints");
    }
}
