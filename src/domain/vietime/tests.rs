//! Engine behaviour beyond the golden tables: edits, word ends, Ctrl-R, backspace.

use super::*;

fn telex() -> Options {
    Options::default()
}

fn vni() -> Options {
    Options {
        method: Method::Vni,
        ..Options::default()
    }
}

/// Types `keys` into `text` through `engine`.
fn feed(engine: &mut Engine, text: &mut String, keys: &str) {
    for c in keys.chars() {
        engine.key(c).apply_to(text);
    }
}

#[test]
fn edits_are_small() {
    let mut e = Engine::new(telex());
    assert_eq!(
        e.key('v'),
        Edit {
            delete: 0,
            insert: "v".into()
        }
    );
    e.key('i');
    e.key('e');
    assert_eq!(
        e.key('e'),
        Edit {
            delete: 1,
            insert: "ê".into()
        }
    );
    e.key('t');
    assert_eq!(
        e.key('j'),
        Edit {
            delete: 2,
            insert: "ệt".into()
        }
    );
    assert!(e.end_word().is_empty());
}

#[test]
fn foreign_words_come_back_at_word_end() {
    let o = telex();
    assert_eq!(type_str(&o, "Windows"), "Ưindows");
    for w in [
        "class", "Windows", "google", "refresh", "wifi", "tests", "Messi", "USD",
    ] {
        assert_eq!(type_str(&o, &format!("{w} ")), format!("{w} "), "{w}");
        assert_eq!(type_str(&o, &format!("{w}.")), format!("{w}."), "{w}");
    }
    assert_eq!(type_str(&o, "data test "), "dât tét ");
    assert_eq!(type_str(&o, "dd 100dd."), "đ 100đ.");
    let mut e = Engine::new(o);
    let mut text = String::new();
    feed(&mut e, &mut text, "google");
    e.end_word().apply_to(&mut text);
    assert_eq!(text, "google");
}

#[test]
fn restore_raw_switches_the_word_and_back() {
    let mut e = Engine::new(telex());
    let mut text = String::new();
    feed(&mut e, &mut text, "data");
    assert_eq!(text, "dât");
    e.restore_raw().apply_to(&mut text);
    assert_eq!(text, "data");
    feed(&mut e, &mut text, "s");
    assert_eq!(text, "datas", "keys after Ctrl-R stay as typed");
    e.restore_raw().apply_to(&mut text);
    assert_eq!(text, "dất", "switching back recomposes every key");
    e.restore_raw().apply_to(&mut text);
    feed(&mut e, &mut text, " ");
    assert_eq!(
        text, "datas ",
        "a word shown as keys is not touched at its end"
    );

    let mut e = Engine::new(telex());
    let mut text = String::new();
    feed(&mut e, &mut text, "test, ");
    assert_eq!(text, "tét, ");
    e.restore_raw().apply_to(&mut text);
    assert_eq!(text, "test, ", "the last word, with what followed it");
    e.restore_raw().apply_to(&mut text);
    assert_eq!(text, "tét, ");
    feed(&mut e, &mut text, "google ");
    e.restore_raw().apply_to(&mut text);
    assert_eq!(text, "tét, gôgle ", "an auto-restored word can go back");
}

#[test]
fn nothing_to_restore() {
    let mut e = Engine::new(telex());
    assert!(e.restore_raw().is_empty());
    e.key('a');
    e.reset();
    assert!(e.restore_raw().is_empty());
    assert!(e.end_word().is_empty());
}

/// Types `keys`, then backspaces `n` times and types `more`, as an editor would.
fn with_backspaces(opts: Options, keys: &str, n: usize, more: &str) -> String {
    let mut e = Engine::new(opts);
    let mut text = String::new();
    feed(&mut e, &mut text, keys);
    for _ in 0..n {
        text.pop();
        e.backspace();
    }
    feed(&mut e, &mut text, more);
    text
}

#[test]
fn backspace_keeps_the_word_in_step() {
    let o = telex();
    assert_eq!(with_backspaces(o, "vieetj", 1, "cs"), "viếc");
    assert_eq!(with_backspaces(o, "vieetj", 1, "c"), "việc");
    assert_eq!(with_backspaces(o, "nguwowif", 1, "i"), "người");
    assert_eq!(with_backspaces(o, "nguwowif", 1, "n"), "ngườn");
    assert_eq!(with_backspaces(o, "hanhj", 1, ""), "hạn");
    assert_eq!(with_backspaces(o, "hanhj", 1, "f"), "hàn");
    assert_eq!(with_backspaces(o, "as", 1, "e"), "e");
    assert_eq!(with_backspaces(o, "Thuow", 1, ""), "Thu");
    assert_eq!(with_backspaces(o, "VIEETJ", 1, "N"), "VIỆN");
    assert_eq!(with_backspaces(o, "reff", 1, "f"), "rè");
    assert_eq!(
        with_backspaces(o, "viet ", 1, "j"),
        "viẹt",
        "back into the word"
    );
    assert_eq!(
        with_backspaces(o, "a  ", 1, "s"),
        "a s",
        "still after a space"
    );
    assert_eq!(with_backspaces(vni(), "vie65t", 1, "n"), "viện");
    assert_eq!(with_backspaces(vni(), "d9uong72", 2, "n"), "đườn");
}

#[test]
fn the_issue_cases() {
    let o = telex();
    for (keys, want) in [
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
        ("data", "dât"),
        ("test", "tét"),
    ] {
        assert_eq!(type_str(&o, keys), want, "{keys}");
    }
    let new = Options {
        style: ToneStyle::New,
        ..o
    };
    assert_eq!(
        type_str(&new, "hoaf khoer thuys hoangf"),
        "hoà khoẻ thuý hoàng"
    );
    let no_w = Options {
        w_alone_is_u: false,
        ..o
    };
    assert_eq!(type_str(&no_w, "w uw tuw"), "w ư tư");
    for (keys, want) in [
        ("a1", "á"),
        ("a11", "a1"),
        ("vie65t", "việt"),
        ("d9uong72", "đường"),
        ("d9u7o7ng2", "đường"),
        ("quy1", "quý"),
        ("giu74", "giữ"),
    ] {
        assert_eq!(type_str(&vni(), keys), want, "{keys}");
    }
}
