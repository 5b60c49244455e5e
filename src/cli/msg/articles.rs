//! Articles: the overview, `show`, `list`, `history`, status changes, and the refusals of
//! the commands that read a body or a time.

use super::count;
use crate::domain::Status;
use crate::i18n::Lang::{self, En, Vi};
use crate::words::status_name;

counted_enum! {
    #[derive(Debug, Clone, PartialEq)]
    pub enum ArticleMsg {
        Overview { db: String, total: u64 },
        NoArticlesYet,
        CommandsHint,
        WordsAndMinutes { words: u64, minutes: u64 },
        Byline(String),
        Tags(String),
        HistoryHeader,
        NoMatches,
        NowStatus { title: String, status: Status, when: Option<String> },
        Restored { title: String, rev: i64, version: i64 },
        Purged(String),
        AlreadyArchived(String),
        Archived { title: String, id: i64 },
        ReadStdin(String),
        ReadBodyFile { path: String, err: String },
        BodyNotUtf8 { path: String, offset: usize },
        UnknownSort(String),
        NotATime(String),
        PurgeNeedsYes(String),
    }
}

impl ArticleMsg {
    pub fn text(&self, lang: Lang) -> String {
        use ArticleMsg::*;
        let n = |x: u64| count(lang, x);
        match self {
            Overview { db, total } => match lang {
                En => format!("newsdesk — {db} ({} articles)", n(*total)),
                Vi => format!("newsdesk — {db} ({} bài)", n(*total)),
            },
            NoArticlesYet => match lang {
                En => "No articles yet. Create one with `newsdesk new --title \"…\"` or bring some in with `newsdesk import FOLDER`.".into(),
                Vi => "Chưa có bài nào. Tạo bài bằng `newsdesk new --title \"…\"` hoặc nhập bài bằng `newsdesk import THƯ_MỤC`.".into(),
            },
            CommandsHint => match lang {
                En => "Commands: newsdesk --help".into(),
                Vi => "Các lệnh: newsdesk --help".into(),
            },
            WordsAndMinutes { words, minutes } => match lang {
                En => format!("{} words, {} min", n(*words), n(*minutes)),
                Vi => format!("{} chữ, {} phút đọc", n(*words), n(*minutes)),
            },
            Byline(b) => match lang {
                En => format!("By {b}"),
                Vi => format!("Tác giả: {b}"),
            },
            Tags(t) => match lang {
                En => format!("Tags: {t}"),
                Vi => format!("Từ khóa: {t}"),
            },
            HistoryHeader => history_header(match lang {
                En => ["REV", "KIND", "VER", "WHEN", "WHO", "WORDS", "TITLE"],
                Vi => ["BẢN", "LOẠI", "PB", "LÚC", "NGƯỜI LƯU", "SỐ CHỮ", "TIÊU ĐỀ"],
            }),
            NoMatches => match lang {
                En => "No articles match.".into(),
                Vi => "Không có bài nào khớp.".into(),
            },
            NowStatus { title, status, when } => {
                let when = when.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
                match lang {
                    // English keeps the status's own name, the word the commands take.
                    En => format!("“{title}” is now {}{when}", status.as_str()),
                    Vi => format!(
                        "“{title}” giờ ở trạng thái {}{when}",
                        status_name(*status, Lang::Vi)
                    ),
                }
            }
            Restored { title, rev, version } => match lang {
                En => format!("“{title}”: revision {rev} restored as version {version}"),
                Vi => format!("“{title}”: đã khôi phục bản lưu số {rev} thành phiên bản {version}"),
            },
            Purged(title) => match lang {
                En => format!("“{title}” removed for good"),
                Vi => format!("đã xóa hẳn “{title}”"),
            },
            AlreadyArchived(title) => match lang {
                En => format!("“{title}” is already archived"),
                Vi => format!("“{title}” đã ở trong lưu trữ"),
            },
            Archived { title, id } => match lang {
                En => format!("“{title}” archived (restore it with `newsdesk status {id} draft`)"),
                Vi => format!("đã lưu trữ “{title}” (lấy lại bằng `newsdesk status {id} draft`)"),
            },
            ReadStdin(err) => match lang {
                En => format!("cannot read the body from standard input: {err}"),
                Vi => format!("không đọc được nội dung bài từ đầu vào chuẩn: {err}"),
            },
            ReadBodyFile { path, err } => match lang {
                En => format!("cannot read the body file {path}: {err}"),
                Vi => format!("không đọc được tệp nội dung {path}: {err}"),
            },
            BodyNotUtf8 { path, offset } => match lang {
                En => format!(
                    "the body file {path} is not UTF-8 text (bad byte at offset {offset}): save it as UTF-8"
                ),
                Vi => format!(
                    "tệp nội dung {path} không phải văn bản UTF-8 (byte lỗi ở vị trí {offset}): hãy lưu tệp dạng UTF-8"
                ),
            },
            UnknownSort(s) => match lang {
                En => format!("unknown sort “{s}”: use updated, published or title"),
                Vi => format!(
                    "không có cách sắp xếp “{s}”: hãy dùng updated (cập nhật), published (ngày đăng) hoặc title (tiêu đề)"
                ),
            },
            NotATime(s) => match lang {
                En => format!(
                    "“{s}” is not a time: write it like \"2026-11-27 08:00\" or 2026-11-27T08:00:00+07:00"
                ),
                Vi => format!(
                    "“{s}” không phải là thời điểm: hãy viết như \"2026-11-27 08:00\" hoặc 2026-11-27T08:00:00+07:00"
                ),
            },
            PurgeNeedsYes(title) => match lang {
                En => format!(
                    "--purge removes “{title}” and its whole history for good: add --yes to confirm"
                ),
                Vi => format!(
                    "--purge xóa hẳn “{title}” cùng toàn bộ lịch sử: thêm --yes để xác nhận"
                ),
            },
        }
    }
}

