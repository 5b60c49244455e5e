//! The Vietnamese typing engine against its golden tables (tests/data/vietime/*.tsv: keys,
//! traditional style, new style), the cases the issue names, and properties over random keys:
//! the text is always NFC, and Ctrl-R after a word's keys gives the keys back.

use newsdesk::domain::vietime::{Edit, Engine, Method, Options, ToneStyle, type_str};
use unicode_normalization::{UnicodeNormalization, is_nfc};

const TELEX: &str = include_str!("data/vietime/telex.tsv");
const VNI: &str = include_str!("data/vietime/vni.tsv");

struct Row<'a> {
    line: usize,
    keys: &'a str,
    traditional: &'a str,
    new: &'a str,
}

fn rows(table: &str) -> Vec<Row<'_>> {
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 3, "line {}: three columns: {l:?}", i + 1);
            Row {
                line: i + 1,
                keys: cols[0],
                traditional: cols[1],
                new: cols[2],
            }
        })
        .collect()
}

fn opts(method: Method, style: ToneStyle) -> Options {
    Options {
        method,
        style,
        ..Options::default()
    }
}

fn check_table(name: &str, table: &str, method: Method, at_least: usize) {
    let rows = rows(table);
    assert!(rows.len() >= at_least, "{name}: {} rows", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        for (style, want) in [
            (ToneStyle::Traditional, row.traditional),
            (ToneStyle::New, row.new),
        ] {
            let got = type_str(&opts(method, style), row.keys);
            if got != want {
                failures.push(format!(
                    "{name}:{} {:?} ({style:?}): want {want:?}, got {got:?}",
                    row.line, row.keys
                ));
            }
            assert!(is_nfc(&got), "{name}:{} not NFC", row.line);
        }
    }
    let total = rows.len() * 2;
    println!("{name}: {} of {total} passed", total - failures.len());
    assert!(
        failures.is_empty(),
        "{} of {total} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn golden_telex() {
    check_table("telex.tsv", TELEX, Method::Telex, 3000);
}

#[test]
fn golden_vni() {
    check_table("vni.tsv", VNI, Method::Vni, 2000);
}

/// The styles differ only where oa, oe or uy end a word.
#[test]
fn styles_differ_only_on_oa_oe_uy() {
    let ends = |w: &str| {
        let base: String = w
            .nfd()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .collect::<String>()
            .to_lowercase();
        base.ends_with("oa") || base.ends_with("oe") || base.ends_with("uy")
    };
    for table in [TELEX, VNI] {
        for row in rows(table) {
            let (a, b) = (row.traditional, row.new);
            if a != b {
                let differing = a
                    .split(|c: char| !c.is_alphanumeric())
                    .zip(b.split(|c: char| !c.is_alphanumeric()))
                    .filter(|(x, y)| x != y);
                for (x, _) in differing {
                    assert!(ends(x), "line {}: {x} differs", row.line);
                }
            }
        }
    }
}

/// Every case the issue lists is in the tables, with the value it gives.
#[test]
fn the_issue_cases_are_in_the_tables() {
    let telex = [
        ("as", "á"),
        ("ass", "as"),
        ("asz", "a"),
        ("aw", "ă"),
        ("dd", "đ"),
        ("w", "ư"),
        ("uow", "uơ"),
        ("thuowr", "thuở"),
        ("uowc", "ươc"),
        ("quys", "quý"),
        ("quyeenf", "quyền"),
        ("hoaf", "hòa"),
        ("khoer", "khỏe"),
        ("thuys", "thúy"),
        ("hoangf", "hoàng"),
        ("muaf", "mùa"),
        ("giuwx", "giữ"),
        ("gieengs", "giếng"),
        ("khuyur", "khuỷu"),
        ("chuyeenj", "chuyện"),
        ("Nguyeenx", "Nguyễn"),
        ("dduowcj", "được"),
        ("mootj", "một"),
        ("boong", "bông"),
        ("booong", "boong"),
        ("ddd", "dd"),
        ("nhafs", "nhá"),
        ("vieetj", "việt"),
        ("vieejt", "việt"),
        ("VIEETJ", "VIỆT"),
        ("Dd", "Đ"),
        ("DD", "Đ"),
        ("nguwowif", "người"),
        ("nguoiwf", "người"),
        ("nguowif", "người"),
        ("class.", "class."),
        ("Windows.", "Windows."),
        ("google.", "google."),
        ("refresh.", "refresh."),
        ("wifi.", "wifi."),
        ("data", "dât"),
        ("test", "tét"),
        ("Vieetj Nam thaamr ddinhj", "Việt Nam thẩm định"),
    ];
    let vni = [
        ("a1", "á"),
        ("a11", "a1"),
        ("vie65t", "việt"),
        ("d9uong72", "đường"),
        ("d9u7o7ng2", "đường"),
        ("quy1", "quý"),
        ("giu74", "giữ"),
    ];
    for (table, cases) in [(TELEX, &telex[..]), (VNI, &vni[..])] {
        let rows = rows(table);
        for (keys, want) in cases {
            let row = rows.iter().find(|r| r.keys == *keys);
            let row = row.unwrap_or_else(|| panic!("{keys} is in the table"));
            assert_eq!(row.traditional, *want, "{keys}");
        }
    }
    let new = [
        ("hoaf", "hoà"),
        ("khoer", "khoẻ"),
        ("thuys", "thuý"),
        ("hoangf", "hoàng"),
    ];
    let rows = rows(TELEX);
    for (keys, want) in new {
        let row = rows.iter().find(|r| r.keys == keys);
        assert_eq!(row.map(|r| r.new), Some(want), "{keys}");
    }
}

/// Types `keys` through `engine` into `text`, checking each edit fits the text.
fn feed(engine: &mut Engine, text: &mut String, keys: &str) {
    for c in keys.chars() {
        let edit = engine.key(c);
        apply(text, &edit);
    }
}

fn apply(text: &mut String, edit: &Edit) {
    assert!(
        edit.delete <= text.chars().count(),
        "{edit:?} deletes past the start of {text:?}"
    );
    edit.apply_to(text);
}

#[test]
fn ctrl_r_gives_english_back() {
    for (keys, shown) in [("data", "dât"), ("test", "tét"), ("as", "á"), ("box", "bõ")] {
        let mut e = Engine::new(Options::default());
        let mut text = String::new();
        feed(&mut e, &mut text, keys);
        assert_eq!(text, shown);
        apply(&mut text, &e.restore_raw());
        assert_eq!(text, keys, "while typing");

        let mut e = Engine::new(Options::default());
        let mut text = String::new();
        feed(&mut e, &mut text, &format!("{keys} "));
        assert_eq!(text, format!("{shown} "));
        apply(&mut text, &e.restore_raw());
        assert_eq!(text, format!("{keys} "), "after the word ended");
    }
}

/// A small xorshift generator: the property tests need no crate and stay reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick(&mut self, from: &[u8]) -> char {
        from[self.below(from.len())] as char
    }
}

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
/// Letters weighted towards the keys that do something: vowels, marks, tones.
const BUSY: &[u8] = b"aaeeoouuiiywwddssffrrxxjjzAEOUWDSFRXJZnghtc";
const DIGITS: &[u8] = b"0123456789";

