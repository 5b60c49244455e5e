//! Errors worded for the editor in their language, at the edge of the program.
//!
//! The error types keep their English `Display` (libraries, tests, logs). Here each gets one
//! exhaustive `match` per language, so a new variant without a Vietnamese wording does not
//! compile. English is the `Display` itself: the derive is that language's `match`.

use chrono::{DateTime, Utc};

use crate::domain::{DomainError, MoveRule, Status};
use crate::i18n::Lang;
use crate::media::{LooksLike, MAX_PIXELS, Refusal};
use crate::site::i18n::format_decimal;
use crate::site::settings::Language;
use crate::store::{OpenProblem, StoreError};

/// A status as a word in a sentence: `published`, `đã đăng`.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::En => status.as_str(),
        Lang::Vi => match status {
            Status::Draft => "nháp",
            Status::Review => "chờ duyệt",
            Status::Scheduled => "hẹn giờ đăng",
            Status::Published => "đã đăng",
            Status::Archived => "lưu trữ",
        },
    }
}

/// A status keyword carried by an error (`"published"`), as a word in `lang`.
fn status_word(keyword: &'static str, lang: Lang) -> &'static str {
    Status::parse(keyword).map_or(keyword, |s| status_name(s, lang))
}

/// A time in an error: `26/11/2026 03:42 UTC`.
fn utc(t: &DateTime<Utc>) -> String {
    t.format("%d/%m/%Y %H:%M UTC").to_string()
}

pub fn describe_store(err: &StoreError, lang: Lang) -> String {
    if lang == Lang::En {
        return err.to_string();
    }
    match err {
        StoreError::NotNewsdesk { path } => {
            format!("{path} không phải là cơ sở dữ liệu của newsdesk (tệp được giữ nguyên)")
        }
        StoreError::TooNew { path, found, known } => format!(
            "{path} được tạo bởi một phiên bản newsdesk mới hơn (lược đồ {found}, bản này chỉ biết tới {known}); tệp được giữ nguyên: hãy cập nhật newsdesk"
        ),
        StoreError::Open { path, reason } => {
            format!("không mở được cơ sở dữ liệu {path}: {reason}")
        }
        StoreError::CannotOpen { path, problem } => open_problem_vi(path, *problem),
        StoreError::NotFound(key) => {
            format!("không có bài “{key}”")
        }
        StoreError::NoRevision { id, rev } => {
            format!("bài {id} không có bản lưu số {rev}")
        }
        StoreError::SlugTaken(slug) => {
            format!("slug “{slug}” đã được một bài khác dùng: hãy chọn slug khác")
        }
        StoreError::SlugOfOtherFile { slug, file } => format!(
            "slug “{slug}” là của bài nhập từ {file}; tệp này không được nhập: hãy đặt cho nó slug khác"
        ),
        StoreError::Conflict {
            title,
            saved_by,
            saved_at,
            version,
            kept_rev,
            ..
        } => format!(
            "“{title}” đã được {saved_by} lưu lúc {} (phiên bản {version}) sau khi bạn mở bài; nội dung của bạn được giữ lại ở bản lưu số {kept_rev}",
            utc(saved_at)
        ),
        StoreError::Locked {
            id,
            user,
            host,
            since,
        } => format!(
            "bài {id} đang được {user} sửa trên máy {host} từ {}",
            utc(since)
        ),
        StoreError::MediaNotFound(key) => format!("không có ảnh “{key}” trong thư viện"),
        StoreError::MediaAmbiguous { key, count } => {
            format!("“{key}” là phần đầu mã băm của {count} ảnh: hãy nhập dài hơn")
        }
        StoreError::MediaInUse { hash, uses } => {
            format!("{hash} đang được dùng ở {}", super::uses_vi(uses))
        }
        StoreError::NotInGallery { title, hash } => {
            format!("“{title}” không có ảnh {hash} trong bộ ảnh")
        }
        StoreError::Busy => {
            "cơ sở dữ liệu đang bận (một biên tập viên khác đang ghi); hãy thử lại sau giây lát"
                .to_string()
        }
        StoreError::Rule { title, source } if title.trim().is_empty() => {
            describe_domain(source, lang)
        }
        StoreError::Rule { title, source } => {
            format!("“{title}”: {}", describe_domain(source, lang))
        }
        StoreError::Domain(e) => describe_domain(e, lang),
        StoreError::Sqlite(e) => format!("lỗi cơ sở dữ liệu: {e}"),
    }
}

pub fn describe_domain(err: &DomainError, lang: Lang) -> String {
    if lang == Lang::En {
        return err.to_string();
    }
    match err {
        DomainError::UnknownStatus(s) => format!(
            "không có trạng thái “{s}”: hãy dùng draft (nháp), review (chờ duyệt), scheduled (hẹn giờ đăng), published (đã đăng) hoặc archived (lưu trữ)"
        ),
        DomainError::MoveRefused { from, to, rule } => format!(
            "không chuyển được từ {} sang {}: {}",
            status_word(from, lang),
            status_word(to, lang),
            move_rule_vi(*rule)
        ),
        DomainError::BadSlug(slug) => {
            format!("slug “{slug}” không hợp lệ: chỉ dùng a–z, 0–9 và từng dấu gạch nối đơn")
        }
        DomainError::SlugTooLong { len, max } => {
            format!("slug dài {len} ký tự: chỉ được tối đa {max} ký tự")
        }
        DomainError::SlugAllDigits(slug) => format!(
            "slug “{slug}” chỉ gồm chữ số, mà newsdesk hiểu là mã số của bài: hãy thêm một từ (ví dụ bai-{slug})"
        ),
        DomainError::TimeOutOfRange(s) => format!(
            "thời điểm “{s}” nằm ngoài các năm 1000–9999 mà trang web và nguồn tin (feed) ghi được"
        ),
        DomainError::EmptyTitle => "tiêu đề đang trống: bài nào cũng cần có tiêu đề".to_string(),
        DomainError::EmptyBody(status) => format!(
            "nội dung đang trống: bài {} cần có nội dung",
            status_word(status, lang)
        ),
        DomainError::NoPublishTime => "bài hẹn giờ đăng cần có thời điểm đăng".to_string(),
        DomainError::BadFrontMatter(problem) => super::import::front_matter_vi(problem),
    }
}

fn open_problem_vi(path: &str, problem: OpenProblem) -> String {
    let why = match problem {
        OpenProblem::FolderReadOnly => "bạn không có quyền ghi vào thư mục chứa tệp; SQLite ghi các tệp -wal và -shm ngay cạnh cơ sở dữ liệu, nên thư mục phải cho nhóm tòa soạn quyền ghi".to_string(),
        OpenProblem::FileDenied => "bạn không có quyền đọc hoặc ghi tệp này: hãy kiểm tra chủ sở hữu và nhóm của tệp".to_string(),
        OpenProblem::DiskFull => "ổ đĩa chứa tệp đã đầy: hãy giải phóng dung lượng rồi thử lại (chưa có gì bị thay đổi)".to_string(),
        OpenProblem::Damaged => format!("tệp bị hỏng (bị cắt cụt hoặc sai cấu trúc) và được giữ nguyên: hãy kiểm tra bằng `sqlite3 {path} 'PRAGMA integrity_check'` rồi khôi phục từ bản sao lưu"),
    };
    format!("không mở được cơ sở dữ liệu {path}: {why}")
}

fn move_rule_vi(rule: MoveRule) -> &'static str {
    match rule {
        MoveRule::SameStatus => "bài đã ở trạng thái đó",
        MoveRule::FromArchived => "bài lưu trữ phải về nháp trước",
        MoveRule::FromPublished => "bài đã đăng chỉ có thể gỡ xuống (về nháp) hoặc lưu trữ",
        MoveRule::NotInWorkflow => "quy trình không cho phép bước chuyển này",
        MoveRule::EmptyTitle => "tiêu đề đang trống",
        MoveRule::NeedsTime => "hẹn giờ đăng cần có thời điểm đăng (--at)",
        MoveRule::EmptyBody => "nội dung đang trống",
        MoveRule::PastTime => "thời điểm đăng phải ở tương lai",
    }
}

