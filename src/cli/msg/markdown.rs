//! Markdown in and out: `import` (its summary, and one line per file it could not take) and
//! `export-md`.

use super::count;
use crate::i18n::Lang::{self, En, Vi};

counted_enum! {
    #[derive(Debug, Clone, PartialEq)]
    pub enum MarkdownMsg {
        Imported { created: u64, updated: u64, unchanged: u64, skipped: u64, failed: u64 },
        /// A file became a new article, `slug`, because the slug its title makes, `taken`,
        /// is another article's: the one imported from `other`, when known.
        SlugCollision { path: String, slug: String, taken: String, other: Option<String> },
        /// Two files one import would know by the same `name` (two files named themselves).
        SameName { path: String, first: String, name: String },
        ReadFolder { path: String, err: String },
        ReadFile { path: String, err: String },
        FileNotUtf8 { path: String, offset: usize },
        /// `reason` is already worded in the language.
        FileFailed { path: String, reason: String },
        WroteMarkdown { count: u64, dir: String },
        CreateFolder { path: String, err: String },
        WriteFile { path: String, err: String },
        /// `export-md` found something other than a file of its own at `path`: a link (to
        /// `link_to`) or a folder, pipe or device. It is left as it is.
        NotWritten { path: String, link_to: Option<String> },
    }
}

impl MarkdownMsg {
    pub fn text(&self, lang: Lang) -> String {
        use MarkdownMsg::*;
        let n = |x: u64| count(lang, x);
        match self {
            Imported {
                created,
                updated,
                unchanged,
                skipped,
                failed,
            } => {
                let read = n(created + updated + unchanged + skipped);
                let (created, updated, unchanged) = (n(*created), n(*updated), n(*unchanged));
                let (skipped, failed) = (n(*skipped), n(*failed));
                match lang {
                    En => format!(
                        "imported {read} files: {created} new, {updated} updated, {unchanged} unchanged, {skipped} skipped, {failed} failed"
                    ),
                    Vi => format!(
                        "đã nhập {read} tệp: {created} mới, {updated} cập nhật, {unchanged} giữ nguyên, {skipped} bỏ qua, {failed} lỗi"
                    ),
                }
            }
            SlugCollision {
                path,
                slug,
                taken,
                other: Some(other),
            } => match lang {
                En => format!(
                    "{path}: the slug “{taken}” is the article imported from {other}; this file became a new article, “{slug}”"
                ),
                Vi => format!(
                    "{path}: slug “{taken}” là của bài nhập từ {other}; tệp này thành bài mới, slug “{slug}”"
                ),
            },
            SlugCollision {
                path,
                slug,
                taken,
                other: None,
            } => match lang {
                En => format!(
                    "{path}: the slug “{taken}” is another article's; this file became a new article, “{slug}”"
                ),
                Vi => format!(
                    "{path}: slug “{taken}” là của một bài khác; tệp này thành bài mới, slug “{slug}”"
                ),
            },
            SameName { path, first, name } => match lang {
                En => format!(
                    "{path}: known as {name}, as is {first}, read earlier in this import: import the folders that hold them instead"
                ),
                Vi => format!(
                    "{path}: có cùng tên {name} với {first}, tệp đã đọc trước trong lần nhập này: hãy nhập các thư mục chứa chúng"
                ),
            },
            ReadFolder { path, err } => match lang {
                En => format!("{path}: cannot read this folder: {err}"),
                Vi => format!("{path}: không đọc được thư mục này: {err}"),
            },
            ReadFile { path, err } => match lang {
                En => format!("{path}: cannot read: {err}"),
                Vi => format!("{path}: không đọc được: {err}"),
            },
            FileNotUtf8 { path, offset } => match lang {
                En => format!(
                    "{path}: not UTF-8 text (bad byte at offset {offset}): save it as UTF-8"
                ),
                Vi => format!(
                    "{path}: không phải văn bản UTF-8 (byte lỗi ở vị trí {offset}): hãy lưu tệp dạng UTF-8"
                ),
            },
            // The same in both: the reason is worded already.
            FileFailed { path, reason } => format!("{path}: {reason}"),
            WroteMarkdown { count, dir } => match lang {
                En => format!("wrote {} articles to {dir}", n(*count)),
                Vi => format!("đã ghi {} bài vào {dir}", n(*count)),
            },
            CreateFolder { path, err } => match lang {
                En => format!("cannot create the folder {path}: {err}"),
                Vi => format!("không tạo được thư mục {path}: {err}"),
            },
            WriteFile { path, err } => match lang {
                En => format!("cannot write {path}: {err}"),
                Vi => format!("không ghi được {path}: {err}"),
            },
            NotWritten {
                path,
                link_to: Some(to),
            } => match lang {
                En => format!(
                    "{path}: not written: it is a symbolic link (to {to}), and export-md never writes through a link; remove it and run again"
                ),
                Vi => format!(
                    "{path}: không ghi: đây là một liên kết tượng trưng (tới {to}), mà export-md không bao giờ ghi qua liên kết; hãy xóa nó rồi chạy lại"
                ),
            },
            NotWritten {
                path,
                link_to: None,
            } => match lang {
                En => format!(
                    "{path}: not written: it is not a regular file (a folder, a pipe or a device); move it away and run again"
                ),
                Vi => format!(
                    "{path}: không ghi: đây không phải tệp thường (là thư mục, ống dẫn hoặc thiết bị); hãy chuyển nó đi rồi chạy lại"
                ),
            },
        }
    }
}

/// One value of every message, with Vietnamese text and large numbers inside.
#[cfg(test)]
pub(super) fn samples() -> Vec<MarkdownMsg> {
    use super::sample::{err, path};
    use MarkdownMsg::*;
    vec![
        Imported {
            created: 1200,
            updated: 30,
            unchanged: 5678,
            skipped: 4,
            failed: 1,
        },
        SlugCollision {
            path: path(),
            slug: "bai-2".into(),
            taken: "bai".into(),
            other: Some("tin/bài.md".into()),
        },
        SlugCollision {
            path: path(),
            slug: "bai-2".into(),
            taken: "bai".into(),
            other: None,
        },
        SameName {
            path: path(),
            first: "/srv/cũ/bài.md".into(),
            name: "bài.md".into(),
        },
        ReadFolder {
            path: path(),
            err: err(),
        },
        ReadFile {
            path: path(),
            err: err(),
        },
        FileNotUtf8 {
            path: path(),
            offset: 7,
        },
        FileFailed {
            path: path(),
            reason: err(),
        },
        WroteMarkdown {
            count: 1234,
            dir: path(),
        },
        CreateFolder {
            path: path(),
            err: err(),
        },
        WriteFile {
            path: path(),
            err: err(),
        },
        NotWritten {
            path: path(),
            link_to: Some(path()),
        },
        NotWritten {
            path: path(),
            link_to: None,
        },
    ]
}
