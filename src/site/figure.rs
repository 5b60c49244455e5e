//! The markup of a photo: one function for gallery, lead and inline photos alike, so they look
//! the same everywhere; the list thumbnail; the Open Graph image. Pure: text in, text out.

use serde::Serialize;

use super::markdown;
use super::templates::escape_html;
use crate::media::{ArticleMedia, Photo, Rendition};

/// How wide a photo is shown: the article column (42rem) on a wide screen, else the screen.
pub const SIZES: &str = "(min-width: 44rem) 42rem, 100vw";
/// The rendition used as `src` (for browsers without srcset): the widest up to this.
const SRC_WIDTH: u32 = 960;

/// A photo as the article template sees it. `html` is the ready `<figure>`; the other fields
/// let a site's own template build different markup.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub html: String,
    pub src: String,
    pub srcset: String,
    pub sizes: &'static str,
    pub width: u32,
    pub height: u32,
    pub alt: String,
    pub caption: String,
    pub credit: String,
}

/// A list page's thumbnail: the narrowest rendition.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct Thumb {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// The Open Graph image: the widest rendition, by absolute address.
#[derive(Debug, Clone, Serialize)]
pub struct OgImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

fn url(root: &str, r: &Rendition) -> String {
    format!("{root}media/{}", r.name)
}

/// The figure for `photo` with this caption, its links relative to the page (`root`);
/// `photo_word` labels the credit (“Ảnh: …”).
pub fn figure(photo: &Photo, caption: &str, root: &str, photo_word: &str) -> Figure {
    let rs = photo.image.renditions();
    let src = rs
        .iter()
        .rev()
        .find(|r| r.width <= SRC_WIDTH)
        .or(rs.first());
    let (src, width, height) =
        src.map_or((String::new(), 0, 0), |r| (url(root, r), r.width, r.height));
    let srcset = rs
        .iter()
        .map(|r| format!("{} {}w", url(root, r), r.width))
        .collect::<Vec<_>>()
        .join(", ");
    let caption = caption.trim();
    let credit = photo.credit.trim();
    let mut html = format!(
        "<figure class=\"photo\">\n<img src=\"{src}\" srcset=\"{srcset}\" sizes=\"{SIZES}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\" decoding=\"async\" alt=\"{}\">\n",
        escape_html(&photo.alt)
    );
    if !caption.is_empty() || !credit.is_empty() {
        html.push_str("<figcaption>");
        html.push_str(&escape_html(caption));
        if !credit.is_empty() {
            if !caption.is_empty() {
                html.push(' ');
            }
            html.push_str(&format!(
                "<span class=\"credit\">{photo_word}: {}</span>",
                escape_html(credit)
            ));
        }
        html.push_str("</figcaption>\n");
    }
    html.push_str("</figure>");
    Figure {
        html,
        src,
        srcset,
        sizes: SIZES,
        width,
        height,
        alt: photo.alt.clone(),
        caption: caption.to_string(),
        credit: credit.to_string(),
    }
}

/// The thumbnail a list shows for an article's lead photo.
pub fn thumb(photo: &Photo, root: &str) -> Option<Thumb> {
    let rs = photo.image.renditions();
    let r = rs.first()?;
    Some(Thumb {
        src: url(root, r),
        width: r.width,
        height: r.height,
        alt: photo.alt.clone(),
    })
}

/// The lead photo as social networks fetch it.
pub fn og_image(photo: &Photo, base_url: &str) -> Option<OgImage> {
    let rs = photo.image.renditions();
    let r = rs.last()?;
    Some(OgImage {
        url: url(&format!("{base_url}/"), r),
        width: r.width,
        height: r.height,
        alt: photo.alt.clone(),
    })
}

/// An article's gallery, its lead photo (to show above the body only when neither the gallery
/// nor the body shows it), its Open Graph image, and its body as HTML with its inline photos.
pub fn article_photos(
    m: &ArticleMedia,
    root: &str,
    body: &str,
    word: &str,
    base_url: &str,
) -> (Vec<Figure>, Option<Figure>, Option<OgImage>, String) {
    let gallery: Vec<Figure> = m
        .gallery
        .iter()
        .map(|p| figure(p, &p.caption, root, word))
        .collect();
    let body_html = markdown::to_html_with(body, &|reference, caption, block| {
        let p = m.inline_photo(reference)?;
        let caption = if caption.is_empty() {
            &p.caption
        } else {
            caption
        };
        let f = figure(p, caption, root, word);
        Some(if block {
            f.html
        } else {
            format!(
                "<img src=\"{}\" width=\"{}\" height=\"{}\" loading=\"lazy\" alt=\"{}\">",
                f.src,
                f.width,
                f.height,
                escape_html(&p.alt)
            )
        })
    });
    let lead = m.lead.as_ref().filter(|l| {
        let hash = &l.image.hash;
        !m.gallery.iter().any(|g| &g.image.hash == hash)
            && !m.inline.iter().any(|i| hash.starts_with(&i.reference))
    });
    let lead = lead.map(|p| figure(p, &p.caption, root, word));
    let og = m.lead.as_ref().and_then(|p| og_image(p, base_url));
    (gallery, lead, og, body_html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::{Format, Image};

    #[test]
    fn figure_markup_escapes_and_credits() {
        let p = Photo {
            image: Image {
                hash: "ab".repeat(32),
                format: Format::Jpeg,
                width: 4000,
                height: 3000,
                alpha: false,
            },
            caption: "ignored: the caption is passed".into(),
            alt: "Cán bộ \"dân vận\" <b>".into(),
            credit: "Văn Hùng".into(),
        };
        let f = figure(&p, "Lễ ra quân", "../../", "Ảnh");
        assert_eq!(f.src, "../../media/abababababababab-960.jpg");
        assert!(f.html.contains("srcset=\"../../media/abababababababab-480.jpg 480w, ../../media/abababababababab-960.jpg 960w, ../../media/abababababababab-1600.jpg 1600w\""), "{}", f.html);
        assert!(
            f.html
                .contains("width=\"960\" height=\"720\" loading=\"lazy\"")
        );
        assert!(
            f.html
                .contains("alt=\"Cán bộ &quot;dân vận&quot; &lt;b&gt;\"")
        );
        assert!(f.html.contains(
            "<figcaption>Lễ ra quân <span class=\"credit\">Ảnh: Văn Hùng</span></figcaption>"
        ));
        let bare = Photo {
            credit: String::new(),
            ..p.clone()
        };
        assert!(!figure(&bare, " ", "", "Ảnh").html.contains("figcaption"));
        let og = og_image(&p, "https://tin.vn").unwrap();
        assert_eq!(
            (og.url.as_str(), og.width),
            ("https://tin.vn/media/abababababababab-1600.jpg", 1600)
        );
    }
}
