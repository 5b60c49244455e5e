//! The search box language: plain words plus `status:`, `section:`, `tag:` and `by:` filters.

use super::error::DomainError;
use super::status::Status;
use super::text::fold;

/// A parsed search. Words are folded; filter values are folded too, except status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub words: Vec<String>,
    /// The last word is still being typed: match it as a prefix.
    pub prefix_last: bool,
    pub status: Option<Status>,
    pub section: Option<String>,
    pub tag: Option<String>,
    pub by: Vec<String>,
}

/// Splits folded text into index words the way the FTS tokenizer does (letters and digits).
pub fn index_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The index columns plain words are looked up in (everything but the facets).
const TEXT_COLUMNS: &str = "title lede body byline tags section";

/// What every facet token starts with.
const FACET_MARK: &str = "qq";

/// Facet tokens: one index word per status, section and tag, letters and digits only so the
/// tokenizer keeps each whole. The prefixes cannot start a Vietnamese or English word.
fn facet(kind: &str, value: &str) -> String {
    let key: String = fold(value)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    format!("{FACET_MARK}{kind}{key}")
}

pub fn status_facet(s: Status) -> String {
    facet("s", s.as_str())
}

pub fn section_facet(section: &str) -> String {
    facet("c", section)
}

pub fn tag_facet(tag: &str) -> String {
    facet("t", tag)
}

/// What an article's `facets` index column holds.
pub fn facets(status: Status, section: &str, tags: &[String]) -> String {
    let mut out = vec![status_facet(status)];
    if !section.trim().is_empty() {
        out.push(section_facet(section));
    }
    out.extend(tags.iter().map(|t| tag_facet(t)));
    out.join(" ")
}

/// Splits on whitespace but keeps `key:"two words"` together.
fn tokens(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in input.chars() {
        match c {
            '"' | '“' | '”' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

impl SearchQuery {
    pub fn parse(input: &str) -> Result<SearchQuery, DomainError> {
        let mut q = SearchQuery::default();
        let mut last_is_word = false;
        for tok in tokens(input) {
            let (key, value) = match tok.split_once(':') {
                Some((k, v)) if !v.is_empty() => (fold(k), v.to_string()),
                _ => (String::new(), tok.clone()),
            };
            last_is_word = false;
            match key.as_str() {
                "status" | "trang-thai" => q.status = Some(Status::parse(&value)?),
                "section" | "muc" => q.section = Some(fold(value.trim())),
                "tag" => q.tag = Some(fold(value.trim())),
                "by" => q.by.extend(index_words(&fold(&value)).map(str::to_string)),
                _ => {
                    q.words.extend(index_words(&fold(&tok)).map(str::to_string));
                    last_is_word = true;
                }
            }
        }
        // Still typing the last word: the input ends in it (not in a filter or a space).
        // Judge on the folded text: NFD input ends in a combining mark, not a letter.
        let ends_open = last_is_word
            && fold(input)
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric());
        q.prefix_last = ends_open && q.words.last().is_some_and(|w| w.chars().count() >= 2);
        Ok(q)
    }

    pub fn has_text(&self) -> bool {
        !self.words.is_empty() || !self.by.is_empty()
    }

    /// The FTS5 MATCH expression: every word quoted, so no user input is FTS syntax. Filters
    /// become facet tokens, so the index alone answers "matching and published" without
    /// touching the articles table.
    ///
    /// No column filter unless a word could be a facet token: with one, FTS5 decodes every
    /// position list to check its columns — and bm25 walks every row holding each word to
    /// weigh it — which made searches at 100,000 articles ~40% slower. Facet tokens
    /// (`qq…`) occur in the facets column only, and a word that starts like one keeps the
    /// filter; the store re-checks filters on the rows it returns.
    pub fn fts_expression(&self) -> Option<String> {
        if !self.has_text() {
            return None;
        }
        let mut parts: Vec<String> = Vec::new();
        if !self.words.is_empty() {
            let last = self.words.len() - 1;
            let words: Vec<String> = self
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let star = if self.prefix_last && i == last {
                        "*"
                    } else {
                        ""
                    };
                    format!("\"{w}\"{star}")
                })
                .collect();
            if self.words.iter().any(|w| w.starts_with(FACET_MARK)) {
                parts.push(format!("{{{TEXT_COLUMNS}}} : ({})", words.join(" ")));
            } else {
                parts.push(format!("({})", words.join(" ")));
            }
        }
        if !self.by.is_empty() {
            parts.push(format!("byline : \"{}\"", self.by.join(" ")));
        }
        let facets = [
            self.status.map(status_facet),
            self.section.as_deref().map(section_facet),
            self.tag.as_deref().map(tag_facet),
        ];
        parts.extend(facets.into_iter().flatten().map(|f| format!("\"{f}\"")));
        Some(parts.join(" AND "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_quoted() {
        let q = SearchQuery::parse("Đảng ủy").unwrap();
        assert_eq!(q.words, vec!["dang", "uy"]);
        assert_eq!(q.fts_expression().unwrap(), "(\"dang\" \"uy\"*)");
        // A word that could be a facet token looks in the text columns only.
        assert_eq!(
            SearchQuery::parse("qqspublished")
                .unwrap()
                .fts_expression()
                .unwrap(),
            "{title lede body byline tags section} : (\"qqspublished\"*)"
        );
    }

    #[test]
    fn hostile_syntax_becomes_plain_words() {
        let q = SearchQuery::parse("a OR (b* NOT \"c) NEAR/3 -d ^e").unwrap();
        assert_eq!(
            q.fts_expression().unwrap(),
            "(\"a\" \"or\" \"b\" \"not\" \"c\" \"near\" \"3\" \"d\" \"e\")"
        );
        assert_eq!(SearchQuery::parse("\"*()").unwrap().fts_expression(), None);
    }

    #[test]
    fn filters() {
        let q = SearchQuery::parse("hội nghị status:published section:\"Dân vận\" tag:Đảng by:Hoa")
            .unwrap();
        assert_eq!(q.words, vec!["hoi", "nghi"]);
        assert_eq!(q.status, Some(Status::Published));
        assert_eq!(q.section.as_deref(), Some("dan van"));
        assert_eq!(q.tag.as_deref(), Some("dang"));
        assert_eq!(q.by, vec!["hoa"]);
        assert!(SearchQuery::parse("status:live").is_err());
    }

    #[test]
    fn filters_become_facet_tokens() {
        let q = SearchQuery::parse("dan status:published section:\"Dân vận\" tag:Đảng").unwrap();
        assert_eq!(
            q.fts_expression().unwrap(),
            "(\"dan\") AND \"qqspublished\" AND \"qqcdanvan\" AND \"qqtdang\""
        );
        assert_eq!(
            facets(Status::Draft, "Kinh tế – Xã hội", &["Đại hội".into()]),
            "qqsdraft qqckinhtexahoi qqtdaihoi"
        );
    }

    #[test]
    fn a_trailing_filter_ends_the_last_word() {
        assert!(
            !SearchQuery::parse("dan van status:published")
                .unwrap()
                .prefix_last
        );
        assert!(
            SearchQuery::parse("status:published dan va")
                .unwrap()
                .prefix_last
        );
    }

    #[test]
    fn prefix_only_while_typing_a_word() {
        assert!(SearchQuery::parse("dan va").unwrap().prefix_last);
        assert!(!SearchQuery::parse("dan van ").unwrap().prefix_last);
        assert!(!SearchQuery::parse("dan v").unwrap().prefix_last);
    }
}
