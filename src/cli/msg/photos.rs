//! The photo library, `media add/list/show/set/remove`: what it holds, what it took and
//! what it refused.

use super::count;
use crate::i18n::Lang::{self, En, Vi};
use crate::media::{Refusal, megabytes};
use crate::store::{MediaItem, MediaUse, describe_uses};
use crate::words::{describe_refusal, megabytes_vi, role_vi, status_name, uses_vi};

counted_enum! {
    #[derive(Debug, Clone, PartialEq)]
    pub enum PhotoMsg {
        Added {
            fresh: bool,
            item: Box<MediaItem>,
            /// Its place in the gallery of the article named with --article, and that title.
            gallery: Option<(usize, String)>,
        },
        /// A file `media add` did not take; `reason` is already worded in the language.
        Refused { path: String, reason: String },
        CannotRead(String),
        IsFolder,
        NotAFile,
        /// The media library's own reason (`describe_refusal`).
        Rejected(Refusal),
        CannotStore { dir: String, err: String },
        Updated(String),
        LibraryEmpty,
        Row { item: Box<MediaItem>, uses: usize, when: String },
        // `media show`: a heading, then one line per field.
        Heading(Box<MediaItem>),
        File { path: String, missing: bool },
        Caption(String),
        Alt(String),
        Credit(String),
        AddedBy { when: String, by: String },
        Unused,
        Use(MediaUse),
        Removed { short: String, name: String },
        FileNotRemoved { short: String, err: String },
        DetachedFrom(Vec<MediaUse>),
        StillInline(Vec<MediaUse>),
    }
}

