//! Giao diện tiếng Việt: one arm per message, NFC, in the words a Vietnamese newsroom uses
//! (bài viết, sapo, chuyên mục, nháp, chờ duyệt, hẹn giờ, đã đăng, lưu trữ).

use std::borrow::Cow;

use super::Msg;
use crate::domain::{RevisionKind, Status};
use crate::site::Phase;
use crate::store::Sort;
use crate::tui::keymap::Context;
use crate::tui::state::Field;

fn status(s: Status) -> &'static str {
    match s {
        Status::Draft => "nháp",
        Status::Review => "chờ duyệt",
        Status::Scheduled => "hẹn giờ",
        Status::Published => "đã đăng",
        Status::Archived => "lưu trữ",
    }
}

fn phase(p: Phase) -> &'static str {
    match p {
        Phase::Publishing => "đăng bài đến giờ",
        Phase::Rendering => "dựng trang",
        Phase::Switching => "chuyển bản mới",
        Phase::Syncing => "đồng bộ",
    }
}

fn progress(p: &crate::site::Progress) -> String {
    if p.total == 0 {
        format!("{}…", phase(p.phase))
    } else {
        format!("{} {}/{}", phase(p.phase), p.done, p.total)
    }
}

fn export_failed(reason: &str) -> String {
    format!("Xuất trang thất bại: {reason}. Trang đang chạy vẫn giữ nguyên.")
}

