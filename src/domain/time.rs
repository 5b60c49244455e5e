//! Reading times the way editors and static-site generators write them.

use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

use super::error::DomainError;

/// The years a time may fall in, as written and in UTC: pages and feeds (RFC 2822, RFC 3339)
/// write four-digit years, and a first millennium date is a typing slip, not news.
pub const YEARS: RangeInclusive<i32> = 1000..=9999;

/// Parses a time as `parse_time` does, and refuses one outside `YEARS`: `Ok(None)` when the
/// text is not a time at all (each door words that itself), `Err` when it is one that no page
/// can show. Every door that takes a time (import, `--at`, the editor's Publish field) comes
/// through here.
pub fn read_time(input: &str, tz: FixedOffset) -> Result<Option<DateTime<Utc>>, DomainError> {
    let Some((written, t)) = parse_any(input, tz) else {
        return Ok(None);
    };
    if YEARS.contains(&written)
        && YEARS.contains(&t.year())
        && YEARS.contains(&t.with_timezone(&tz).year())
    {
        Ok(Some(t))
    } else {
        Err(DomainError::TimeOutOfRange(input.trim().to_string()))
    }
}

/// Parses RFC 3339, `2026-11-26 10:42[:00][ +07:00]`, `2026-11-26`, or `26/11/2026 10:42`.
/// A time without an offset is read in `tz` (the newsroom's zone). `None` for anything else,
/// including a time outside `YEARS` (`read_time` says which).
pub fn parse_time(input: &str, tz: FixedOffset) -> Option<DateTime<Utc>> {
    read_time(input, tz).ok().flatten()
}

/// The year as written and the instant, for any time chrono can read.
fn parse_any(input: &str, tz: FixedOffset) -> Option<(i32, DateTime<Utc>)> {
    let s = input.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some((t.year(), t.with_timezone(&Utc)));
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M %z",
        "%Y-%m-%dT%H:%M:%S%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, fmt) {
            return Some((t.year(), t.with_timezone(&Utc)));
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
        .map(|t| (naive.year(), t.with_timezone(&Utc)))
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
    fn years_outside_1000_to_9999_are_refused_with_their_reason() {
        for s in [
            "-0001-01-01",
            "+10000-01-01",
            "0999-12-31",
            "0001-01-01T00:00:00Z",
            "-9999-12-31",
            "31/12/0999 10:00",
            // 9999 as written, 10000 in UTC.
            "9999-12-31T23:00:00-05:00",
        ] {
            assert_eq!(parse_time(s, vn()), None, "{s}");
            let err = read_time(s, vn())
                .err()
                .unwrap_or_else(|| panic!("{s} was read"));
            assert!(err.to_string().contains("1000–9999"), "{s}: {err}");
        }
        for s in [
            "1000-06-01",
            "9999-06-01T10:00:00+07:00",
            "2026-11-26 10:42",
        ] {
            assert!(matches!(read_time(s, vn()), Ok(Some(_))), "{s}");
        }
        assert_eq!(read_time("tomorrow", vn()), Ok(None));
        // Past what chrono can hold in this zone: not a time at all, refused as such.
        assert_eq!(read_time("-262143-01-01", vn()), Ok(None));
        assert_eq!(read_time("2026-01-01T00:00:00+99:00", vn()), Ok(None));
    }

    #[test]
    fn round_trip() {
        let t = Utc.with_ymd_and_hms(2026, 11, 26, 3, 42, 5).unwrap();
        assert_eq!(format_time(t, vn()), "2026-11-26T10:42:05+07:00");
        assert_eq!(parse_time(&format_time(t, vn()), vn()), Some(t));
    }
}
