//! `export`: the site built, rolled back or published on schedule, and the sync command
//! after it.

use super::{count, secs};
use crate::i18n::Lang::{self, En, Vi};

counted_enum! {
    #[derive(Debug, Clone, PartialEq)]
    pub enum ExportMsg {
        Exported {
            files: u64, live: String, build: String,
            written: u64, unchanged: u64, removed: u64, secs: f64,
        },
        NothingChanged { live: String, unchanged: u64, secs: f64 },
        /// `--rollback`: build `number` (folder `path`, made at `made`) is now live;
        /// `forward` when it is newer than the one it replaced (a second rollback undoing
        /// the first).
        RolledBack { out: String, number: u64, path: String, made: Option<String>, forward: bool },
        PublishedOnSchedule { title: String, slug: String },
        /// A due article the new site shows, changed in the store while the site was built.
        ChangedWhileExported { title: String, slug: String },
        /// A due article the new site shows that the store could not mark published.
        NotMarkedPublished { title: String, slug: String, err: String },
        Renditions(u64),
        NoSyncCommand,
        SyncRunning(String),
        SyncFinished,
        /// `None`: ended by a signal.
        SyncFailed { code: Option<i32>, live: String },
        /// The sync command ran past `sync_timeout` (`limit`, as the setting writes it).
        SyncTimedOut { limit: String, live: String },
    }
}

impl ExportMsg {
    pub fn text(&self, lang: Lang) -> String {
        use ExportMsg::*;
        let n = |x: u64| count(lang, x);
        let s = |x: f64| secs(lang, x);
        match self {
            Exported { files, live, build, written, unchanged, removed, secs } => {
                let (files, written) = (n(*files), n(*written));
                let (unchanged, removed, secs) = (n(*unchanged), n(*removed), s(*secs));
                match lang {
                    En => format!(
                        "exported {files} files to {live} ({build}): {written} written, {unchanged} unchanged, {removed} removed in {secs} s"
                    ),
                    Vi => format!(
                        "đã xuất {files} tệp vào {live} ({build}): {written} ghi mới, {unchanged} giữ nguyên, {removed} xóa, trong {secs} giây"
                    ),
                }
            }
            NothingChanged { live, unchanged, secs } => {
                let (unchanged, secs) = (n(*unchanged), s(*secs));
                match lang {
                    En => format!(
                        "nothing changed: {live} is up to date ({unchanged} files unchanged, {secs} s)"
                    ),
                    Vi => format!(
                        "không có gì thay đổi: {live} đã mới nhất ({unchanged} tệp giữ nguyên, {secs} giây)"
                    ),
                }
            }
            RolledBack { out, number, path, made, forward } => match lang {
                En => format!(
                    "{out} switched {} build {number} ({path}{}){}",
                    if *forward { "forward to the newer" } else { "back to the earlier" },
                    made.as_ref().map(|m| format!(", made {m}")).unwrap_or_default(),
                    if *forward { "" } else { "; run `newsdesk export --rollback` again to switch forward" }
                ),
                Vi => format!(
                    "{out} đã {} số {number} ({path}{}){}",
                    if *forward { "chuyển tiếp tới bản dựng mới hơn" } else { "quay lại bản dựng trước đó" },
                    made.as_ref().map(|m| format!(", dựng lúc {m}")).unwrap_or_default(),
                    if *forward { "" } else { "; chạy lại `newsdesk export --rollback` để chuyển tiếp trở lại" }
                ),
            },
            PublishedOnSchedule { title, slug } => match lang {
                En => format!("published on schedule: “{title}” ({slug})"),
                Vi => format!("đã đăng theo lịch: “{title}” ({slug})"),
            },
            ChangedWhileExported { title, slug } => match lang {
                En => format!(
                    "warning: “{title}” ({slug}) was changed while the site was exported: the new site shows it published, as it was due, but it was not marked published; the next export follows what it is now"
                ),
                Vi => format!(
                    "cảnh báo: “{title}” ({slug}) bị sửa trong lúc xuất trang: trang mới hiển thị bài là đã đăng vì đã đến giờ, nhưng bài chưa được chuyển sang đã đăng; lần xuất sau sẽ theo trạng thái hiện tại của bài"
                ),
            },
            NotMarkedPublished { title, slug, err } => match lang {
                En => format!(
                    "warning: “{title}” ({slug}) is on the live site but could not be marked published ({err}); the next export marks it"
                ),
                Vi => format!(
                    "cảnh báo: “{title}” ({slug}) đã lên trang nhưng không chuyển được sang đã đăng ({err}); lần xuất sau sẽ chuyển"
                ),
            },
            Renditions(done) => match lang {
                En => format!("photos: {} renditions made", n(*done)),
                Vi => format!("ảnh: đã tạo {} bản ảnh", n(*done)),
            },
            NoSyncCommand => match lang {
                En => "no sync command: set one with `newsdesk site set sync_command 'rsync -a --delete {out}/ www@host:/var/www/site/'`".into(),
                Vi => "chưa có lệnh đồng bộ: hãy đặt một lệnh bằng `newsdesk site set sync_command 'rsync -a --delete {out}/ www@host:/var/www/site/'`".into(),
            },
            SyncRunning(cmd) => match lang {
                En => format!("sync: {cmd}"),
                Vi => format!("đồng bộ: {cmd}"),
            },
            SyncFinished => match lang {
                En => "sync finished (exit code 0)".into(),
                Vi => "đồng bộ xong (mã thoát 0)".into(),
            },
            SyncFailed { code, live } => match lang {
                En => format!(
                    "newsdesk: the sync command failed ({}); the export is in place at {live}: fix the command (`newsdesk site get sync_command`) and run `newsdesk export --sync` again",
                    code.map_or("ended by a signal".to_string(), |c| format!("exit code {c}"))
                ),
                Vi => format!(
                    "newsdesk: lệnh đồng bộ bị lỗi ({}); bản xuất vẫn ở {live}: hãy sửa lệnh (`newsdesk site get sync_command`) rồi chạy lại `newsdesk export --sync`",
                    code.map_or("bị một tín hiệu dừng".to_string(), |c| format!("mã thoát {c}"))
                ),
            },
            SyncTimedOut { limit, live } => match lang {
                En => format!(
                    "newsdesk: the sync command did not finish within {limit} (the sync_timeout setting) and was stopped; the export is in place at {live}: fix the command or raise the limit (`newsdesk site set sync_timeout 30m`) and run `newsdesk export --sync` again"
                ),
                Vi => format!(
                    "newsdesk: lệnh đồng bộ không xong trong {limit} (thiết lập sync_timeout) nên đã bị dừng; bản xuất vẫn ở {live}: hãy sửa lệnh hoặc nới giới hạn (`newsdesk site set sync_timeout 30m`) rồi chạy lại `newsdesk export --sync`"
                ),
            },
        }
    }
}

