//! `balance`: what it keeps, closes, escapes and drops.

use super::*;

fn allowed() -> HashSet<&'static str> {
    HashSet::from([
        "div", "p", "b", "i", "a", "ul", "ol", "li", "table", "tr", "td", "img", "br", "em", "h2",
        "dl", "dd", "dt",
    ])
}

fn bal(s: &str) -> String {
    balance(s, &allowed(), 4)
}

#[test]
fn well_nested_markup_is_kept() {
    assert_eq!(
        bal("<p>a <b class=x>b</b> &amp; <img src='/a\"b'> c</p>"),
        "<p>a <b class=\"x\">b</b> &amp; <img src=\"/a&quot;b\"> c</p>"
    );
    assert_eq!(bal("a < b > c"), "a &lt; b > c");
}

#[test]
fn closes_what_html_implies_and_what_is_left_open() {
    assert_eq!(bal("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
    assert_eq!(bal("<p>a<div>b"), "<p>a</p><div>b</div>");
    assert_eq!(bal("<b><i>x</b>y</i>"), "<b><i>x</i></b>y");
    assert_eq!(
        bal("<dl><dt>a<dd>b<dt>c</dl>"),
        "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>"
    );
    assert_eq!(
        bal("<table><tr><td>a<td>b<tr><td>c</table>"),
        "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
    );
    assert_eq!(bal("</div>x</p>"), "x");
}

#[test]
fn nesting_beyond_the_cap_is_text() {
    assert_eq!(
        bal("<div><div><div><div><div>x</div></div></div></div></div>"),
        "<div><div><div><div>&lt;div>x&lt;/div></div></div></div></div>"
    );
    assert_eq!(
        bal("<li><li><li><li><li><li>"),
        "<li></li><li></li><li></li><li></li><li></li><li></li>"
    );
}

#[test]
fn drops_what_the_sanitiser_drops_and_never_opens_raw_text() {
    assert_eq!(bal("a<script>x<b>y</b></script >b"), "ab");
    assert_eq!(bal("a<STYLE>x</style>b<script>c"), "abc");
    assert_eq!(bal("a<plaintext><b>b</b>"), "a<b>b</b>");
    assert_eq!(bal("a<xmp><b>b</b></xmp>c"), "a<b>b</b>c");
    assert_eq!(
        bal("a<!-- x -->b<!---->c<!-->d<!DOCTYPE html>e<?x?>f</ x>g"),
        "abcdefg"
    );
    assert_eq!(
        bal("a<!-- never ends <b>x</b>"),
        "a&lt;!-- never ends &lt;b>x&lt;/b>"
    );
    assert_eq!(
        bal("a<b title=\"never ends>x"),
        "a&lt;b title=\"never ends>x"
    );
    assert_eq!(bal("<div =x \"q=1 on<x>"), "<div></div>");
    assert_eq!(bal("</body></html>x"), "x");
}

#[test]
fn lists_are_sorted() {
    for list in [&VOID[..], &CONTENT_DROPPED, &CLOSES_P, &SCOPE, &SPECIAL] {
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
    }
}
