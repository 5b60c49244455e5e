//! Words for people, at the edge: every error and refusal the layers below return as data,
//! worded in Vietnamese or English for both front ends. English is each error's `Display`;
//! Vietnamese is one exhaustive `match` per type, so a new variant without its Vietnamese
//! wording does not compile.

mod app;
mod errors;
mod import;
mod site;

pub use app::describe_app;
pub use errors::{describe_domain, describe_refusal, describe_store, status_name};
pub use import::describe_read_refusal;
pub use site::describe_site;

use crate::site::i18n::{format_decimal, format_int};
use crate::site::settings::Language;

/// `5,1 MB`, `820 KB`: `media::megabytes` written the Vietnamese way.
pub fn megabytes_vi(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", format_decimal(bytes as f64 / 1e6, 1, Language::Vi))
    } else {
        format!("{} KB", format_int(bytes.div_ceil(1000), Language::Vi))
    }
}
