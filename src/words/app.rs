//! A use case's error in the editor's language.

use crate::app::{AppError, PhotoProblem};
use crate::i18n::Lang;

/// Any `AppError`, in `lang`.
pub fn describe_app(err: &AppError, lang: Lang) -> String {
    match err {
        AppError::Store(e) => super::describe_store(e, lang),
        AppError::Domain(e) => super::describe_domain(e, lang),
        AppError::Site(e) => super::describe_site(e, lang),
        AppError::Photo(p) => describe_photo(p, lang),
        AppError::DemoFolder { path, err } => match lang {
            Lang::En => format!("cannot create the demo folder {}: {err}", path.display()),
            Lang::Vi => format!("không tạo được thư mục dùng thử {}: {err}", path.display()),
        },
        AppError::SyncLog { path, err } => match lang {
            Lang::En => format!("cannot write the sync log {}: {err}", path.display()),
            Lang::Vi => format!("không ghi được nhật ký đồng bộ {}: {err}", path.display()),
        },
        AppError::NoHomeFolder => match lang {
            Lang::En => {
                "there is no home folder to keep the database in: name one with --db or NEWSDESK_DB"
                    .into()
            }
            Lang::Vi => {
                "không có thư mục nhà để lưu cơ sở dữ liệu: hãy chỉ định bằng --db hoặc NEWSDESK_DB"
                    .into()
            }
        },
    }
}

/// Why a photo was not added, in `lang`.
pub fn describe_photo(p: &PhotoProblem, lang: Lang) -> String {
    use crate::files::FileKind;
    match (p, lang) {
        (PhotoProblem::NotAFile(FileKind::Folder), Lang::En) => {
            "it is a folder: name the photo files in it".into()
        }
        (PhotoProblem::NotAFile(FileKind::Folder), Lang::Vi) => {
            "đây là một thư mục: hãy nêu tên từng tệp ảnh trong đó".into()
        }
        (PhotoProblem::NotAFile(_), Lang::En) => {
            "it is not a file (a device, a pipe or a socket): name a photo file".into()
        }
        (PhotoProblem::NotAFile(_), Lang::Vi) => {
            "đây không phải là một tệp (mà là thiết bị, đường ống hoặc socket): hãy nêu tên một tệp ảnh".into()
        }
        (PhotoProblem::Rejected(r), lang) => super::describe_refusal(r, lang),
        (PhotoProblem::CannotRead(err), Lang::En) => format!("cannot read it: {err}"),
        (PhotoProblem::CannotRead(err), Lang::Vi) => format!("không đọc được tệp: {err}"),
        (PhotoProblem::CannotStore { dir, err }, Lang::En) => {
            format!("cannot store it in {}: {err}", dir.display())
        }
        (PhotoProblem::CannotStore { dir, err }, Lang::Vi) => {
            format!("không lưu được vào {}: {err}", dir.display())
        }
    }
}

/// English is the `Display` (logs, tests, libraries), as for the layers' own errors.
impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&describe_app(self, Lang::En))
    }
}

impl std::error::Error for AppError {}
