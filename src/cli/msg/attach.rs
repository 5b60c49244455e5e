//! Photos on an article: `media attach/detach`, and the warnings after publishing or
//! scheduling an article whose photos lack alt text or whose body names a missing one.

use super::count;
use crate::i18n::Lang::{self, En, Vi};
use crate::media::Place;
use crate::words::photo_places;

counted_enum! {
    #[derive(Debug, Clone, PartialEq)]
    pub enum AttachMsg {
        IsLead { short: String, title: String },
        InGallery { short: String, place: usize, title: String },
        NotOnArticle { title: String, short: String },
        TakenOff { short: String, title: String },
        BodyStillShowsPhoto,
        /// Published or scheduled with photos that have no alt text: `HASH (place)` each.
        PhotosWithoutAlt {
            title: String,
            /// Where each stands, and its short hash.
            photos: Vec<(Place, String)>,
            slug: String,
        },
        BrokenPhotoRef {
            title: String,
            reference: String,
            /// It starts the hash of several photos (else it names none).
            ambiguous: bool,
        },
    }
}

impl AttachMsg {
    pub fn text(&self, lang: Lang) -> String {
        use AttachMsg::*;
        match self {
            IsLead { short, title } => match lang {
                En => format!("{short} is the lead photo of “{title}”"),
                Vi => format!("{short} giờ là ảnh đại diện của “{title}”"),
            },
            InGallery { short, place, title } => match lang {
                En => format!("{short} is gallery photo {place} of “{title}”"),
                Vi => format!("{short} giờ là ảnh thứ {place} trong bộ ảnh của “{title}”"),
            },
            NotOnArticle { title, short } => match lang {
                En => format!("“{title}” has no photo {short} as its lead photo or in its gallery"),
                Vi => format!("“{title}” không có ảnh {short} làm ảnh đại diện hay trong bộ ảnh"),
            },
            TakenOff { short, title } => match lang {
                En => format!("{short} taken off “{title}”"),
                Vi => format!("đã gỡ {short} khỏi “{title}”"),
            },
            BodyStillShowsPhoto => match lang {
                En => "its body still shows it (![…](media:…)): edit the body to take it out there too".into(),
                Vi => "nội dung bài vẫn chèn ảnh này (![…](media:…)): hãy sửa nội dung để bỏ cả ở đó".into(),
            },
            PhotosWithoutAlt { title, photos, slug } => {
                let places = photo_places(photos, lang);
                match lang {
                    En => format!(
                        "warning: “{title}” has {} photo{} without alt text, which readers of screen readers miss: {places}; add it with `newsdesk media attach HASH {slug} --alt \"…\"` or `newsdesk media set HASH --alt \"…\"`",
                        photos.len(),
                        if photos.len() == 1 { "" } else { "s" },
                    ),
                    Vi => format!(
                        "cảnh báo: “{title}” có {} ảnh chưa có mô tả ảnh (alt), người dùng trình đọc màn hình sẽ không biết ảnh nói gì: {places}; thêm bằng `newsdesk media attach HASH {slug} --alt \"…\"` hoặc `newsdesk media set HASH --alt \"…\"`",
                        count(lang, photos.len() as u64),
                    ),
                }
            }
            BrokenPhotoRef { title, reference, ambiguous } => match lang {
                En => format!(
                    "warning: “{title}” shows media:{reference} in its body, which {}: the site export will refuse this article until the body is fixed",
                    if *ambiguous {
                        "starts the hash of several photos"
                    } else {
                        "is not in the photo library"
                    }
                ),
                Vi => format!(
                    "cảnh báo: nội dung “{title}” chèn media:{reference}, {}: bản xuất trang sẽ từ chối bài này cho tới khi nội dung được sửa",
                    if *ambiguous {
                        "mã này là phần đầu mã băm của nhiều ảnh"
                    } else {
                        "mã này không có trong thư viện ảnh"
                    }
                ),
            },
        }
    }
}

/// One value of every message, with Vietnamese text inside.
#[cfg(test)]
pub(super) fn samples() -> Vec<AttachMsg> {
    use super::sample::{hash, title};
    use AttachMsg::*;
    vec![
        IsLead {
            short: hash(),
            title: title(),
        },
        InGallery {
            short: hash(),
            place: 2,
            title: title(),
        },
        NotOnArticle {
            title: title(),
            short: hash(),
        },
        TakenOff {
            short: hash(),
            title: title(),
        },
        BodyStillShowsPhoto,
        PhotosWithoutAlt {
            title: title(),
            photos: vec![(Place::Lead, hash())],
            slug: "tham-dinh".into(),
        },
        BrokenPhotoRef {
            title: title(),
            reference: hash(),
            ambiguous: true,
        },
        BrokenPhotoRef {
            title: title(),
            reference: hash(),
            ambiguous: false,
        },
    ]
}
