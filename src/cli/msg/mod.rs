//! Every line the command line prints for a person, in English and Vietnamese.
//!
//! One enum per subject (articles, Markdown in and out, the photo library, photos on an
//! article, export, setup), each worded by one exhaustive `match` whose arms hold both
//! languages side by side (`match lang { En => …, Vi => … }`): a translator reads the pair
//! together, and a message without a translation does not compile. [`CliMsg`] wraps them so
//! `tell`, `complain` and `CliError` take any of them. JSON output is not here: its keys and
//! values stay English and stable.

/// Defines the enum and, for tests, counts its variants (`VARIANTS`), so the samples can be
/// checked to show every message.
macro_rules! counted_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident
                $( { $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)? } )?
                $( ( $($tty:ty),* $(,)? ) )? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* $variant
                $( { $( $(#[$fmeta])* $field : $fty ),* } )?
                $( ( $($tty),* ) )? ),*
        }
        #[cfg(test)]
        impl $name {
            /// How many variants the enum has.
            pub const VARIANTS: usize = [$(stringify!($variant)),*].len();
        }
    };
}

mod articles;
mod attach;
mod export;
mod markdown;
mod photos;
mod setup;

pub use articles::ArticleMsg;
pub use attach::AttachMsg;
pub use export::ExportMsg;
pub use markdown::MarkdownMsg;
pub use photos::PhotoMsg;
pub use setup::SetupMsg;

use super::CliError;
use crate::i18n::Lang;
use crate::site::i18n::{format_decimal, format_int};
use crate::site::settings::Language;

/// Defines [`CliMsg`] over the subjects' enums, and lets each subject's message go wherever
/// a `CliMsg` or a `CliError` is taken.
macro_rules! subjects {
    ($( $subject:ident($msg:ty) ),* $(,)?) => {
        /// A line for the editor, from one subject. Errors the command line words itself are
        /// messages too.
        #[derive(Debug, Clone, PartialEq)]
        pub enum CliMsg {
            $( $subject($msg) ),*
        }

        impl CliMsg {
            pub fn text(&self, lang: Lang) -> String {
                match self {
                    $( CliMsg::$subject(m) => m.text(lang) ),*
                }
            }
        }

        $(
            impl From<$msg> for CliMsg {
                fn from(m: $msg) -> Self {
                    CliMsg::$subject(m)
                }
            }

            impl From<$msg> for CliError {
                fn from(m: $msg) -> Self {
                    CliError::Msg(m.into())
                }
            }
        )*
    };
}

subjects! {
    Article(ArticleMsg),
    Markdown(MarkdownMsg),
    Photo(PhotoMsg),
    Attach(AttachMsg),
    Export(ExportMsg),
    Setup(SetupMsg),
}

/// A count: `1234` in English, as scripts have always read it; `1.234` in Vietnamese.
fn count(lang: Lang, n: u64) -> String {
    match lang {
        Lang::En => n.to_string(),
        Lang::Vi => format_int(n, Language::Vi),
    }
}

/// Seconds with two decimals: `0.25` in English, `0,25` in Vietnamese.
fn secs(lang: Lang, s: f64) -> String {
    match lang {
        Lang::En => format!("{s:.2}"),
        Lang::Vi => format_decimal(s, 2, Language::Vi),
    }
}

/// Values the subjects' samples share: Vietnamese text, paths and hashes.
#[cfg(test)]
mod sample {
    use crate::domain::Status;
    use crate::store::{MediaItem, MediaUse, Role};

    pub fn title() -> String {
        "Thẩm định mô hình “Dân vận khéo”".into()
    }

    pub fn path() -> String {
        "/srv/tin/bài.md".into()
    }

    pub fn err() -> String {
        "x".into()
    }

    pub fn hash() -> String {
        "1a2b3c4d5e6f".into()
    }

    pub fn photo() -> Box<MediaItem> {
        Box::new(MediaItem {
            image: crate::media::Image {
                hash: "1a2b3c4d5e6f".repeat(5) + "abcd",
                format: crate::media::Format::Jpeg,
                width: 4000,
                height: 3000,
                alpha: false,
            },
            name: "bưởi.jpg".into(),
            bytes: 5_123_456,
            caption: "Vườn bưởi Phúc Trạch".into(),
            alt: String::new(),
            credit: "Văn Hùng".into(),
            added_by: "lan".into(),
            added_at: chrono::DateTime::UNIX_EPOCH,
        })
    }

    pub fn used(role: Role) -> MediaUse {
        MediaUse {
            article_id: 1,
            slug: "tham-dinh".into(),
            title: title(),
            status: Status::Published,
            role,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::mem::discriminant;
    use unicode_normalization::is_nfc;

    /// How many different messages `samples` shows.
    fn variants_shown<T>(samples: &[T]) -> usize {
        samples
            .iter()
            .map(discriminant)
            .collect::<HashSet<_>>()
            .len()
    }

    #[test]
    fn the_samples_show_every_message() {
        assert_eq!(variants_shown(&articles::samples()), ArticleMsg::VARIANTS);
        assert_eq!(variants_shown(&markdown::samples()), MarkdownMsg::VARIANTS);
        assert_eq!(variants_shown(&photos::samples()), PhotoMsg::VARIANTS);
        assert_eq!(variants_shown(&attach::samples()), AttachMsg::VARIANTS);
        assert_eq!(variants_shown(&export::samples()), ExportMsg::VARIANTS);
        assert_eq!(variants_shown(&setup::samples()), SetupMsg::VARIANTS);
    }

    fn samples() -> Vec<CliMsg> {
        fn all<M: Into<CliMsg>>(v: Vec<M>) -> impl Iterator<Item = CliMsg> {
            v.into_iter().map(Into::into)
        }
        all(articles::samples())
            .chain(all(markdown::samples()))
            .chain(all(photos::samples()))
            .chain(all(attach::samples()))
            .chain(all(export::samples()))
            .chain(all(setup::samples()))
            .collect()
    }

    #[test]
    fn every_vietnamese_line_is_nfc_and_translated() {
        for m in samples() {
            let vi = m.text(Lang::Vi);
            assert!(is_nfc(&vi), "{vi}");
            // It only puts a path before a reason already worded in the language.
            let neutral = matches!(m, CliMsg::Markdown(MarkdownMsg::FileFailed { .. }));
            if !neutral {
                assert_ne!(vi, m.text(Lang::En), "{m:?} is not translated");
            }
        }
    }

    #[test]
    fn numbers_follow_the_language() {
        let m = CliMsg::from(ExportMsg::NothingChanged {
            live: "/srv".into(),
            unchanged: 1234,
            secs: 2.5,
        });
        assert_eq!(
            m.text(Lang::Vi),
            "không có gì thay đổi: /srv đã mới nhất (1.234 tệp giữ nguyên, 2,50 giây)"
        );
        assert_eq!(
            m.text(Lang::En),
            "nothing changed: /srv is up to date (1234 files unchanged, 2.50 s)"
        );
    }
}
