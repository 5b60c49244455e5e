//! Import refusals worded in Vietnamese: what is wrong with a file's front matter, and why a
//! path was not read. English is each error's `Display`.

use crate::app::read::{FileKind, MAX_MARKDOWN_BYTES, ReadRefusal};
use crate::domain::FrontMatterError;
use crate::i18n::Lang;

pub fn front_matter_vi(problem: &FrontMatterError) -> String {
    match problem {
        FrontMatterError::ControlChar { line, code } => format!(
            "dòng {line} có ký tự điều khiển U+{code:04X}: hãy xóa nó (chỉ được dùng tab và xuống dòng); không đọc gì sau nó"
        ),
        FrontMatterError::TooLarge { bytes, limit } => format!(
            "phần đầu tệp (front matter) dài {bytes} byte: chỉ đọc tối đa {} KiB",
            limit / 1024
        ),
        FrontMatterError::TooDeep { line, limit } => {
            format!("phần đầu tệp ở dòng {line} lồng nhau quá {limit} tầng")
        }
        FrontMatterError::TooManyValues { line, limit } => format!(
            "các bí danh YAML (*tên) ở dòng {line} bung ra hơn {limit} giá trị: hãy viết thẳng các giá trị ra"
        ),
        FrontMatterError::DuplicateKey(key) => format!("khóa “{key}” xuất hiện hai lần"),
        FrontMatterError::BadDraft(value) => format!(
            "draft là “{value}”: hãy viết true hoặc false (cũng đọc được yes/no, on/off, y/n và 1/0)"
        ),
        FrontMatterError::Unclosed(fence) => {
            format!("phần đầu tệp (front matter) mở bằng {fence} nhưng không được đóng lại")
        }
        FrontMatterError::BadYaml(e) => format!("phần đầu tệp YAML không hợp lệ: {e}"),
        FrontMatterError::NotKeyValue => {
            "phần đầu tệp YAML không phải là các dòng `khóa: giá trị`".to_string()
        }
        FrontMatterError::BadToml(e) => format!("phần đầu tệp TOML không hợp lệ: {e}"),
        FrontMatterError::BadDate(s) => {
            format!("“{s}” không phải là ngày giờ: hãy viết như 2026-11-26T10:42:00+07:00")
        }
    }
}

fn kind_vi(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Folder => "một thư mục",
        FileKind::Pipe => "một ống dẫn có tên (FIFO)",
        FileKind::CharDevice => "một thiết bị ký tự",
        FileKind::BlockDevice => "một thiết bị khối",
        FileKind::Socket => "một socket",
        FileKind::Other => "không phải tệp",
    }
}

/// Why a path was not read for import, in `lang`.
pub fn describe_read_refusal(refusal: &ReadRefusal, lang: Lang) -> String {
    if lang == Lang::En {
        return refusal.to_string();
    }
    match refusal {
        ReadRefusal::Io(e) => format!("không đọc được: {e}"),
        ReadRefusal::NotRegular(kind) => format!(
            "là {}, không phải tệp thông thường: chỉ nhập các tệp thông thường",
            kind_vi(*kind)
        ),
        ReadRefusal::TooLarge { bytes } => format!(
            "dài {bytes} byte, vượt mức {} MiB cho một tệp Markdown",
            MAX_MARKDOWN_BYTES >> 20
        ),
        ReadRefusal::NotUtf8 { offset } => {
            format!("không phải văn bản UTF-8 (byte {offset})")
        }
    }
}

/// One value of every front-matter problem, for the wording tests.
#[cfg(test)]
pub(super) fn samples() -> Vec<FrontMatterError> {
    vec![
        FrontMatterError::ControlChar { line: 2, code: 0 },
        FrontMatterError::TooLarge {
            bytes: 70_000,
            limit: 65_536,
        },
        FrontMatterError::TooDeep { line: 3, limit: 32 },
        FrontMatterError::TooManyValues {
            line: 9,
            limit: 65_536,
        },
        FrontMatterError::DuplicateKey("draft".into()),
        FrontMatterError::BadDraft("có lẽ".into()),
        FrontMatterError::Unclosed("---"),
        FrontMatterError::BadYaml("x".into()),
        FrontMatterError::NotKeyValue,
        FrontMatterError::BadToml("x".into()),
        FrontMatterError::BadDate("thứ năm".into()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn read_refusals_are_worded_in_vietnamese() {
        let kinds = [
            FileKind::Folder,
            FileKind::Pipe,
            FileKind::CharDevice,
            FileKind::BlockDevice,
            FileKind::Socket,
            FileKind::Other,
        ];
        let mut refusals: Vec<ReadRefusal> =
            kinds.into_iter().map(ReadRefusal::NotRegular).collect();
        refusals.push(ReadRefusal::TooLarge { bytes: 20 << 20 });
        refusals.push(ReadRefusal::NotUtf8 { offset: 3 });
        refusals.push(ReadRefusal::Io(std::io::Error::other("x")));
        for r in &refusals {
            let vi = describe_read_refusal(r, Lang::Vi);
            assert!(is_nfc(&vi), "{vi}");
            assert_ne!(vi, describe_read_refusal(r, Lang::En));
            assert_eq!(describe_read_refusal(r, Lang::En), r.to_string());
        }
        assert_eq!(
            describe_read_refusal(&ReadRefusal::NotRegular(FileKind::Pipe), Lang::En),
            "is a named pipe (FIFO), not a regular file: only regular files are imported"
        );
    }
}