pub fn vi(m: &Msg) -> Cow<'static, str> {
    use Msg as M;
    let s: &'static str = match *m {
        M::ListTitle => "Bài viết",
        M::EditorTitle => "Biên tập",
        M::PreviewTitle => "Xem trước",
        M::SearchPrompt => "Tìm: ",
        M::FindPrompt => "Tìm: ",
        M::EmptyTitle => "Chưa có bài viết nào",
        M::EmptyHint => {
            "Nhấn Ctrl-N để viết bài đầu tiên,\n\
             hoặc nhập tệp Markdown từ dòng lệnh:\n  newsdesk import THƯ_MỤC"
        }
        M::NoMatches => "Không có bài nào khớp.",
        M::Loading => "Đang tải…",
        M::NothingOpen => "Mở một bài bằng Enter, hoặc nhấn Ctrl-N để viết bài mới.",
        M::NotFound => "Không tìm thấy.",
        M::NothingToUndo => "Không còn gì để hoàn tác.",
        M::NothingToRedo => "Không còn gì để làm lại.",
        M::FindCount { at, of } => return format!("Kết quả {at}/{of}").into(),
        M::FindAgain { query } => return format!("Enter: tìm lại “{query}”").into(),
        M::Badge(s) => match s {
            Status::Draft => "Nháp",
            Status::Review => "Chờ",
            Status::Scheduled => "Hẹn",
            Status::Published => "Đăng",
            Status::Archived => "Kho",
        },
        M::StatusLabel(s) => status(s),
        M::MoveLabel(to) => match to {
            Status::Draft => "Trả về nháp",
            Status::Review => "Gửi duyệt",
            Status::Scheduled => "Hẹn giờ đăng",
            Status::Published => "Đăng ngay",
            Status::Archived => "Đưa vào lưu trữ",
        },
        M::FilterAll => "tất cả",
        M::SortLabel(s) => match s {
            Sort::Updated => "mới sửa",
            Sort::Published => "ngày đăng",
            Sort::Title => "tiêu đề",
        },
        M::FieldLabel(f) => match f {
            Field::Title => "Tiêu đề",
            Field::Lede => "Sapo",
            Field::Section => "Chuyên mục",
            Field::Tags => "Từ khóa",
            Field::Byline => "Tác giả",
            Field::SignedBy => "Ký tên",
            Field::PublishAt => "Giờ đăng",
            Field::Body => "Nội dung",
        },
        M::Words { n, minutes } => return format!("{n} chữ · {minutes} phút").into(),
        M::SavedFlag => "đã lưu",
        M::UnsavedFlag => "chưa lưu",
        M::ReadOnlyFlag => "chỉ đọc",
        M::ExportFlag => "xuất",
        M::NewArticleHint => "Bài mới: gõ tiêu đề, Tab để sang ô tiếp theo.",
        M::NothingToSave => "Chưa có gì để lưu: hãy mở một bài trước.",
        M::SaveFirst => "Hãy lưu thay đổi trước (Ctrl-S), rồi mới đổi trạng thái.",
        M::NothingToMove => "Hãy lưu bài mới trước, rồi mới đổi trạng thái.",
        M::Saved {
            title,
            version,
            status: st,
        } => return format!("Đã lưu “{title}” (phiên bản {version}, {})", status(st)).into(),
        M::BadTime { input } => {
            return format!("“{input}” không phải thời gian: hãy viết như 2026-11-27 08:00").into();
        }
        M::TimeOutOfRange { input } => {
            return format!("“{input}” nằm ngoài các năm 1000–9999 mà trang web ghi được").into();
        }
        M::HelpTitle => "Phím tắt",
        M::HelpClose => "phím khác để đóng",
        M::HelpGroup(ctx) => match ctx {
            Context::Global => "Mọi nơi",
            Context::List => "Danh sách",
            Context::Search => "Ô tìm kiếm",
            Context::Editor => "Biên tập",
            Context::Find => "Tìm trong bài",
            Context::ReadOnly => "Bài chỉ đọc",
            Context::Preview => "Xem trước",
            Context::Revisions => "Lịch sử",
            Context::Gallery => "Ảnh",
            Context::GalleryPath => "Đường dẫn ảnh",
            Context::GalleryPick => "Chọn từ thư viện ảnh",
            Context::LeaveDialog => "Thay đổi chưa lưu",
            Context::StatusDialog => "Đổi trạng thái",
            Context::RecoverDialog => "Tìm thấy nội dung chưa lưu",
            Context::ConflictDialog => "Xung đột",
            Context::Leader => "Thêm (phím dẫn)",
            Context::HelpDialog => "Trợ giúp",
            Context::ExportDialog => "Xuất trang",
            Context::GalleryText => "Chú thích, alt",
        },
        M::Key(k) => k.vi(),
        M::LeaveTitle => "Thay đổi chưa lưu",
        M::LeaveBody => "Bài này có thay đổi chưa được lưu.",
        M::StatusTitle => "Đổi trạng thái",
        M::StatusAt => "Đăng lúc (vd. 2026-11-27 08:00): ",
        M::RecoverTitle => "Có văn bản chưa lưu",
        M::RecoverFrom { at } => {
            return format!(
                "Bài này có văn bản từ {at} chưa từng được lưu (phiên làm việc bị ngắt)."
            )
            .into();
        }
        M::Recovered => "Đã khôi phục văn bản chưa lưu: kiểm tra lại rồi lưu bằng Ctrl-S.",
        M::RecoveryDiscarded => "Đã bỏ văn bản chưa lưu.",
        M::StoredLabel => "đã lưu",
        M::RecoveredLabel => "chưa lưu",
        M::ConflictTitle => "Người khác đã lưu trước",
        M::ConflictBy { who, at } => {
            return format!("{who} đã lưu bài này lúc {at}, sau khi bạn mở bài.").into();
        }
        M::TheirsLabel => "của họ",
        M::MineLabel => "của tôi",
        M::KeptTheirs { rev } => {
            return format!("Đã tải bản của họ; bản của bạn nằm trong lịch sử (bản {rev}).").into();
        }
        M::KeptAside { rev } => {
            return format!(
                "Văn bản của bạn được cất thành bản {rev} (xem lịch sử); bạn vẫn sửa tiếp bản \
                 của mình."
            )
            .into();
        }
        M::LineNo(0) => "tiêu đề",
        M::LineNo(n) => return format!("dòng {n}").into(),
        M::BeingEdited { user, host, since } => {
            return format!("Đang được sửa bởi {user} trên {host} từ {since}").into();
        }
        M::OpenedReadOnly => {
            "Đã mở ở chế độ chỉ đọc. Ctrl-K để giành quyền sửa (người kia được báo khi lưu)."
        }
        M::ReadOnlyRefused { user } => {
            return format!("Chỉ đọc: {user} đang sửa bài này. Ctrl-K để giành quyền sửa.").into();
        }
        M::LockedBy { user, host, since } => {
            return format!(
                "{user} đang sửa bài này trên {host} từ {since}: hãy thử lại khi họ sửa xong."
            )
            .into();
        }
        M::TookOverFrom { user } => {
            return format!("Bạn đã giành quyền sửa từ {user}; họ sẽ được báo khi lưu.").into();
        }
        M::LockLost { user, host, at } => {
            return format!(
                "{user} đã giành quyền sửa lúc {at} (trên {host}): chưa lưu, văn bản của bạn vẫn \
                 còn. Ctrl-K để lấy lại."
            )
            .into();
        }
        M::HistoryTitle => "Lịch sử",
        M::HistoryCount(n) => return format!("Lịch sử · {n}").into(),
        M::HistoryEmpty => "Chưa có bản cũ nào: mỗi lần lưu sẽ thêm một bản.",
        M::HistoryNeedsArticle => "Hãy mở một bài đã lưu để xem lịch sử.",
        M::ColRev => "bản",
        M::ColKind => "loại",
        M::ColWho => "người",
        M::ColWhen => "lúc",
        M::ColWords => "chữ",
        M::KindLabel(k) => match k {
            RevisionKind::Save => "lưu",
            RevisionKind::Conflict => "xung đột",
        },
        M::ConflictLegend => "! bản lưu bị từ chối",
        M::RevisionTitle { rev } => return format!("Xem trước · bản {rev} (chỉ đọc)").into(),
        M::Restored { rev, version } => {
            return format!(
                "Đã khôi phục bản {rev} thành phiên bản {version}; văn bản bị thay nằm trong \
                 lịch sử."
            )
            .into();
        }
        M::EditorNeedsArticle => "Hãy mở một bài trước; Ctrl-E sẽ mở nội dung bài trong $EDITOR.",
        M::EditedExternally => {
            "Đã cập nhật nội dung từ $EDITOR: chưa lưu (Ctrl-S để lưu, Ctrl-Z để hoàn tác)."
        }
        M::EditorUnchanged => "Nội dung từ $EDITOR không thay đổi.",
        M::EditorFailed { reason } => {
            return format!("$EDITOR không chạy xong ({reason}); nội dung giữ nguyên.").into();
        }
        M::NotUtf8 => "tệp không phải UTF-8",
        M::ExportTitle => "Xuất bản trang web",
        M::ExportQuestion { sync: true } => "Xuất trang web và đồng bộ?",
        M::ExportQuestion { sync: false } => "Xuất trang web?",
        M::ExportFolder => "Thư mục",
        M::ExportSync => "Đồng bộ",
        M::ExportCancelled => "Đã hủy xuất trang.",
        M::NoExportDir => {
            "Chưa có thư mục xuất: đặt từ dòng lệnh bằng `newsdesk site set export_dir THƯ_MỤC`."
        }
        M::ExportWaiting => "newsdesk: đang chờ xuất trang xong (Ctrl-C để dừng)",
        M::PhaseLabel(p) => phase(p),
        M::ProgressText(p) => return progress(&p).into(),
        M::ExportRunning(p) => {
            return format!("Đang xuất trang ({}): hãy chờ xong.", progress(&p)).into();
        }
        M::ExportFailed { reason } => return export_failed(reason).into(),
        M::ExportCrashed { detail: None } => "quá trình xuất dừng bất ngờ",
        M::ExportCrashed { detail: Some(d) } => {
            return format!("quá trình xuất dừng bất ngờ ({d})").into();
        }
        M::ExportDone(summary) => return super::export::vi(summary).into(),
        M::GalleryTitle { title } => return format!("Ảnh · {title}").into(),
        M::GalleryEmpty => "Chưa có ảnh: a đính kèm tệp, l chọn từ thư viện ảnh.",
        M::PlaceLabel(place) => {
            return crate::words::place_label(place, crate::i18n::Lang::Vi).into();
        }
        M::NoAltMark => "⚠ thiếu mô tả ảnh (alt)",
        M::AltLabel => "Mô tả ảnh (alt): ",
        M::CaptionLabel => "Chú thích: ",
        M::PathPrompt => "Tệp: ",
        M::PickPrompt => "Thư viện ảnh: ",
        M::PickEmpty => "Không có ảnh nào khớp.",
        M::NoPathMatch => "Không có tệp hay thư mục nào bắt đầu như vậy.",
        M::GalleryNeedsArticle => "Hãy lưu bài trước: ảnh chỉ đính kèm vào bài đã lưu.",
        M::NoPhotoSelected => "Chưa chọn ảnh nào.",
        M::PhotoAttached {
            short,
            place,
            fresh,
        } => {
            let new = if fresh {
                "đã thêm vào thư viện ảnh và "
            } else {
                ""
            };
            return format!("Ảnh {short} {new}đã đính kèm (ảnh thứ {place} trong bộ ảnh).").into();
        }
        M::LeadSet => "Đã đặt ảnh đại diện.",
        M::PhotoMoved => "Đã chuyển chỗ ảnh.",
        M::PhotoTextSaved => "Đã lưu cho bài này.",
        M::PhotoRemoved { lead: true } => "Đã gỡ ảnh đại diện (ảnh vẫn còn trong thư viện ảnh).",
        M::PhotoRemoved { lead: false } => {
            "Đã gỡ ảnh khỏi bộ ảnh (ảnh vẫn còn trong thư viện ảnh)."
        }
        M::InlineInserted { short } => {
            return format!("Đã chèn ảnh {short} vào bài tại con trỏ.").into();
        }
        M::PhotoRefused { path, reason } => return format!("{path}: bị từ chối: {reason}").into(),
        M::PhotosWithoutAlt { title, photos } => {
            return format!("Đã đăng “{title}”, nhưng các ảnh này thiếu mô tả ảnh (alt): {photos}")
                .into();
        }
        M::SignalsFailed { reason } => {
            return format!("không theo dõi được tín hiệu hệ thống: {reason}").into();
        }
        M::TerminalFailed { reason } => {
            return format!("không khởi động được giao diện terminal: {reason}").into();
        }
        M::TerminalError { reason } => return format!("lỗi terminal: {reason}").into(),
    };
    Cow::Borrowed(s)
}
