//! Reading times the way editors and static-site generators write them.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// Parses RFC 3339, `2026-11-26 10:42[:00][ +07:00]`, `2026-11-26`, or `26/11/2026 10:42`.
/// A time without an offset is read in `tz` (the newsroom's zone).
pub fn parse_time(input: &str, tz: FixedOffset) -> Option<DateTime<Utc>> {
    let s = input.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M %z",
        "%Y-%m-%dT%H:%M:%S%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, fmt) {
            return Some(t.with_timezone(&Utc));
        }
    }
    let naive_formats = [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%d/%m/%Y %H:%M",
        "%d/%m/%Y %H:%M:%S",
    ];
    let naive = naive_formats
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            ["%Y-%m-%d", "%d/%m/%Y"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
                .map(|d| d.and_time(NaiveTime::MIN))
        })?;
    tz.from_local_datetime(&naive)
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// RFC 3339 in the newsroom's zone, to the second: what export-md and `--json` print.
pub fn format_time(t: DateTime<Utc>, tz: FixedOffset) -> String {
    t.with_timezone(&tz)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vn() -> FixedOffset {
        FixedOffset::east_opt(7 * 3600).unwrap()
    }

    #[test]
    fn formats_editors_write() {
        let want = Utc.with_ymd_and_hms(2026, 11, 26, 3, 42, 0).unwrap();
        for s in [
            "2026-11-26T10:42:00+07:00",
            "2026-11-26T03:42:00Z",
            "2026-11-26 10:42",
            "2026-11-26 10:42:00",
            "2026-11-26T10:42",
            "2026-11-26 10:42:00 +0700",
            "26/11/2026 10:42",
        ] {
            assert_eq!(parse_time(s, vn()), Some(want), "{s}");
        }
        assert_eq!(
            parse_time("2026-11-26", vn()),
            Some(Utc.with_ymd_and_hms(2026, 11, 25, 17, 0, 0).unwrap())
        );
        for bad in ["", "tomorrow", "2026-13-01", "32/01/2026 10:00"] {
            assert_eq!(parse_time(bad, vn()), None, "{bad}");
        }
    }

    #[test]
    fn round_trip() {
        let t = Utc.with_ymd_and_hms(2026, 11, 26, 3, 42, 5).unwrap();
        assert_eq!(format_time(t, vn()), "2026-11-26T10:42:05+07:00");
        assert_eq!(parse_time(&format_time(t, vn()), vn()), Some(t));
    }
}
