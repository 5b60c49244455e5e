use super::*;

#[test]
fn refuses_bad_values_with_reasons() {
    let e = validate("colour", "red").unwrap_err().to_string();
    assert!(
        e.contains("colour") && e.contains("base_url") && e.contains("footer_extra"),
        "{e}"
    );
    for (k, v) in [
        ("base_url", "ftp://x.org"),
        ("base_url", "javascript:alert(1)"),
        ("base_url", "https://"),
        ("base_url", "https://a.org/\"><script>"),
        ("per_page", "0"),
        ("per_page", "501"),
        ("per_page", "ten"),
        ("media_max_mb", "0"),
        ("media_max_mb", "2.5"),
        ("language", "fr"),
        ("timezone", "+25:00"),
        ("title", "  "),
    ] {
        assert!(validate(k, v).is_err(), "{k}={v}");
    }
    assert_eq!(
        validate("base_url", "https://tin.vn/").unwrap(),
        "https://tin.vn"
    );
    assert_eq!(
        validate("BASE_URL", "http://a.b/c").unwrap(),
        "http://a.b/c"
    );
    assert_eq!(validate("timezone", "+7").unwrap(), "+07:00");
    assert_eq!(validate("timezone", "-0530").unwrap(), "-05:30");
    assert_eq!(validate("per_page", " 12 ").unwrap(), "12");
    for (given, stored) in [
        ("90", "90s"),
        ("120s", "2m"),
        ("10M", "10m"),
        ("60m", "1h"),
        ("24h", "24h"),
        ("1", "1s"),
    ] {
        assert_eq!(validate("sync_timeout", given).unwrap(), stored, "{given}");
    }
    for bad in [
        "0",
        "0s",
        "-5",
        "ten",
        "5x",
        "25h",
        "1.5m",
        "m",
        "",
        "99999999999999999999h",
    ] {
        assert!(validate("sync_timeout", bad).is_err(), "{bad}");
    }
    let mut m = BTreeMap::new();
    assert_eq!(sync_timeout(&m).unwrap(), Duration::from_secs(600));
    m.insert("sync_timeout".to_string(), "2m".to_string());
    assert_eq!(sync_timeout(&m).unwrap(), Duration::from_secs(120));
}

#[test]
fn defaults_and_stored_values() {
    let s = Settings::default();
    assert_eq!(Settings::from_map(&BTreeMap::new()).unwrap(), s);
    assert_eq!(
        (s.per_page, s.language, s.timezone.local_minus_utc()),
        (20, Language::Vi, 7 * 3600)
    );
    let mut m = BTreeMap::new();
    m.insert("footer_extra".to_string(), "một\\nhai\n\nba".to_string());
    m.insert("language".to_string(), "en".to_string());
    let s = Settings::from_map(&m).unwrap();
    assert_eq!(s.footer.extra, ["một", "hai", "ba"]);
    assert_eq!(s.language, Language::En);
    m.insert("per_page".to_string(), "0".to_string());
    let e = Settings::from_map(&m).unwrap_err().to_string();
    assert!(e.contains("newsdesk site set per_page"), "{e}");
}

#[test]
fn offsets_cut_inside_a_letter_are_refused_not_a_panic() {
    for v in [
        "+aé7", "-é", "+1é", "+é:00", "++7", "+ 7", "+07:", "+:30", "+123:00", "-0é30",
    ] {
        assert!(validate("timezone", v).is_err(), "{v}");
    }
    assert_eq!(validate("timezone", "-05:30").unwrap(), "-05:30");
    assert_eq!(validate("timezone", "+0700").unwrap(), "+07:00");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
    /// Whatever is typed for whatever key: a value or a refusal, never a panic.
    #[test]
    fn any_value_for_any_key_is_checked_without_panicking(
        k in 0..KEYS.len(),
        v in "[+\\-:0-9a-zé ắđ\\n\\r\\t\\x00]{0,12}|\\PC{0,40}",
    ) {
        let _ = validate(KEYS[k].0, &v);
        let _ = parse_offset(&v);
    }
}