/// Why the photo library refused a file (`media::Refusal`), in `lang`.
pub fn describe_refusal(refusal: &Refusal, lang: Lang) -> String {
    if lang == Lang::En {
        return refusal.to_string();
    }
    match refusal {
        Refusal::Empty => "tệp trống".to_string(),
        Refusal::Svg => "không nhận ảnh SVG (tệp SVG có thể chứa mã chạy được): hãy xuất ảnh ra PNG hoặc JPEG rồi thêm tệp đó".to_string(),
        Refusal::NotAnImage(kind) => format!(
            "không phải ảnh JPEG, PNG, WebP hay GIF (tệp có vẻ là {}; newsdesk xem nội dung tệp, không xem tên tệp)",
            looks_like_vi(*kind)
        ),
        Refusal::TooLarge { bytes, limit_mb } => format!(
            "{} vượt giới hạn {limit_mb} MB (thiết lập trang media_max_mb)",
            super::megabytes_vi(*bytes)
        ),
        Refusal::TooManyPixels { width, height } => format!(
            "{width}×{height} điểm ảnh là {} megapixel, vượt giới hạn {} (có thể là tệp “bom giải nén”, hoặc bản quét lớn hơn nhiều so với nhu cầu của web): hãy thu nhỏ ảnh trước",
            format_decimal(f64::from(*width) * f64::from(*height) / 1e6, 0, Language::Vi),
            MAX_PIXELS / 1_000_000
        ),
        Refusal::BadHeader(format) => {
            format!("phần đầu tệp {format} bị hỏng (không ghi kích thước ảnh)")
        }
        Refusal::Truncated(format) => format!(
            "ảnh {format} bị hỏng, không giải mã được: tệp kết thúc trước khi hết ảnh (tệp tải lên bị ngắt giữa chừng?)"
        ),
        // The decoder's own reason stays in its words.
        Refusal::Undecodable { format, detail } => {
            format!("ảnh {format} bị hỏng, không giải mã được: {detail}")
        }
    }
}

/// What a refused file looks like, in Vietnamese.
fn looks_like_vi(kind: LooksLike) -> &'static str {
    match kind {
        LooksLike::Heif => "HEIC/HEIF",
        LooksLike::Avif => "AVIF",
        LooksLike::Video => "một tệp video",
        LooksLike::TiffOrRaw => "TIFF hoặc tệp RAW của máy ảnh",
        LooksLike::Bmp => "BMP",
        LooksLike::Pdf => "PDF",
        LooksLike::HtmlOrXml => "HTML hoặc XML",
        LooksLike::Unknown => "một loại tệp khác",
    }
}

#[cfg(test)]
#[path = "errors_tests.rs"]
pub(super) mod tests;