/// One value of every message, with Vietnamese text and large numbers inside.
#[cfg(test)]
pub(super) fn samples() -> Vec<ExportMsg> {
    use super::sample::{err, path, title};
    use ExportMsg::*;
    vec![
        Exported {
            files: 1234,
            live: path(),
            build: path(),
            written: 10,
            unchanged: 1224,
            removed: 0,
            secs: 2.5,
        },
        NothingChanged {
            live: path(),
            unchanged: 1234,
            secs: 0.25,
        },
        RolledBack {
            out: path(),
            number: 3,
            path: path(),
            made: Some("2026-11-27 10:42".into()),
            forward: false,
        },
        RolledBack {
            out: path(),
            number: 4,
            path: path(),
            made: None,
            forward: true,
        },
        PublishedOnSchedule {
            title: title(),
            slug: "tham-dinh".into(),
        },
        ChangedWhileExported {
            title: title(),
            slug: "tham-dinh".into(),
        },
        NotMarkedPublished {
            title: title(),
            slug: "tham-dinh".into(),
            err: err(),
        },
        Renditions(12),
        NoSyncCommand,
        SyncRunning("rsync".into()),
        SyncFinished,
        SyncFailed {
            code: Some(23),
            live: path(),
        },
        SyncFailed {
            code: None,
            live: path(),
        },
        SyncTimedOut {
            limit: "10m".into(),
            live: path(),
        },
    ]
}
