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

/// `26/11/2026 10:42` in Vietnamese, `26 November 2026, 10:42` in English.
pub fn display_date(t: DateTime<Utc>, tz: FixedOffset, lang: Language) -> String {
    let l = t.with_timezone(&tz);
    match lang {
        Language::Vi => l.format("%d/%m/%Y %H:%M").to_string(),
        Language::En => {
            use chrono::Datelike;
            let month = MONTHS.get(l.month0() as usize).copied().unwrap_or("");
            format!("{} {month} {}, {}", l.day(), l.year(), l.format("%H:%M"))
        }
    }
}

/// RFC 3339 in the site's zone, for `<time datetime>`, JSON-LD and Open Graph.
pub fn iso_date(t: DateTime<Utc>, tz: FixedOffset) -> String {
    t.with_timezone(&tz)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// RFC 2822 for RSS (`Thu, 26 Nov 2026 10:42:00 +0700`).
pub fn rss_date(t: DateTime<Utc>, tz: FixedOffset) -> String {
    t.with_timezone(&tz).to_rfc2822()
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
    }
}
