//! Words for people, at the edge: every error and refusal the layers below return as data,
//! worded in Vietnamese or English for both front ends. English is each error's `Display`;
//! Vietnamese is one exhaustive `match` per type, so a new variant without its Vietnamese
//! wording does not compile.

mod app;
mod errors;
mod import;
#[cfg(test)]
mod no_english;
mod site;

pub use app::describe_app;
pub use errors::{describe_domain, describe_refusal, describe_store, status_name};
pub use import::describe_read_refusal;
pub use site::describe_site;

use crate::site::i18n::{format_decimal, format_int};
use crate::site::settings::Language;
use crate::store::{MediaUse, Role};

/// `5,1 MB`, `820 KB`: `media::megabytes` written the Vietnamese way.
pub fn megabytes_vi(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", format_decimal(bytes as f64 / 1e6, 1, Language::Vi))
    } else {
        format!("{} KB", format_int(bytes.div_ceil(1000), Language::Vi))
    }
}

/// How an article uses a photo, as the end of a sentence: `làm ảnh đại diện`.
pub fn role_vi(role: Role) -> String {
    match role {
        Role::Lead => "làm ảnh đại diện".into(),
        Role::Gallery(n) => format!("là ảnh thứ {n} trong bộ ảnh"),
        Role::Inline => "được chèn trong nội dung".into(),
    }
}

/// `“Tiêu đề” (slug) làm ảnh đại diện, …`: `store::describe_uses` in Vietnamese.
pub fn uses_vi(uses: &[MediaUse]) -> String {
    uses.iter()
        .map(|u| format!("“{}” ({}) {}", u.title, u.slug, role_vi(u.role)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where an article shows a photo, as a label: `lead`, `ảnh thứ 2 trong bộ ảnh`.
pub fn place_label(place: crate::media::Place, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    use crate::media::Place;
    match (place, lang) {
        (Place::Lead, Lang::En) => "lead".into(),
        (Place::Gallery(n), Lang::En) => format!("gallery {n}"),
        (Place::Inline, Lang::En) => "in the body".into(),
        (Place::Lead, Lang::Vi) => "ảnh đại diện".into(),
        (Place::Gallery(n), Lang::Vi) => format!("ảnh thứ {n} trong bộ ảnh"),
        (Place::Inline, Lang::Vi) => "trong bài".into(),
    }
}

/// Photos lacking alt text as a warning names them: `lead (3f9a1c0b7d2e), gallery 2 (…)`.
pub fn photo_places(photos: &[(crate::media::Place, String)], lang: crate::i18n::Lang) -> String {
    photos
        .iter()
        .map(|(place, short)| format!("{} ({short})", place_label(*place, lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One value of every store and domain error, for wording tests elsewhere (the CLI's hints).
#[cfg(test)]
pub fn error_samples() -> (
    Vec<crate::domain::DomainError>,
    Vec<crate::store::StoreError>,
) {
    errors::tests::samples()
}

/// One value of every site error, for wording tests elsewhere.
#[cfg(test)]
pub fn site_samples() -> Vec<crate::site::SiteError> {
    site::samples()
}
