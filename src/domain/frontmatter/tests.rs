//! `parse_document` on what editors write and what attackers write.
use super::*;
use chrono::TimeZone;

fn vn() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap()
}

#[test]
fn hugo_yaml() {
    let doc = "---\ntitle: \"Hội nghị “Dân vận khéo”\"\ndate: 2026-11-20T08:30:00+07:00\ndraft: true\ncategories: [\"Dân vận\", \"Tin\"]\ntags:\n  - dân vận\n  - hội nghị\nauthor: Nguyễn Văn A\nsummary: Tóm tắt.\nsigned_by: Ban Dân vận Huyện ủy\n---\nNội dung **đậm**.\n";
    let imp = parse_document(doc, vn()).unwrap();
    assert_eq!(imp.fields.title, "Hội nghị “Dân vận khéo”");
    assert_eq!(imp.fields.section, "Dân vận");
    assert_eq!(imp.fields.tags, vec!["dân vận", "hội nghị"]);
    assert_eq!(imp.fields.byline, "Nguyễn Văn A");
    assert_eq!(imp.fields.lede, "Tóm tắt.");
    assert_eq!(imp.fields.signed_by, "Ban Dân vận Huyện ủy");
    assert_eq!(imp.fields.body, "Nội dung **đậm**.\n");
    assert_eq!(
        imp.fields.publish_at,
        Some(Utc.with_ymd_and_hms(2026, 11, 20, 1, 30, 0).unwrap())
    );
    assert_eq!(imp.status(Utc::now()), Status::Draft);
}

#[test]
fn zola_toml_and_jekyll_keys() {
    let doc = "+++\ntitle = \"Tin mới\"\ndate = 2026-11-20\ndescription = \"Mô tả\"\n[taxonomies]\ncategories = [\"Kinh tế\"]\ntags = [\"a\", \"b\"]\n+++\nBody";
    let imp = parse_document(doc, vn()).unwrap();
    assert_eq!(imp.fields.section, "Kinh tế");
    assert_eq!(imp.fields.tags, vec!["a", "b"]);
    assert_eq!(imp.fields.lede, "Mô tả");
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap();
    assert_eq!(imp.status(now), Status::Published);
    let before = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    assert_eq!(imp.status(before), Status::Scheduled);

    let jekyll = "---\ntitle: Post\nauthors: [A, B]\ncategory: News\ndate: 2026-11-20 10:00:00 +0700\n---\nx";
    let imp = parse_document(jekyll, vn()).unwrap();
    assert_eq!(imp.fields.byline, "A, B");
    assert_eq!(imp.fields.section, "News");
}

#[test]
fn refusals_name_the_problem() {
    let cases = [
        ("---\ntitle: [unclosed\n---\n", "YAML"),
        ("+++\ntitle = \n+++\n", "TOML"),
        ("---\ntitle: x\n", "never closed"),
        ("---\nslug: x\n---\nbody", "title"),
        ("no front matter", "title"),
        ("---\ntitle: x\ndate: tomorrow\n---\n", "tomorrow"),
        ("---\ntitle: x\nstatus: live\n---\n", "live"),
        ("---\ntitle: x\nslug: ../../etc\n---\n", "slug"),
    ];
    for (doc, want) in cases {
        let err = parse_document(doc, vn()).unwrap_err().to_string();
        assert!(err.contains(want), "{doc:?} gave {err:?}");
    }
}

#[test]
fn nfd_front_matter_comes_out_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let doc: String = "---\ntitle: Đảng ủy xã\n---\nThẩm định".nfd().collect();
    let imp = parse_document(&doc, vn()).unwrap();
    assert_eq!(imp.fields.title, "Đảng ủy xã");
    assert_eq!(imp.fields.body, "Thẩm định");
}

fn problem(doc: &str) -> FrontMatterError {
    match parse_document(doc, vn()) {
        Err(DomainError::BadFrontMatter(p)) => p,
        other => panic!("{doc:?} gave {other:?}"),
    }
}

