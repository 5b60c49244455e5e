//! The summary of a finished export, in each language: what was written, how the sync went.
//! Whether it reports a failure is decided once, in `super::export_failed`.

use crate::tui::action::ExportSummary;

pub fn en(s: &ExportSummary) -> String {
    let counts = format!(
        "{} written, {} unchanged, {} removed",
        s.written, s.unchanged, s.removed
    );
    let mut text = if s.written + s.removed > 0 {
        format!("Site exported in {:.1} s: {counts}", s.secs)
    } else {
        format!("Site up to date ({:.1} s): {counts}", s.secs)
    };
    if !s.published.is_empty() {
        text.push_str(&format!("; {} published on schedule", s.published.len()));
    }
    match &s.sync {
        None => text,
        Some(Err(e)) => format!("The sync could not run ({e}); the export is in place. {text}"),
        Some(Ok(sync)) if sync.code == Some(0) => format!(
            "{text}; synced in {:.1} s (exit code 0): {} (log {})",
            sync.secs,
            sync.last_line,
            sync.log.display()
        ),
        Some(Ok(sync)) => {
            let code = match (&sync.timed_out, sync.code) {
                (Some(limit), _) => format!("stopped after {limit}, the sync_timeout setting"),
                (None, None) => "ended by a signal".to_string(),
                (None, Some(c)) => format!("exit code {c}"),
            };
            format!(
                "Sync failed ({code}, log {}): {}. The export is in place. {text}",
                sync.log.display(),
                sync.last_line
            )
        }
    }
}

/// Seconds as Vietnamese writes them: `2,5`.
fn secs_vi(secs: f64) -> String {
    format!("{secs:.1}").replace('.', ",")
}

pub fn vi(s: &ExportSummary) -> String {
    let counts = format!(
        "{} tệp ghi mới, {} không đổi, {} đã xóa",
        s.written, s.unchanged, s.removed
    );
    let mut text = if s.written + s.removed > 0 {
        format!("Đã xuất trang trong {} giây: {counts}", secs_vi(s.secs))
    } else {
        format!("Trang đã mới nhất ({} giây): {counts}", secs_vi(s.secs))
    };
    if !s.published.is_empty() {
        text.push_str(&format!("; {} bài hẹn giờ đã được đăng", s.published.len()));
    }
    match &s.sync {
        None => text,
        Some(Err(e)) => {
            format!("Không chạy được lệnh đồng bộ ({e}); bản xuất đã được thay vào. {text}")
        }
        Some(Ok(sync)) if sync.code == Some(0) => format!(
            "{text}; đã đồng bộ trong {} giây (mã thoát 0): {} (nhật ký {})",
            secs_vi(sync.secs),
            sync.last_line,
            sync.log.display()
        ),
        Some(Ok(sync)) => {
            let code = match (&sync.timed_out, sync.code) {
                (Some(limit), _) => format!("bị dừng sau {limit}, theo thiết lập sync_timeout"),
                (None, None) => "bị tín hiệu dừng".to_string(),
                (None, Some(c)) => format!("mã thoát {c}"),
            };
            format!(
                "Đồng bộ thất bại ({code}, nhật ký {}): {}. Bản xuất đã được thay vào. {text}",
                sync.log.display(),
                sync.last_line
            )
        }
    }
}
