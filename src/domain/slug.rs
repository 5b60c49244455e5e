//! URL slugs: ASCII, lowercase, hyphen-separated, safe as a single path segment.

use super::error::DomainError;
use super::text;

/// Longest slug we make from a title; longer titles are cut at a word boundary.
const MAX_SLUG_LEN: usize = 80;
/// Longest slug an editor may give.
pub const MAX_GIVEN_SLUG_LEN: usize = 200;
/// Put before a slug made from a title of digits only ("2023" → `bai-2023`, the same word as
/// the `bai-viet` fallback), so the slug never reads as an article number.
const DIGITS_PREFIX: &str = "bai-";

/// An article's slug made from its title: `slug_words`, never digits only (“2023” →
/// `bai-2023`), so `newsdesk show SLUG` cannot mistake it for an article number.
pub fn slugify(title: &str) -> String {
    let mut slug = slug_words(title);
    if all_digits(&slug) {
        slug.insert_str(0, DIGITS_PREFIX);
    }
    slug
}

/// “Thẩm định “Dân vận khéo” năm 2023” → `tham-dinh-dan-van-kheo-nam-2023`: any name as one
/// URL segment. A name of digits stays digits (a section or tag “2023” is `2023`).
pub fn slug_words(title: &str) -> String {
    // Fold first so đ becomes d (deunicode would give "d" too, but NFD input must agree).
    let ascii = deunicode::deunicode(&text::fold(title));
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.len() > MAX_SLUG_LEN {
        // ASCII by now, so any byte index is a boundary.
        let cut = slug
            .get(..MAX_SLUG_LEN)
            .and_then(|head| head.rfind('-'))
            .unwrap_or(MAX_SLUG_LEN);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("bai-viet");
    }
    slug
}

/// `2023`: a slug `newsdesk show 2023` would read as article number 2023.
fn all_digits(slug: &str) -> bool {
    !slug.is_empty() && slug.bytes().all(|b| b.is_ascii_digit())
}

/// A slug is one path segment of `[a-z0-9]` words joined by single hyphens. (The site reads
/// stored slugs with this; `check_slug` adds the rules for a new one.)
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_GIVEN_SLUG_LEN
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks an editor-supplied slug; an invalid one is refused, never silently rewritten.
pub fn check_slug(slug: &str) -> Result<(), DomainError> {
    let len = slug.chars().count();
    if len > MAX_GIVEN_SLUG_LEN {
        Err(DomainError::SlugTooLong {
            len,
            max: MAX_GIVEN_SLUG_LEN,
        })
    } else if !is_valid_slug(slug) {
        Err(DomainError::BadSlug(slug.to_string()))
    } else if all_digits(slug) {
        Err(DomainError::SlugAllDigits(slug.to_string()))
    } else {
        Ok(())
    }
}

/// `base`, or `base-2`, `base-3`… the first one `taken` says is free.
pub fn unique_slug(base: &str, mut taken: impl FnMut(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken(s))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn slugs_from_vietnamese_titles() {
        let cases = [
            (
                "Thẩm định, đánh giá mô hình “Dân vận khéo” năm 2023",
                "tham-dinh-danh-gia-mo-hinh-dan-van-kheo-nam-2023",
            ),
            (
                "Đại hội Đảng bộ huyện lần thứ XX",
                "dai-hoi-dang-bo-huyen-lan-thu-xx",
            ),
            ("  Hello, World!  ", "hello-world"),
            ("../../etc/passwd", "etc-passwd"),
            ("Ưu tiên – “đột phá”", "uu-tien-dot-pha"),
            ("???", "bai-viet"),
            ("2023", "bai-2023"),
            (" 1984 ", "bai-1984"),
            ("2023!", "bai-2023"),
        ];
        for (title, want) in cases {
            assert_eq!(slugify(title), want, "{title}");
            let nfd: String = title.nfd().collect();
            assert_eq!(slugify(&nfd), want, "NFD {title}");
            assert!(is_valid_slug(&slugify(title)));
        }
    }

    #[test]
    fn names_of_digits_stay_digits_outside_article_slugs() {
        assert_eq!(slug_words("2023"), "2023");
        assert_eq!(slug_words("Năm 2023"), slugify("Năm 2023"));
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let slug = slugify(&"dân vận ".repeat(30));
        assert!(slug.len() <= MAX_SLUG_LEN && !slug.ends_with('-'), "{slug}");
    }

    #[test]
    fn invalid_slugs() {
        for bad in [
            "", "a/b", "..", "../x", "A", "a b", "-a", "a-", "a--b", "đ", "a.b",
        ] {
            assert!(!is_valid_slug(bad), "{bad:?}");
            assert!(check_slug(bad).is_err());
        }
        assert!(is_valid_slug("dan-van-2023"));
        assert!(check_slug("dan-van-2023").is_ok() && check_slug("2023-2").is_ok());
    }

    #[test]
    fn digits_and_length_have_their_own_reasons() {
        let err = check_slug("2023").unwrap_err();
        assert_eq!(err, DomainError::SlugAllDigits("2023".into()));
        assert!(err.to_string().contains("only digits"), "{err}");
        let long = "a".repeat(250);
        let err = check_slug(&long).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the slug is 250 characters long: at most 200 are allowed"
        );
        // Too long and badly spelled: the length is what the editor must fix first.
        let err = check_slug(&"Đ".repeat(250)).unwrap_err();
        assert!(
            matches!(err, DomainError::SlugTooLong { len: 250, .. }),
            "{err}"
        );
        assert!(check_slug(&"a".repeat(200)).is_ok());
    }

    #[test]
    fn unique_adds_numbers() {
        let taken = ["tin", "tin-2"];
        assert_eq!(unique_slug("tin", |s| taken.contains(&s)), "tin-3");
        assert_eq!(unique_slug("moi", |s| taken.contains(&s)), "moi");
    }
}
