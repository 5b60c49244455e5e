//! Page chrome in the site's language, and dates as readers expect them.

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::settings::Language;

/// Every fixed word a page shows. Templates read them as `t.home`, `t.related`…
#[derive(Debug, Clone, Serialize)]
pub struct Chrome {
    pub home: &'static str,
    pub sections: &'static str,
    pub section: &'static str,
    pub tag: &'static str,
    pub tags: &'static str,
    pub related: &'static str,
    pub published: &'static str,
    /// Before the time of the last change to a published article.
    pub updated: &'static str,
    pub latest: &'static str,
    pub page: &'static str,
    pub newer: &'static str,
    pub older: &'static str,
    pub pagination: &'static str,
    pub breadcrumb: &'static str,
    pub not_found: &'static str,
    pub not_found_text: &'static str,
    pub by: &'static str,
    pub feed: &'static str,
    pub agency: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub fax: &'static str,
    pub email: &'static str,
    pub responsible: &'static str,
    pub no_section: &'static str,
    pub locale: &'static str,
    /// Before a photo's credit: “Ảnh: Văn Hùng”.
    pub photo: &'static str,
    /// Names the gallery for screen readers.
    pub photos: &'static str,
}

pub fn chrome(lang: Language) -> Chrome {
    match lang {
        Language::Vi => Chrome {
            home: "Trang chủ",
            sections: "Chuyên mục",
            section: "Chuyên mục",
            tag: "Từ khóa",
            tags: "Từ khóa",
            related: "Tin liên quan",
            published: "Ngày đăng",
            updated: "Cập nhật lúc",
            latest: "Tin mới nhất",
            page: "Trang",
            newer: "Trang trước",
            older: "Trang sau",
            pagination: "Phân trang",
            breadcrumb: "Đường dẫn",
            not_found: "Không tìm thấy trang",
            not_found_text: "Trang bạn tìm không tồn tại hoặc đã được gỡ xuống.",
            by: "Tác giả",
            feed: "Tin RSS",
            agency: "Cơ quan chủ quản",
            address: "Địa chỉ",
            phone: "Điện thoại",
            fax: "Fax",
            email: "Email",
            responsible: "Chịu trách nhiệm nội dung",
            no_section: "Tin tức",
            locale: "vi_VN",
            photo: "Ảnh",
            photos: "Ảnh tin bài",
        },
        Language::En => Chrome {
            home: "Home",
            sections: "Sections",
            section: "Section",
            tag: "Tag",
            tags: "Tags",
            related: "Related articles",
            published: "Published",
            updated: "Updated",
            latest: "Latest news",
            page: "Page",
            newer: "Newer",
            older: "Older",
            pagination: "Pages",
            breadcrumb: "Breadcrumb",
            not_found: "Page not found",
            not_found_text: "The page you are looking for does not exist or has been removed.",
            by: "By",
            feed: "RSS feed",
            agency: "Governing agency",
            address: "Address",
            phone: "Phone",
            fax: "Fax",
            email: "Email",
            responsible: "Responsible for content",
            no_section: "News",
            locale: "en_US",
            photo: "Photo",
            photos: "Photos",
        },
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS_VI: [&str; 7] = [
    "Thứ hai",
    "Thứ ba",
    "Thứ tư",
    "Thứ năm",
    "Thứ sáu",
    "Thứ bảy",
    "Chủ nhật",
];

const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The years a page can show: RSS dates need four digits, and every format agrees on these.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// The year `t` falls in, in the zone `tz`.
pub fn local_year(t: DateTime<Utc>, tz: FixedOffset) -> i32 {
    use chrono::Datelike;
    t.with_timezone(&tz).year()
}

/// `t` in the zone `tz`, moved into `YEARS` when it lies outside. The export refuses such
/// dates before it renders anything (`guard::check_dates`); the move only keeps every
/// formatter below total (chrono panics on some dates outside them).
fn local(t: DateTime<Utc>, tz: FixedOffset) -> DateTime<FixedOffset> {
    use chrono::{Datelike, TimeZone};
    let l = t.with_timezone(&tz);
    if YEARS.contains(&l.year()) {
        return l;
    }
    let first = tz.with_ymd_and_hms(*YEARS.start(), 1, 1, 0, 0, 0).single();
    let last = tz
        .with_ymd_and_hms(*YEARS.end(), 12, 31, 23, 59, 59)
        .single();
    let l = t.with_timezone(&tz);
    match (first, last) {
        (Some(first), Some(last)) => l.clamp(first, last),
        _ => l,
    }
}

/// The date an article page shows, with its weekday: `Thứ năm, 26/11/2026 10:42` in
/// Vietnamese, `Thursday, 26 November 2026 10:42` in English.
pub fn long_date(t: DateTime<Utc>, tz: FixedOffset, lang: Language) -> String {
    use chrono::Datelike;
    let l = local(t, tz);
    let day = l.weekday().num_days_from_monday() as usize;
    match lang {
        Language::Vi => {
            let weekday = WEEKDAYS_VI.get(day).copied().unwrap_or("");
            format!("{weekday}, {}", l.format("%d/%m/%Y %H:%M"))
        }
        Language::En => {
            let weekday = WEEKDAYS_EN.get(day).copied().unwrap_or("");
            let month = MONTHS.get(l.month0() as usize).copied().unwrap_or("");
            format!(
                "{weekday}, {} {month} {} {}",
                l.day(),
                l.year(),
                l.format("%H:%M")
            )
        }
    }
}

/// `26/11/2026 10:42` in Vietnamese, `26 November 2026, 10:42` in English.
pub fn display_date(t: DateTime<Utc>, tz: FixedOffset, lang: Language) -> String {
    let l = local(t, tz);
    match lang {
        Language::Vi => l.format("%d/%m/%Y %H:%M").to_string(),
        Language::En => {
            use chrono::Datelike;
            let month = MONTHS.get(l.month0() as usize).copied().unwrap_or("");
            format!("{} {month} {}, {}", l.day(), l.year(), l.format("%H:%M"))
        }
    }
}

/// A whole number with thousands grouped: `1.234.567` in Vietnamese, `1,234,567` in English.
pub fn format_int(n: u64, lang: Language) -> String {
    let sep = match lang {
        Language::Vi => '.',
        Language::En => ',',
    };
    group(&n.to_string(), sep)
}

/// A number with `places` decimals: `2,5` / `1.234,56` in Vietnamese, `2.5` / `1,234.56` in
/// English. Negative numbers and non-finite values are written as Rust writes them, grouped.
pub fn format_decimal(x: f64, places: usize, lang: Language) -> String {
    let (thousands, decimal) = match lang {
        Language::Vi => ('.', ','),
        Language::En => (',', '.'),
    };
    let plain = format!("{x:.places$}");
    let (sign, plain) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    match plain.split_once('.') {
        Some((whole, frac)) => format!("{sign}{}{decimal}{frac}", group(whole, thousands)),
        None => format!("{sign}{}", group(plain, thousands)),
    }
}

fn group(digits: &str, sep: char) -> String {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// RFC 3339 in the site's zone, for `<time datetime>`, JSON-LD and Open Graph.
pub fn iso_date(t: DateTime<Utc>, tz: FixedOffset) -> String {
    local(t, tz).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// RFC 2822 for RSS (`Thu, 26 Nov 2026 10:42:00 +0700`).
pub fn rss_date(t: DateTime<Utc>, tz: FixedOffset) -> String {
    local(t, tz).to_rfc2822()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates() {
        let t = Utc.with_ymd_and_hms(2026, 11, 26, 3, 42, 0).unwrap();
        let tz = FixedOffset::east_opt(7 * 3600).unwrap();
        assert_eq!(display_date(t, tz, Language::Vi), "26/11/2026 10:42");
        assert_eq!(display_date(t, tz, Language::En), "26 November 2026, 10:42");
        assert_eq!(iso_date(t, tz), "2026-11-26T10:42:00+07:00");
        assert_eq!(rss_date(t, tz), "Thu, 26 Nov 2026 10:42:00 +0700");
        assert_eq!(long_date(t, tz, Language::Vi), "Thứ năm, 26/11/2026 10:42");
        assert_eq!(
            long_date(t, tz, Language::En),
            "Thursday, 26 November 2026 10:42"
        );
    }

    #[test]
    fn dates_no_page_can_show_never_panic() {
        let tz = FixedOffset::east_opt(14 * 3600).unwrap();
        let west = FixedOffset::west_opt(12 * 3600).unwrap();
        let ends = [
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            Utc.with_ymd_and_hms(-1, 1, 1, 0, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(9999, 12, 31, 23, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(1000, 1, 1, 0, 0, 0).unwrap(),
        ];
        for t in ends {
            for z in [tz, west] {
                let all = [
                    long_date(t, z, Language::En),
                    display_date(t, z, Language::Vi),
                    iso_date(t, z),
                    rss_date(t, z),
                ];
                assert!(all.iter().all(|s| !s.is_empty()), "{t}: {all:?}");
            }
        }
        assert_eq!(local_year(ends[3], tz), 10000);
        assert_eq!(local_year(ends[4], west), 999);
        assert_eq!(local_year(ends[1], tz), 262143);
    }

    #[test]
    fn every_weekday_in_vietnamese() {
        let tz = FixedOffset::east_opt(7 * 3600).unwrap();
        // 23/11/2026 is a Monday; 17:30 UTC on the 29th is already Monday the 30th in Hà Nội.
        let days: Vec<String> = (23..=29)
            .map(|d| {
                let t = Utc.with_ymd_and_hms(2026, 11, d, 1, 0, 0).unwrap();
                long_date(t, tz, Language::Vi)
            })
            .collect();
        assert_eq!(
            days,
            [
                "Thứ hai, 23/11/2026 08:00",
                "Thứ ba, 24/11/2026 08:00",
                "Thứ tư, 25/11/2026 08:00",
                "Thứ năm, 26/11/2026 08:00",
                "Thứ sáu, 27/11/2026 08:00",
                "Thứ bảy, 28/11/2026 08:00",
                "Chủ nhật, 29/11/2026 08:00",
            ]
        );
        let late = Utc.with_ymd_and_hms(2026, 11, 29, 17, 30, 0).unwrap();
        assert_eq!(
            long_date(late, tz, Language::Vi),
            "Thứ hai, 30/11/2026 00:30"
        );
        assert!(days.iter().all(|d| unicode_normalization::is_nfc(d)));
        let chrome = chrome(Language::Vi);
        let words = [
            chrome.home,
            chrome.sections,
            chrome.related,
            chrome.published,
            chrome.updated,
        ];
        assert_eq!(
            words,
            [
                "Trang chủ",
                "Chuyên mục",
                "Tin liên quan",
                "Ngày đăng",
                "Cập nhật lúc"
            ]
        );
        assert!(words.iter().all(|w| unicode_normalization::is_nfc(w)));
    }

    #[test]
    fn numbers() {
        use Language::{En, Vi};
        assert_eq!(format_int(0, Vi), "0");
        assert_eq!(format_int(999, Vi), "999");
        assert_eq!(format_int(1234, Vi), "1.234");
        assert_eq!(format_int(1234, En), "1,234");
        assert_eq!(format_int(1_234_567, Vi), "1.234.567");
        assert_eq!(format_int(100_000, En), "100,000");
        assert_eq!(format_decimal(2.5, 1, Vi), "2,5");
        assert_eq!(format_decimal(2.5, 1, En), "2.5");
        assert_eq!(format_decimal(1234.567, 2, Vi), "1.234,57");
        assert_eq!(format_decimal(1234.567, 2, En), "1,234.57");
        assert_eq!(format_decimal(-1234.5, 1, Vi), "-1.234,5");
        assert_eq!(format_decimal(7.0, 0, Vi), "7");
        assert_eq!(format_decimal(f64::NAN, 1, Vi), "NaN");
    }
}