impl PhotoMsg {
    pub fn text(&self, lang: Lang) -> String {
        use PhotoMsg::*;
        match self {
            Added { fresh, item, gallery } => {
                let (short, name, facts) = (item.short(), &item.name, facts(item, lang));
                let gallery = gallery.as_ref().map(|(place, title)| match lang {
                    En => format!(", gallery photo {place} of “{title}”"),
                    Vi => format!(", là ảnh thứ {place} trong bộ ảnh của “{title}”"),
                });
                let done = match (lang, fresh) {
                    (En, true) => "added",
                    (En, false) => "already in the library:",
                    (Vi, true) => "đã thêm",
                    (Vi, false) => "đã có trong thư viện ảnh:",
                };
                format!("{done} {short}  {name}  ({facts}){}", gallery.unwrap_or_default())
            }
            Refused { path, reason } => match lang {
                En => format!("newsdesk: {path}: refused: {reason}"),
                Vi => format!("newsdesk: {path}: bị từ chối: {reason}"),
            },
            CannotRead(err) => match lang {
                En => format!("cannot read it: {err}"),
                Vi => format!("không đọc được tệp: {err}"),
            },
            IsFolder => match lang {
                En => "it is a folder: name the photo files in it".into(),
                Vi => "đây là một thư mục: hãy nêu tên từng tệp ảnh trong đó".into(),
            },
            NotAFile => match lang {
                En => "it is not a file (a device, a pipe or a socket): name a photo file".into(),
                Vi => "đây không phải là một tệp (mà là thiết bị, đường ống hoặc socket): hãy nêu tên một tệp ảnh".into(),
            },
            Rejected(refusal) => match lang {
                En => refusal.to_string(),
                Vi => describe_refusal(refusal, Lang::Vi),
            },
            CannotStore { dir, err } => match lang {
                En => format!("cannot store it in {dir}: {err}"),
                Vi => format!("không lưu được ảnh vào thư viện ảnh ({dir}): {err}"),
            },
            Updated(short) => match lang {
                En => format!("{short} updated"),
                Vi => format!("đã cập nhật ảnh {short}"),
            },
            LibraryEmpty => match lang {
                En => "The photo library is empty. Add photos with `newsdesk media add FILE...`.".into(),
                Vi => "Thư viện ảnh đang trống. Thêm ảnh bằng `newsdesk media add TỆP...`.".into(),
            },
            Row { item, uses, when } => {
                let (short, facts) = (item.short(), facts(item, lang));
                let (name, caption) = (&item.name, quoted_caption(&item.caption));
                match lang {
                    En => format!("{short}  {facts:<28} {uses:>4} uses  {when}  {name}{caption}"),
                    Vi => format!(
                        "{short}  {facts:<28} {:>4} lượt dùng  {when}  {name}{caption}",
                        count(lang, *uses as u64)
                    ),
                }
            }
            // Only the size is written the language's way.
            Heading(item) => format!("{}  ({})", item.name, facts(item, lang)),
            File { path, missing } => match lang {
                En => format!("file:    {path}{}", if *missing { "  (MISSING)" } else { "" }),
                Vi => format!(
                    "{}{}",
                    field_vi("tệp", path),
                    if *missing { "  (KHÔNG THẤY TỆP)" } else { "" }
                ),
            },
            Caption(v) => match lang {
                En => field_en("caption", v),
                Vi => field_vi("chú thích", v),
            },
            Alt(v) => match lang {
                En => field_en("alt", v),
                Vi => field_vi("mô tả ảnh (alt)", v),
            },
            Credit(v) => match lang {
                En => field_en("credit", v),
                Vi => field_vi("nguồn ảnh", v),
            },
            AddedBy { when, by } => match lang {
                En => format!("added:   {when} by {by}"),
                Vi => field_vi("thêm lúc", &format!("{when}, bởi {by}")),
            },
            Unused => match lang {
                En => "used by: no article".into(),
                Vi => field_vi("dùng ở", "chưa bài nào dùng"),
            },
            Use(u) => match lang {
                En => format!(
                    "used by: “{}” ({}, {}) as {}",
                    u.title, u.slug, u.status, u.role
                ),
                Vi => field_vi(
                    "dùng ở",
                    &format!(
                        "“{}” ({}, {}) {}",
                        u.title,
                        u.slug,
                        status_name(u.status, Lang::Vi),
                        role_vi(u.role)
                    ),
                ),
            },
            Removed { short, name } => match lang {
                En => format!("removed {short}  {name}"),
                Vi => format!("đã xóa {short}  {name}"),
            },
            FileNotRemoved { short, err } => match lang {
                En => format!("{short} was removed from the library but its file was not: {err}"),
                Vi => format!(
                    "đã xóa ảnh {short} khỏi thư viện ảnh nhưng chưa xóa được tệp của nó: {err}"
                ),
            },
            DetachedFrom(uses) => match lang {
                En => format!("detached from {}", describe_uses(uses)),
                Vi => format!("đã gỡ khỏi {}", uses_vi(uses)),
            },
            StillInline(uses) => match lang {
                En => format!(
                    "warning: still named in the body of {}: remove those references, or the site export will refuse those articles",
                    describe_uses(uses)
                ),
                Vi => format!(
                    "cảnh báo: nội dung của {} vẫn chèn ảnh này: hãy xóa các chỗ chèn đó, nếu không bản xuất trang sẽ từ chối những bài này",
                    uses.iter()
                        .map(|u| format!("“{}” ({})", u.title, u.slug))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
        }
    }
}

/// What a library photo is: `JPEG, 4000×3000, 5.1 MB` (`5,1 MB` in Vietnamese).
fn facts(m: &MediaItem, lang: Lang) -> String {
    let size = match lang {
        En => megabytes(m.bytes),
        Vi => megabytes_vi(m.bytes),
    };
    let image = &m.image;
    format!("{}, {}×{}, {size}", image.format, image.width, image.height)
}

/// `caption  …`: a field of `media show`, `(none)` when empty.
fn field_en(label: &str, value: &str) -> String {
    let shown = if value.is_empty() { "(none)" } else { value };
    format!("{label:<8} {shown}")
}

/// `chú thích:       …`: a field of `media show`, `(chưa có)` when empty; the values line up.
fn field_vi(label: &str, value: &str) -> String {
    let shown = if value.is_empty() {
        "(chưa có)"
    } else {
        value
    };
    format!("{:<17}{shown}", format!("{label}:"))
}

/// `  “caption”` after a list line, nothing without one.
fn quoted_caption(caption: &str) -> String {
    if caption.is_empty() {
        String::new()
    } else {
        format!("  “{caption}”")
    }
}

/// One value of every message, with Vietnamese text and large numbers inside.
#[cfg(test)]
pub(super) fn samples() -> Vec<PhotoMsg> {
    use super::sample::{err, hash, path, photo, title, used};
    use crate::store::Role;
    use PhotoMsg::*;
    vec![
        Added {
            fresh: true,
            item: photo(),
            gallery: None,
        },
        Added {
            fresh: false,
            item: photo(),
            gallery: Some((2, title())),
        },
        Refused {
            path: path(),
            reason: err(),
        },
        CannotRead(err()),
        IsFolder,
        NotAFile,
        Rejected(crate::media::Refusal::Svg),
        CannotStore {
            dir: path(),
            err: err(),
        },
        Updated(hash()),
        LibraryEmpty,
        Row {
            item: photo(),
            uses: 1234,
            when: "27/11/2026 08:00".into(),
        },
        Heading(photo()),
        File {
            path: path(),
            missing: true,
        },
        Caption("Vườn bưởi".into()),
        Alt(String::new()),
        Credit("Văn Hùng".into()),
        AddedBy {
            when: "27/11/2026 08:00".into(),
            by: "lan".into(),
        },
        Unused,
        Use(used(Role::Lead)),
        Use(used(Role::Gallery(3))),
        Use(used(Role::Inline)),
        Removed {
            short: hash(),
            name: "bưởi.jpg".into(),
        },
        FileNotRemoved {
            short: hash(),
            err: err(),
        },
        DetachedFrom(vec![used(Role::Lead), used(Role::Gallery(2))]),
        StillInline(vec![used(Role::Inline)]),
    ]
}