/// The column headings of `history`, aligned like its rows.
fn history_header(h: [&str; 7]) -> String {
    format!(
        "{:>4}  {:<9} {:>4}  {:<16}  {:<12} {:>6}  {}",
        h[0], h[1], h[2], h[3], h[4], h[5], h[6]
    )
}

/// One value of every message, with Vietnamese text and large numbers inside.
#[cfg(test)]
pub(super) fn samples() -> Vec<ArticleMsg> {
    use super::sample::{err, path, title};
    use ArticleMsg::*;
    vec![
        Overview {
            db: path(),
            total: 1234,
        },
        NoArticlesYet,
        CommandsHint,
        WordsAndMinutes {
            words: 1234,
            minutes: 6,
        },
        Byline("Văn Hùng".into()),
        Tags("nông nghiệp, bưởi".into()),
        HistoryHeader,
        NoMatches,
        NowStatus {
            title: title(),
            status: Status::Scheduled,
            when: Some("27/11/2026 08:00".into()),
        },
        Restored {
            title: title(),
            rev: 2,
            version: 5,
        },
        Purged(title()),
        AlreadyArchived(title()),
        Archived {
            title: title(),
            id: 3,
        },
        ReadStdin(err()),
        ReadBodyFile {
            path: path(),
            err: err(),
        },
        BodyNotUtf8 {
            path: path(),
            offset: 7,
        },
        UnknownSort("mới".into()),
        NotATime("thứ năm".into()),
        PurgeNeedsYes(title()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_columns_line_up_in_both_languages() {
        let column =
            |line: String, heading: &str| line.find(heading).map(|at| line[..at].chars().count());
        assert_eq!(
            column(ArticleMsg::HistoryHeader.text(Lang::Vi), "TIÊU ĐỀ"),
            column(ArticleMsg::HistoryHeader.text(Lang::En), "TITLE")
        );
    }
}
