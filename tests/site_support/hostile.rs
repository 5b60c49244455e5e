//! Hostile article bodies by class, each about `n` bytes: deep or unclosed nesting of raw
//! HTML and of Markdown, and runs of the characters Markdown pairs up. Shared by the tests
//! (small sizes) and `examples/bench_render.rs` (up to megabytes).

/// `unit` repeated until the body is about `n` bytes, then `tail` (the closing half).
fn repeat(unit: &str, n: usize, tail: &str) -> String {
    let count = (n / (unit.len() + tail.len()).max(1)).max(1);
    let mut s = unit.repeat(count);
    s.push_str(&tail.repeat(count));
    s
}

/// Makes a body of about `n` bytes.
pub type Make = fn(usize) -> String;

/// Every class: its name and its maker.
pub fn classes() -> Vec<(&'static str, Make)> {
    vec![
        ("nested divs", |n| repeat("<div>", n, "</div>")),
        ("unclosed divs", |n| repeat("<div>", n, "")),
        ("misnested b/i", |n| repeat("<b><i>", n, "</b></i>")),
        ("unclosed formatting", |n| repeat("<b><i><u><s>", n, "")),
        ("nested anchors", |n| repeat("<a href=\"#x\">", n, "")),
        ("nested tables", |n| repeat("<table><tr><td>", n, "")),
        ("nested lists (html)", |n| repeat("<ul><li>", n, "")),
        ("unclosed li", |n| repeat("<li>", n, "")),
        ("nested blockquotes", |n| {
            let mut s = "> ".repeat(n / 2);
            s.push('x');
            s
        }),
        ("blockquote lines", |n| {
            // Line k is k markers deep: a staircase of quotes.
            let mut s = String::new();
            let mut k = 1;
            while s.len() < n {
                s.push_str(&"> ".repeat(k));
                s.push_str("x\n");
                k += 1;
            }
            s
        }),
        ("nested lists (md)", |n| {
            let mut s = "- ".repeat(n / 2);
            s.push('x');
            s
        }),
        ("indented list staircase", |n| {
            let mut s = String::new();
            let mut k = 0;
            while s.len() < n {
                s.push_str(&"  ".repeat(k));
                s.push_str("- x\n");
                k += 1;
            }
            s
        }),
        ("link brackets", |n| "[".repeat(n)),
        ("closed link brackets", |n| repeat("[", n, "](x)")),
        ("emphasis stars", |n| "*".repeat(n)),
        ("emphasis words", |n| repeat("*a ", n, "")),
        ("strong/emphasis mix", |n| repeat("**a*", n, "")),
        ("underscores", |n| repeat("_a", n, "")),
        ("backticks", |n| "`".repeat(n)),
        ("backtick runs", |n| {
            // Runs of growing length, none closed: the classic code-span trap.
            let mut s = String::new();
            let mut k = 1;
            while s.len() < n {
                s.push_str(&"`".repeat(k));
                s.push('a');
                k += 1;
            }
            s
        }),
        ("html + blockquotes", |n| {
            let mut s = String::from("<div>\n\n");
            s.push_str(&"> ".repeat(n / 2));
            s.push('x');
            s
        }),
        ("comments", |n| repeat("<!--", n, "")),
        ("bogus comments", |n| repeat("<?x <!x </ x", n, "")),
        ("unended tags", |n| repeat("<a", n, "")),
        ("unended quotes", |n| repeat("<a title=\"", n, "")),
        ("unended scripts", |n| repeat("<script>", n, "")),
        ("library photos", |n| {
            repeat("![a](media:0123456789ab)\n", n, "")
        }),
        ("inline photos", |n| {
            repeat("*![a](media:0123456789ab)*", n, "")
        }),
        ("attributes", |n| {
            let mut s = String::from("<div ");
            s.push_str(&"a=b ".repeat(n / 4));
            s.push('>');
            s
        }),
    ]
}
