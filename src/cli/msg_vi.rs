//! The command line's lines in Vietnamese: one arm per `CliMsg`, like the English ones.

use super::msg::{CliMsg, history_header, int_vi, photo_facts, quoted_caption, secs_vi};
use crate::i18n::Lang;
use crate::words::{describe_refusal, role_vi, status_name, uses_vi};

/// `chú thích:       …`: a field of `media show`, `(chưa có)` when empty; the values line up.
fn field_vi(label: &str, value: &str) -> String {
    let shown = if value.is_empty() {
        "(chưa có)"
    } else {
        value
    };
    format!("{:<17}{shown}", format!("{label}:"))
}

impl CliMsg {
    pub(super) fn vi(&self) -> String {
        use CliMsg::*;
        let n = |n: &u64| int_vi(*n);
        let s = |s: &f64| secs_vi(*s);
        match self {
            Overview { db, total } => format!("newsdesk — {db} ({} bài)", n(total)),
            NoArticlesYet => "Chưa có bài nào. Tạo bài bằng `newsdesk new --title \"…\"` hoặc nhập bài bằng `newsdesk import THƯ_MỤC`.".into(),
            CommandsHint => "Các lệnh: newsdesk --help".into(),
            WordsAndMinutes { words, minutes } => {
                format!("{} chữ, {} phút đọc", n(words), n(minutes))
            }
            Byline(b) => format!("Tác giả: {b}"),
            Tags(t) => format!("Từ khóa: {t}"),
            HistoryHeader => {
                history_header(["BẢN", "LOẠI", "PB", "LÚC", "NGƯỜI LƯU", "SỐ CHỮ", "TIÊU ĐỀ"])
            }
            NoMatches => "Không có bài nào khớp.".into(),
            NowStatus { title, status, when } => format!(
                "“{title}” giờ ở trạng thái {}{}",
                status_name(*status, Lang::Vi),
                when.as_ref().map(|w| format!(" ({w})")).unwrap_or_default()
            ),
            Restored { title, rev, version } => {
                format!("“{title}”: đã khôi phục bản lưu số {rev} thành phiên bản {version}")
            }
            Purged(title) => format!("đã xóa hẳn “{title}”"),
            AlreadyArchived(title) => format!("“{title}” đã ở trong lưu trữ"),
            Archived { title, id } => format!(
                "đã lưu trữ “{title}” (lấy lại bằng `newsdesk status {id} draft`)"
            ),
            Imported { created, updated, unchanged, skipped, failed } => format!(
                "đã nhập {} tệp: {} mới, {} cập nhật, {} giữ nguyên, {} bỏ qua, {} lỗi",
                n(&(created + updated + unchanged + skipped)),
                n(created),
                n(updated),
                n(unchanged),
                n(skipped),
                n(failed)
            ),
            SlugCollision { path, slug, taken, other: Some(other) } => format!(
                "{path}: slug “{taken}” là của bài nhập từ {other}; tệp này thành bài mới, slug “{slug}”"
            ),
            SameName { path, first, name } => format!(
                "{path}: có cùng tên {name} với {first}, tệp đã đọc trước trong lần nhập này: hãy nhập các thư mục chứa chúng"
            ),
            SlugCollision { path, slug, taken, other: None } => format!(
                "{path}: slug “{taken}” là của một bài khác; tệp này thành bài mới, slug “{slug}”"
            ),
            WroteMarkdown { count, dir } => format!("đã ghi {} bài vào {dir}", n(count)),
            NotSet => "(chưa đặt)".into(),
            Default => "(mặc định)".into(),
            BackToDefault(key) => format!("{key} đã trở về giá trị mặc định"),
            Exported { files, live, build, written, unchanged, removed, secs } => format!(
                "đã xuất {} tệp vào {live} ({build}): {} ghi mới, {} giữ nguyên, {} xóa, trong {} giây",
                n(files),
                n(written),
                n(unchanged),
                n(removed),
                s(secs)
            ),
            NothingChanged { live, unchanged, secs } => format!(
                "không có gì thay đổi: {live} đã mới nhất ({} tệp giữ nguyên, {} giây)",
                n(unchanged),
                s(secs)
            ),
            RolledBack { out, number, path, made, forward } => format!(
                "{out} đã {} số {number} ({path}{}){}",
                if *forward { "chuyển tiếp tới bản dựng mới hơn" } else { "quay lại bản dựng trước đó" },
                made.as_ref().map(|m| format!(", dựng lúc {m}")).unwrap_or_default(),
                if *forward { "" } else { "; chạy lại `newsdesk export --rollback` để chuyển tiếp trở lại" }
            ),
            PublishedOnSchedule { title, slug } => {
                format!("đã đăng theo lịch: “{title}” ({slug})")
            }
            Renditions(count) => format!("ảnh: đã tạo {} bản ảnh", n(count)),
            SyncRunning(cmd) => format!("đồng bộ: {cmd}"),
            SyncFinished => "đồng bộ xong (mã thoát 0)".into(),
            SyncFailed { code, live } => format!(
                "newsdesk: lệnh đồng bộ bị lỗi ({}); bản xuất vẫn ở {live}: hãy sửa lệnh (`newsdesk site get sync_command`) rồi chạy lại `newsdesk export --sync`",
                code.map_or("bị một tín hiệu dừng".to_string(), |c| format!("mã thoát {c}"))
            ),
            NoHomeFolder => {
                "không tìm thấy thư mục nhà để đặt cơ sở dữ liệu: hãy thêm --db ĐƯỜNG_DẪN".into()
            }
            ReadStdin(err) => format!("không đọc được nội dung bài từ đầu vào chuẩn: {err}"),
            ReadBodyFile { path, err } => format!("không đọc được tệp nội dung {path}: {err}"),
            BodyNotUtf8 { path, offset } => format!(
                "tệp nội dung {path} không phải văn bản UTF-8 (byte lỗi ở vị trí {offset}): hãy lưu tệp dạng UTF-8"
            ),
            UnknownSort(s) => format!(
                "không có cách sắp xếp “{s}”: hãy dùng updated (cập nhật), published (ngày đăng) hoặc title (tiêu đề)"
            ),
            NotATime(s) => format!(
                "“{s}” không phải là thời điểm: hãy viết như \"2026-11-27 08:00\" hoặc 2026-11-27T08:00:00+07:00"
            ),
            PurgeNeedsYes(title) => format!(
                "--purge xóa hẳn “{title}” cùng toàn bộ lịch sử: thêm --yes để xác nhận"
            ),
            CreateFolder { path, err } => format!("không tạo được thư mục {path}: {err}"),
            WriteFile { path, err } => format!("không ghi được {path}: {err}"),
            NoSyncCommand => "chưa có lệnh đồng bộ: hãy đặt một lệnh bằng `newsdesk site set sync_command 'rsync -a --delete {out}/ www@host:/var/www/site/'`".into(),
            DemoFolder { path, err } => {
                format!("không tạo được thư mục dùng thử {path}: {err}")
            }
            ReadFolder { path, err } => format!("{path}: không đọc được thư mục này: {err}"),
            ReadFile { path, err } => format!("{path}: không đọc được: {err}"),
            FileNotUtf8 { path, offset } => format!(
                "{path}: không phải văn bản UTF-8 (byte lỗi ở vị trí {offset}): hãy lưu tệp dạng UTF-8"
            ),
            FileFailed { path, reason } => format!("{path}: {reason}"),
            PhotoUpdated(short) => format!("đã cập nhật ảnh {short}"),
            PhotoRefused { path, reason } => format!("newsdesk: {path}: bị từ chối: {reason}"),
            PhotoCannotRead(err) => format!("không đọc được tệp: {err}"),
            PhotoIsFolder => "đây là một thư mục: hãy nêu tên từng tệp ảnh trong đó".into(),
            PhotoNotAFile => {
                "đây không phải là một tệp (mà là thiết bị, đường ống hoặc socket): hãy nêu tên một tệp ảnh".into()
            }
            PhotoRejected(refusal) => describe_refusal(refusal, Lang::Vi),
            PhotoCannotStore { dir, err } => {
                format!("không lưu được ảnh vào thư viện ảnh ({dir}): {err}")
            }
            PhotoAdded { fresh, item, gallery } => {
                let done = if *fresh { "đã thêm" } else { "đã có trong thư viện ảnh:" };
                let gallery = gallery
                    .as_ref()
                    .map(|(place, title)| format!(", là ảnh thứ {place} trong bộ ảnh của “{title}”"))
                    .unwrap_or_default();
                format!(
                    "{done} {}  {}  ({}){gallery}",
                    item.short(),
                    item.name,
                    photo_facts(item, Lang::Vi)
                )
            }
            LibraryEmpty => "Thư viện ảnh đang trống. Thêm ảnh bằng `newsdesk media add TỆP...`.".into(),
            PhotoRow { item, uses, when } => format!(
                "{}  {:<28} {:>4} lượt dùng  {when}  {}{}",
                item.short(),
                photo_facts(item, Lang::Vi),
                n(&(*uses as u64)),
                item.name,
                quoted_caption(&item.caption)
            ),
            PhotoHeading(item) => format!("{}  ({})", item.name, photo_facts(item, Lang::Vi)),
            PhotoFile { path, missing } => format!(
                "{}{}",
                field_vi("tệp", path),
                if *missing { "  (KHÔNG THẤY TỆP)" } else { "" }
            ),
            PhotoCaption(v) => field_vi("chú thích", v),
            PhotoAlt(v) => field_vi("mô tả ảnh (alt)", v),
            PhotoCredit(v) => field_vi("nguồn ảnh", v),
            PhotoAddedBy { when, by } => field_vi("thêm lúc", &format!("{when}, bởi {by}")),
            PhotoUnused => field_vi("dùng ở", "chưa bài nào dùng"),
            PhotoUse(u) => field_vi(
                "dùng ở",
                &format!(
                    "“{}” ({}, {}) {}",
                    u.title,
                    u.slug,
                    status_name(u.status, Lang::Vi),
                    role_vi(u.role)
                ),
            ),
            PhotoFileNotRemoved { short, err } => format!(
                "đã xóa ảnh {short} khỏi thư viện ảnh nhưng chưa xóa được tệp của nó: {err}"
            ),
            PhotoRemoved { short, name } => format!("đã xóa {short}  {name}"),
            PhotoDetachedFrom(uses) => format!("đã gỡ khỏi {}", uses_vi(uses)),
            PhotoStillInline(uses) => format!(
                "cảnh báo: nội dung của {} vẫn chèn ảnh này: hãy xóa các chỗ chèn đó, nếu không bản xuất trang sẽ từ chối những bài này",
                uses
                    .iter()
                    .map(|u| format!("“{}” ({})", u.title, u.slug))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            PhotoIsLead { short, title } => format!("{short} giờ là ảnh đại diện của “{title}”"),
            PhotoInGallery { short, place, title } => {
                format!("{short} giờ là ảnh thứ {place} trong bộ ảnh của “{title}”")
            }
            PhotoNotOnArticle { title, short } => format!(
                "“{title}” không có ảnh {short} làm ảnh đại diện hay trong bộ ảnh"
            ),
            PhotoTakenOff { short, title } => format!("đã gỡ {short} khỏi “{title}”"),
            BodyStillShowsPhoto => "nội dung bài vẫn chèn ảnh này (![…](media:…)): hãy sửa nội dung để bỏ cả ở đó".into(),
            PhotosWithoutAlt { title, photos, slug } => format!(
                "cảnh báo: “{title}” có {} ảnh chưa có mô tả ảnh (alt), người dùng trình đọc màn hình sẽ không biết ảnh nói gì: {}; thêm bằng `newsdesk media attach HASH {slug} --alt \"…\"` hoặc `newsdesk media set HASH --alt \"…\"`",
                n(&(photos.len() as u64)),
                crate::words::photo_places(photos, Lang::Vi)
            ),
            BrokenPhotoRef { title, reference, ambiguous } => format!(
                "cảnh báo: nội dung “{title}” chèn media:{reference}, {}: bản xuất trang sẽ từ chối bài này cho tới khi nội dung được sửa",
                if *ambiguous {
                    "mã này là phần đầu mã băm của nhiều ảnh"
                } else {
                    "mã này không có trong thư viện ảnh"
                }
            ),
            ChangedWhileExported { title, slug } => format!(
                "cảnh báo: “{title}” ({slug}) bị sửa trong lúc xuất trang: trang mới hiển thị bài là đã đăng vì đã đến giờ, nhưng bài chưa được chuyển sang đã đăng; lần xuất sau sẽ theo trạng thái hiện tại của bài"
            ),
            NotMarkedPublished { title, slug, err } => format!(
                "cảnh báo: “{title}” ({slug}) đã lên trang nhưng không chuyển được sang đã đăng ({err}); lần xuất sau sẽ chuyển"
            ),
            SyncTimedOut { limit, live } => format!(
                "newsdesk: lệnh đồng bộ không xong trong {limit} (thiết lập sync_timeout) nên đã bị dừng; bản xuất vẫn ở {live}: hãy sửa lệnh hoặc nới giới hạn (`newsdesk site set sync_timeout 30m`) rồi chạy lại `newsdesk export --sync`"
            ),
            MarkdownRefused { path, link_to } => match link_to {
                Some(to) => format!(
                    "{path}: không ghi: đây là một liên kết tượng trưng (tới {to}), mà export-md không bao giờ ghi qua liên kết; hãy xóa nó rồi chạy lại"
                ),
                None => format!(
                    "{path}: không ghi: đây không phải tệp thường (là thư mục, ống dẫn hoặc thiết bị); hãy chuyển nó đi rồi chạy lại"
                ),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;
    use crate::store::{MediaUse, Role};
    use unicode_normalization::is_nfc;

    /// One value of every message, with Vietnamese text and large numbers inside.
    fn samples() -> Vec<CliMsg> {
        use CliMsg::*;
        let t = || "Thẩm định mô hình “Dân vận khéo”".to_string();
        let p = || "/srv/tin/bài.md".to_string();
        let e = || "x".to_string();
        let h = || "1a2b3c4d5e6f".to_string();
        let item = || {
            Box::new(crate::store::MediaItem {
                image: crate::media::Image {
                    hash: "1a2b3c4d5e6f".repeat(5) + "abcd",
                    format: crate::media::Format::Jpeg,
                    width: 4000,
                    height: 3000,
                    alpha: false,
                },
                name: "bưởi.jpg".into(),
                bytes: 5_123_456,
                caption: "Vườn bưởi Phúc Trạch".into(),
                alt: String::new(),
                credit: "Văn Hùng".into(),
                added_by: "lan".into(),
                added_at: chrono::DateTime::UNIX_EPOCH,
            })
        };
        let used = |role| MediaUse {
            article_id: 1,
            slug: "tham-dinh".into(),
            title: t(),
            status: Status::Published,
            role,
        };
        vec![
            Overview {
                db: p(),
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
                title: t(),
                status: Status::Scheduled,
                when: Some("27/11/2026 08:00".into()),
            },
            Restored {
                title: t(),
                rev: 2,
                version: 5,
            },
            Purged(t()),
            AlreadyArchived(t()),
            Archived { title: t(), id: 3 },
            Imported {
                created: 1200,
                updated: 30,
                unchanged: 5678,
                skipped: 4,
                failed: 1,
            },
            SlugCollision {
                path: p(),
                slug: "bai-2".into(),
                taken: "bai".into(),
                other: Some("tin/bài.md".into()),
            },
            SlugCollision {
                path: p(),
                slug: "bai-2".into(),
                taken: "bai".into(),
                other: None,
            },
            SameName {
                path: p(),
                first: "/srv/cũ/bài.md".into(),
                name: "bài.md".into(),
            },
            WroteMarkdown {
                count: 1234,
                dir: p(),
            },
            NotSet,
            Default,
            BackToDefault("title".into()),
            Exported {
                files: 1234,
                live: p(),
                build: p(),
                written: 10,
                unchanged: 1224,
                removed: 0,
                secs: 2.5,
            },
            NothingChanged {
                live: p(),
                unchanged: 1234,
                secs: 0.25,
            },
            RolledBack {
                out: p(),
                number: 3,
                path: p(),
                made: Some("2026-11-27 10:42".into()),
                forward: false,
            },
            RolledBack {
                out: p(),
                number: 4,
                path: p(),
                made: None,
                forward: true,
            },
            PublishedOnSchedule {
                title: t(),
                slug: "tham-dinh".into(),
            },
            Renditions(12),
            SyncRunning("rsync".into()),
            SyncFinished,
            SyncFailed {
                code: Some(23),
                live: p(),
            },
            SyncFailed {
                code: None,
                live: p(),
            },
            NoHomeFolder,
            ReadStdin(e()),
            ReadBodyFile {
                path: p(),
                err: e(),
            },
            BodyNotUtf8 {
                path: p(),
                offset: 7,
            },
            UnknownSort("mới".into()),
            NotATime("thứ năm".into()),
            PurgeNeedsYes(t()),
            CreateFolder {
                path: p(),
                err: e(),
            },
            WriteFile {
                path: p(),
                err: e(),
            },
            NoSyncCommand,
            DemoFolder {
                path: p(),
                err: e(),
            },
            ReadFolder {
                path: p(),
                err: e(),
            },
            ReadFile {
                path: p(),
                err: e(),
            },
            FileNotUtf8 {
                path: p(),
                offset: 7,
            },
            PhotoUpdated(h()),
            PhotoRefused {
                path: p(),
                reason: e(),
            },
            PhotoCannotRead(e()),
            PhotoIsFolder,
            PhotoNotAFile,
            PhotoRejected(crate::media::Refusal::Svg),
            PhotoCannotStore { dir: p(), err: e() },
            PhotoAdded {
                fresh: true,
                item: item(),
                gallery: None,
            },
            PhotoAdded {
                fresh: false,
                item: item(),
                gallery: Some((2, t())),
            },
            LibraryEmpty,
            PhotoRow {
                item: item(),
                uses: 1234,
                when: "27/11/2026 08:00".into(),
            },
            PhotoHeading(item()),
            PhotoFile {
                path: p(),
                missing: true,
            },
            PhotoCaption("Vườn bưởi".into()),
            PhotoAlt(String::new()),
            PhotoCredit("Văn Hùng".into()),
            PhotoAddedBy {
                when: "27/11/2026 08:00".into(),
                by: "lan".into(),
            },
            PhotoUnused,
            PhotoUse(used(Role::Lead)),
            PhotoUse(used(Role::Gallery(3))),
            PhotoUse(used(Role::Inline)),
            PhotoFileNotRemoved {
                short: h(),
                err: e(),
            },
            PhotoRemoved {
                short: h(),
                name: "bưởi.jpg".into(),
            },
            PhotoDetachedFrom(vec![used(Role::Lead), used(Role::Gallery(2))]),
            PhotoStillInline(vec![used(Role::Inline)]),
            PhotoIsLead {
                short: h(),
                title: t(),
            },
            PhotoInGallery {
                short: h(),
                place: 2,
                title: t(),
            },
            PhotoNotOnArticle {
                title: t(),
                short: h(),
            },
            PhotoTakenOff {
                short: h(),
                title: t(),
            },
            BodyStillShowsPhoto,
            PhotosWithoutAlt {
                title: t(),
                photos: vec![(crate::media::Place::Lead, h())],
                slug: "tham-dinh".into(),
            },
            BrokenPhotoRef {
                title: t(),
                reference: h(),
                ambiguous: true,
            },
            BrokenPhotoRef {
                title: t(),
                reference: h(),
                ambiguous: false,
            },
            ChangedWhileExported {
                title: t(),
                slug: "tham-dinh".into(),
            },
            NotMarkedPublished {
                title: t(),
                slug: "tham-dinh".into(),
                err: e(),
            },
            SyncTimedOut {
                limit: "10m".into(),
                live: p(),
            },
            MarkdownRefused {
                path: p(),
                link_to: Some(p()),
            },
            MarkdownRefused {
                path: p(),
                link_to: None,
            },
        ]
    }

    #[test]
    fn every_vietnamese_line_is_nfc_and_translated() {
        for m in samples() {
            let vi = m.text(Lang::Vi);
            assert!(is_nfc(&vi), "{vi}");
            assert_ne!(vi, m.text(Lang::En), "{m:?} is not translated");
        }
    }

    #[test]
    fn numbers_follow_the_language() {
        let m = CliMsg::NothingChanged {
            live: "/srv".into(),
            unchanged: 1234,
            secs: 2.5,
        };
        assert_eq!(
            m.text(Lang::Vi),
            "không có gì thay đổi: /srv đã mới nhất (1.234 tệp giữ nguyên, 2,50 giây)"
        );
        assert_eq!(
            m.text(Lang::En),
            "nothing changed: /srv is up to date (1234 files unchanged, 2.50 s)"
        );
    }

    #[test]
    fn history_columns_line_up_in_both_languages() {
        let column =
            |line: String, heading: &str| line.find(heading).map(|at| line[..at].chars().count());
        assert_eq!(
            column(CliMsg::HistoryHeader.text(Lang::Vi), "TIÊU ĐỀ"),
            column(CliMsg::HistoryHeader.text(Lang::En), "TITLE")
        );
    }
}