fn all_options() -> Vec<Options> {
    let mut out = Vec::new();
    for method in [Method::Telex, Method::Vni] {
        for style in [ToneStyle::Traditional, ToneStyle::New] {
            for w_alone_is_u in [true, false] {
                out.push(Options {
                    method,
                    style,
                    w_alone_is_u,
                });
            }
        }
    }
    out
}

fn random_key(rng: &mut Rng) -> char {
    match rng.below(10) {
        0..=3 => rng.pick(LETTERS),
        4..=7 => rng.pick(BUSY),
        8 => rng.pick(DIGITS),
        _ => rng.pick(b" .,"),
    }
}

/// Random keys, with Ctrl-R, word ends and backspaces among them: every edit fits the text
/// and the text is NFC after every step.
#[test]
fn output_is_always_nfc() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for opts in all_options() {
        for _ in 0..3000 {
            let mut e = Engine::new(opts);
            let mut text = String::new();
            let mut log = String::new();
            for _ in 0..1 + rng.below(24) {
                match rng.below(20) {
                    0 => {
                        log.push_str("^R");
                        apply(&mut text, &e.restore_raw());
                    }
                    1 => {
                        log.push_str("^E");
                        apply(&mut text, &e.end_word());
                    }
                    2 if !text.is_empty() => {
                        log.push_str("^H");
                        text.pop();
                        e.backspace();
                    }
                    _ => {
                        let c = random_key(&mut rng);
                        log.push(c);
                        apply(&mut text, &e.key(c));
                    }
                }
                assert!(is_nfc(&text), "{opts:?} {log:?} gives {text:?}");
            }
        }
    }
}

/// Typing a word's keys then Ctrl-R gives the keys back; after the word has ended, Ctrl-R
/// gives the keys back whenever the word was shown in Vietnamese.
#[test]
fn restore_raw_gives_the_keys_back() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for opts in all_options() {
        for _ in 0..4000 {
            let len = 1 + rng.below(10);
            let mut keys = String::new();
            for i in 0..len {
                let c = if opts.method == Method::Vni && i > 0 && rng.below(4) == 0 {
                    rng.pick(DIGITS)
                } else if rng.below(2) == 0 {
                    rng.pick(BUSY)
                } else {
                    rng.pick(LETTERS)
                };
                keys.push(c);
            }
            let mut e = Engine::new(opts);
            let mut text = String::new();
            feed(&mut e, &mut text, &keys);
            apply(&mut text, &e.restore_raw());
            assert_eq!(text, keys, "{opts:?}: Ctrl-R while typing");

            let mut e = Engine::new(opts);
            let mut text = String::new();
            feed(&mut e, &mut text, &format!("{keys} "));
            let ended = text.clone();
            if ended != format!("{keys} ") {
                apply(&mut text, &e.restore_raw());
                assert_eq!(text, format!("{keys} "), "{opts:?}: Ctrl-R after {ended:?}");
            }
            apply(&mut text, &e.restore_raw());
            assert!(is_nfc(&text));
        }
    }
}

/// Backspacing into a word and typing on gives what typing the shorter word would, when the
/// engine could keep in step (the common case: the last key made the last character).
#[test]
fn backspace_then_type_matches_typing_afresh() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let o = Options::default();
    let mut in_step = 0;
    for _ in 0..5000 {
        let mut keys = String::new();
        for _ in 0..2 + rng.below(8) {
            keys.push(rng.pick(BUSY));
        }
        let more = rng.pick(BUSY);
        let mut e = Engine::new(o);
        let mut text = String::new();
        feed(&mut e, &mut text, &keys);
        text.pop();
        e.backspace();
        // Where the shown word without its last character is what the keys minus the last
        // one give, going on must match typing those keys afresh.
        let shorter = &keys[..keys.len() - 1];
        if type_str(&o, shorter) == text {
            in_step += 1;
            feed(&mut e, &mut text, &more.to_string());
            assert_eq!(
                text,
                type_str(&o, &format!("{shorter}{more}")),
                "{keys}⌫{more}"
            );
        }
        assert!(is_nfc(&text));
    }
    assert!(in_step > 1000, "{in_step} cases in step");
}
