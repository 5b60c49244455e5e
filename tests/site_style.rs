//! The exported site's stylesheet keeps Vietnamese readable: a font stack that covers every
//! Vietnamese letter without web fonts, and line heights that leave room for stacked marks
//! (Ẫ, Ẩ reach 1.09 em above the baseline).

const CSS: &str = include_str!("../assets/static/style.css");

/// Faces with all the Vietnamese letters, which must come before any face that lacks some.
const COVERING: &[&str] = &["Noto Sans", "Roboto", "DejaVu Sans", "Arimo"];
/// Faces never stood in for by another: fontconfig and Chromium treat Arimo, Liberation Sans
/// and Arial as one metric-compatible family, so where only Liberation Sans 1.x is installed
/// "Arimo" gets it, with a fallback face for each letter it lacks (ẩ, ị…). These come first.
const NEVER_ALIASED: &[&str] = &["Noto Sans", "Roboto", "DejaVu Sans"];
/// Faces that lack letters on some systems (Liberation Sans 1.x has 54 of the 146).
const PARTIAL: &[&str] = &["Liberation Sans", "Arial", "Helvetica", "Helvetica Neue"];

/// `(selectors, declarations)` of every rule, `@media` blocks flattened.
fn rules() -> Vec<(String, Vec<(String, String)>)> {
    let mut css = CSS.to_string();
    while let Some(start) = css.find("/*") {
        let end = css[start..].find("*/").map_or(css.len(), |e| start + e + 2);
        css.replace_range(start..end, " ");
    }
    let mut out = Vec::new();
    let mut rest = css.as_str();
    while let Some(close) = rest.find('}') {
        let block = &rest[..close];
        rest = &rest[close + 1..];
        let Some(open) = block.rfind('{') else {
            continue;
        };
        let selectors = block[..open].rsplit(['{', '}']).next().unwrap_or("").trim();
        let decls = block[open + 1..]
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        out.push((selectors.to_string(), decls));
    }
    out
}

/// A rule for headings only: every selector ends in h1…h6 or names a title.
fn headings_only(selectors: &str) -> bool {
    selectors.split(',').all(|sel| {
        let last = sel.split_whitespace().last().unwrap_or("");
        let tag = last.split(['.', ':', '[']).next().unwrap_or("");
        matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") || last.ends_with("-title")
    })
}

#[test]
fn line_heights_leave_room_for_stacked_marks() {
    let rules = rules();
    assert!(rules.len() > 40, "the parser found {} rules", rules.len());
    let mut checked = 0;
    for (selectors, decls) in &rules {
        for (k, v) in decls {
            if k != "line-height" {
                continue;
            }
            let n: f64 = v
                .parse()
                .unwrap_or_else(|_| panic!("{selectors}: line-height {v} is not unitless"));
            let min = if headings_only(selectors) { 1.3 } else { 1.5 };
            assert!(n >= min, "{selectors}: line-height {n} < {min}");
            checked += 1;
        }
    }
    assert!(checked >= 5, "{checked} line-heights");
    let of = |sel: &str| {
        rules
            .iter()
            .filter(|(s, _)| s.split(',').any(|x| x.trim() == sel))
            .flat_map(|(_, d)| d.iter())
            .find(|(k, _)| k == "line-height")
            .and_then(|(_, v)| v.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("no line-height for {sel}"))
    };
    assert!(of("body") >= 1.5);
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        assert!(of(h) >= 1.3, "{h}");
    }
}

#[test]
fn fonts_cover_vietnamese_without_web_fonts() {
    assert!(!CSS.contains("@font-face") && !CSS.contains("@import"));
    let stacks: Vec<Vec<String>> = rules()
        .iter()
        .flat_map(|(_, d)| d.iter())
        .filter(|(k, _)| k == "font-family")
        .map(|(_, v)| {
            v.split(',')
                .map(|f| f.trim().trim_matches(['"', '\'']).to_string())
                .collect()
        })
        .collect();
    assert!(!stacks.is_empty());
    for stack in &stacks {
        let at = |name: &str| stack.iter().position(|f| f == name);
        for face in COVERING {
            let Some(i) = at(face) else {
                panic!("{face} missing from {stack:?}")
            };
            for partial in PARTIAL {
                if let Some(j) = at(partial) {
                    assert!(i < j, "{face} must come before {partial} in {stack:?}");
                }
            }
        }
        for face in NEVER_ALIASED {
            assert!(
                at(face) < at("Arimo"),
                "{face} must come before Arimo in {stack:?}"
            );
        }
        let last = stack.last().map(String::as_str);
        assert!(
            matches!(last, Some("sans-serif" | "serif")),
            "{stack:?} ends with a generic family"
        );
    }
}
