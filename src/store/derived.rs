//! What the store writes beside an article's own fields: folded keys, word count, tag keys,
//! the search index's text and facets, inline photo references. Computed from the fields
//! alone, so an import computes them on a second thread while this one writes rows.

use super::row::tags_to_json;
use crate::domain::{ArticleFields, Status, query, text};

pub(super) struct Derived {
    /// Folded title: the `title_key` column and the index's title.
    pub title_key: String,
    /// Folded section: the `section_key` column and the index's section.
    pub section_key: String,
    pub tags_json: String,
    pub word_count: i64,
    pub tag_keys: Vec<String>,
    /// The index's folded lede, body, byline and tags.
    pub lede_key: String,
    pub body_key: String,
    pub byline_key: String,
    pub tags_key: String,
    pub facets: String,
    pub inline_refs: Vec<String>,
}

impl Derived {
    pub fn new(f: &ArticleFields, status: Status) -> Derived {
        Derived {
            title_key: text::fold(&f.title),
            section_key: text::fold(&f.section),
            tags_json: tags_to_json(&f.tags),
            word_count: text::word_count(&f.body) as i64,
            tag_keys: f.tags.iter().map(|t| text::fold(t)).collect(),
            lede_key: text::fold(&f.lede),
            body_key: text::fold(&f.body),
            byline_key: text::fold(&f.byline),
            tags_key: text::fold(&f.tags.join(" ")),
            facets: query::facets(status, &f.section, &f.tags),
            inline_refs: crate::media::refs::inline_refs(&f.body),
        }
    }
}
