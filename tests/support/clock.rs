//! The newsroom's fixed day and zone, so that every time a test prints is the same.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};

/// The newsroom's zone: Vietnam, UTC+7.
pub fn vn() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap()
}

/// 26 November 2026, `h:m` UTC (the newsroom reads h+7).
pub fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, h, m, 0).unwrap()
}