#[test]
fn a_control_character_refuses_the_file_naming_its_line() {
    // The NUL used to end the YAML, dropping `draft: true`: the file imported as published.
    let p = problem("---\ntitle: X\0\ndraft: true\n---\nbody\n");
    assert_eq!(p, FrontMatterError::ControlChar { line: 2, code: 0 });
    assert!(
        p.to_string().contains("line 2") && p.to_string().contains("U+0000"),
        "{p}"
    );
    let cases = [
        ("---\ntitle: \"\u{1b}[31mĐỏ\"\n---\nx", 2, 0x1b),
        ("---\ntitle: Tin\u{85}\n---\nx", 2, 0x85),
        ("---\ntitle: x\n---\nmột\nhai\u{7f}\n", 5, 0x7f),
        ("\u{feff}+++\r\ntitle = \"x\"\r\n+++\r\nbody\u{7}\r\n", 4, 7),
        // Escapes make them too: the line the value starts on.
        ("---\ntags: [a]\ntitle: \"Tin\\0\"\n---\nx", 3, 0),
        ("---\ntitle: \"a\\x01\"\n---\nx", 2, 1),
        (
            "+++\ntitle = \"x\"\n\nsummary = \"\\u001b\"\n+++\nx",
            4,
            0x1b,
        ),
        (
            "+++\ntitle = \"x\"\n[extra]\n\"k\\u0000\" = 1\n+++\nx",
            4,
            0,
        ),
    ];
    for (doc, line, code) in cases {
        assert_eq!(
            problem(doc),
            FrontMatterError::ControlChar { line, code },
            "{doc:?}"
        );
    }
    // Tabs, CR and LF are text.
    let imp = parse_document("---\r\ntitle: \"a\\tb\"\r\n---\r\n\tThụt lề\r\n", vn()).unwrap();
    assert!(
        imp.fields.body.contains("\tThụt lề"),
        "{:?}",
        imp.fields.body
    );
}

/// Runs `f` on a thread with a quarter of the import thread's 2 MiB stack: the YAML reader does
/// not recurse per level, and the toml crate recurses only up to its own limit of 80 levels
/// (under 512 KiB in a debug build).
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(512 << 10)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn nesting_past_the_limit_is_refused_not_overflowed() {
    let n = 5000;
    let docs = [
        format!("---\ntitle: x\nj:\n{}1\n---\n", "- ".repeat(n)),
        format!("---\ntitle: x\n{}a\n---\n", "? ".repeat(n)),
        format!(
            "---\ntitle: x\nj: {}1{}\n---\n",
            "[".repeat(n),
            "]".repeat(n)
        ),
        format!(
            "---\ntitle: x\nj: {}1{}\n---\n",
            "{a: ".repeat(40),
            "}".repeat(40)
        ),
        format!(
            "+++\ntitle = \"x\"\nj = {}1{}\n+++\n",
            "[".repeat(n),
            "]".repeat(n)
        ),
        // Under the toml crate's own limit of 80, over ours.
        format!(
            "+++\ntitle = \"x\"\nj = {}1{}\n+++\n",
            "[".repeat(40),
            "]".repeat(40)
        ),
        format!(
            "+++\ntitle = \"x\"\n[{}]\nb = 1\n+++\n",
            vec!["a"; 40].join(".")
        ),
    ];
    for doc in docs {
        let p = small_stack(move || problem(&doc));
        assert!(
            matches!(
                p,
                FrontMatterError::TooDeep {
                    limit: MAX_DEPTH,
                    ..
                }
            ),
            "{p:?}"
        );
    }
    let p = problem(&format!("---\ntitle: x\nj:\n{}1\n---\n", "- ".repeat(40)));
    assert_eq!(p, FrontMatterError::TooDeep { line: 4, limit: 32 });
    // 31 levels under the top-level keys (32 in all) are fine, in both languages.
    let ok = format!(
        "---\ntitle: x\nj: {}1{}\n---\n",
        "[".repeat(31),
        "]".repeat(31)
    );
    assert!(parse_document(&ok, vn()).is_ok());
    let ok = format!(
        "+++\ntitle = \"x\"\nj = {}1{}\n+++\n",
        "[".repeat(31),
        "]".repeat(31)
    );
    assert!(parse_document(&ok, vn()).is_ok());
}

