//! URL slugs: ASCII, lowercase, hyphen-separated, safe as a single path segment.

use super::error::DomainError;
use super::text;

/// Longest slug we make from a title; longer titles are cut at a word boundary.
const MAX_SLUG_LEN: usize = 80;

/// “Thẩm định “Dân vận khéo” năm 2023” → `tham-dinh-dan-van-kheo-nam-2023`.
pub fn slugify(title: &str) -> String {
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
        let cut = slug[..MAX_SLUG_LEN].rfind('-').unwrap_or(MAX_SLUG_LEN);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("bai-viet");
    }
    slug
}

/// A slug is one path segment of `[a-z0-9]` words joined by single hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks an editor-supplied slug; an invalid one is refused, never silently rewritten.
pub fn check_slug(slug: &str) -> Result<(), DomainError> {
    if is_valid_slug(slug) {
        Ok(())
    } else {
        Err(DomainError::BadSlug(slug.to_string()))
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
        ];
        for (title, want) in cases {
            assert_eq!(slugify(title), want, "{title}");
            let nfd: String = title.nfd().collect();
            assert_eq!(slugify(&nfd), want, "NFD {title}");
            assert!(is_valid_slug(&slugify(title)));
        }
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
    }

    #[test]
    fn unique_adds_numbers() {
        let taken = ["tin", "tin-2"];
        assert_eq!(unique_slug("tin", |s| taken.contains(&s)), "tin-3");
        assert_eq!(unique_slug("moi", |s| taken.contains(&s)), "moi");
    }
}