#[test]
fn aliases_count_as_the_values_they_stand_for() {
    let mut laughs =
        String::from("---\ntitle: lol\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for l in 1..9 {
        let refs = vec![format!("*a{}", l - 1); 9].join(", ");
        laughs.push_str(&format!("a{l}: &a{l} [{refs}]\n"));
    }
    laughs.push_str("---\nbody\n");
    // The fifth anchor (line 7) stands for over 9^5 values: past the budget.
    assert_eq!(
        problem(&laughs),
        FrontMatterError::TooManyValues {
            line: 7,
            limit: MAX_VALUES
        }
    );
    // An alias of a deep anchor, placed deep, is as deep as what it stands for.
    let deep = format!(
        "---\ntitle: x\na: &a {}1{}\nb: {}*a{}\n---\n",
        "[".repeat(20),
        "]".repeat(20),
        "[".repeat(20),
        "]".repeat(20)
    );
    assert!(matches!(
        problem(&deep),
        FrontMatterError::TooDeep { line: 4, .. }
    ));
    let imp = parse_document(
        "---\ntitle: x\nkeywords: &k [dân vận, tin]\ntags: *k\nsection: &s Tin\ncategory: *s\n---\n",
        vn(),
    )
    .unwrap();
    assert_eq!(imp.fields.tags, ["dân vận", "tin"]);
    assert_eq!(imp.fields.section, "Tin");
}

#[test]
fn front_matter_is_bounded_in_size() {
    let at = |value_len: usize| {
        // "---\n" + "title: x\nsummary: " + value + "\n" is the front matter.
        format!("---\ntitle: x\nsummary: {}\n---\n", "x".repeat(value_len))
    };
    let fixed = "title: x\nsummary: \n".len();
    assert!(parse_document(&at(MAX_FRONT_MATTER - fixed), vn()).is_ok());
    assert_eq!(
        problem(&at(MAX_FRONT_MATTER - fixed + 1)),
        FrontMatterError::TooLarge {
            bytes: MAX_FRONT_MATTER + 1,
            limit: MAX_FRONT_MATTER
        }
    );
    // The body is not front matter: a long article is fine.
    let long = format!("---\ntitle: x\n---\n{}", "chữ ".repeat(1 << 18));
    assert!(parse_document(&long, vn()).is_ok());
}

#[test]
fn draft_reads_yes_no_words_and_refuses_the_rest() {
    let draft = |v: &str| parse_document(&format!("---\ntitle: x\ndraft: {v}\n---\n"), vn());
    for (v, want) in [
        ("true", true),
        ("\"yes\"", true),
        ("YES", true),
        ("'On'", true),
        ("y", true),
        ("1", true),
        ("false", false),
        ("\"no\"", false),
        ("Off", false),
        ("N", false),
        ("0", false),
    ] {
        assert_eq!(draft(v).map(|i| i.draft), Ok(want), "{v}");
    }
    for (v, shown) in [
        ("maybe", "maybe"),
        ("\"\"", ""),
        ("", ""),
        ("~", ""),
        ("2", "2"),
        ("[true]", "[true]"),
        ("{a: 1}", "{…}"),
    ] {
        assert_eq!(
            draft(v),
            Err(bad(FrontMatterError::BadDraft(shown.into()))),
            "{v}"
        );
    }
    let toml = |v: &str| parse_document(&format!("+++\ntitle = \"x\"\ndraft = {v}\n+++\n"), vn());
    assert_eq!(toml("\"yes\"").map(|i| i.draft), Ok(true));
    assert_eq!(toml("1").map(|i| i.draft), Ok(true));
    assert_eq!(toml("false").map(|i| i.draft), Ok(false));
    assert!(toml("2").is_err() && toml("\"nope\"").is_err());
}

#[test]
fn dates_and_keys_are_never_guessed() {
    let err = parse_document("---\ntitle: x\ndate: +10000-01-01\n---\n", vn()).unwrap_err();
    assert_eq!(err, DomainError::TimeOutOfRange("+10000-01-01".into()));
    let err = parse_document("+++\ntitle = \"x\"\ndate = 0999-01-01\n+++\n", vn()).unwrap_err();
    assert!(matches!(err, DomainError::TimeOutOfRange(_)), "{err:?}");
    for doc in [
        "---\ntitle: x\ndraft: true\ndraft: false\n---\n",
        "---\ntitle: x\nDraft: true\ndraft: false\n---\n",
        "+++\ntitle = \"x\"\nDraft = true\ndraft = false\n+++\n",
    ] {
        assert_eq!(
            problem(doc),
            FrontMatterError::DuplicateKey("draft".into()),
            "{doc}"
        );
    }
    // A key without a value stands aside for the next key of the same meaning.
    let imp = parse_document("---\ntitle: x\ndate:\npublishdate: 2026-01-02\n---\n", vn()).unwrap();
    assert!(imp.fields.publish_at.is_some());
    // A plain number stays as written.
    let imp = parse_document("---\ntitle: 007\n---\n", vn()).unwrap();
    assert_eq!(imp.fields.title, "007");
}
