//! Which article an imported document lands in, against real SQLite files: the file it came
//! from (or its explicit slug) is its identity, never a title that happens to match; a
//! document equal to its article writes nothing; databases from before sources were recorded
//! keep matching by slug.

mod support;

use chrono::{DateTime, TimeZone, Utc};
use newsdesk::domain::frontmatter::Imported;
use newsdesk::domain::{ArticleFields, Status};
use newsdesk::store::migrate::migrate_to;
use newsdesk::store::{Collision, ImportOutcome, ImportResult, Store, StoreError};
use proptest::prelude::*;
use rusqlite::Connection;
use support::store::{fresh, hoa};

/// 26 November 2026, `h:00` UTC.
fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, h, 0, 0).unwrap()
}

/// A document as `parse_document` gives it: title, body, and an explicit slug if any.
fn doc(title: &str, slug: Option<&str>, body: &str) -> Imported {
    Imported {
        fields: ArticleFields {
            slug: slug.map(String::from),
            title: title.into(),
            body: body.into(),
            ..Default::default()
        },
        status: Some(Status::Draft),
        draft: false,
    }
}

/// Imports `docs`, each from the file named beside it.
fn import(store: &mut Store, docs: &[(&str, Imported)]) -> Vec<ImportResult> {
    import_with(store, docs, false)
}

fn import_with(store: &mut Store, docs: &[(&str, Imported)], skip: bool) -> Vec<ImportResult> {
    let sources: Vec<String> = docs.iter().map(|(s, _)| s.to_string()).collect();
    let docs: Vec<Imported> = docs.iter().map(|(_, d)| d.clone()).collect();
    store.import_from(&docs, &sources, skip, &hoa()).unwrap()
}

fn slug_of(r: &ImportResult) -> &str {
    match r {
        Ok(
            ImportOutcome::Created { slug, .. }
            | ImportOutcome::Updated { slug, .. }
            | ImportOutcome::Unchanged { slug, .. }
            | ImportOutcome::Skipped { slug, .. },
        ) => slug,
        Err(e) => panic!("refused: {e}"),
    }
}

fn kind(r: &ImportResult) -> &'static str {
    match r {
        Ok(ImportOutcome::Created { .. }) => "created",
        Ok(ImportOutcome::Updated { .. }) => "updated",
        Ok(ImportOutcome::Unchanged { .. }) => "unchanged",
        Ok(ImportOutcome::Skipped { .. }) => "skipped",
        Err(_) => "refused",
    }
}

fn kinds(results: &[ImportResult]) -> Vec<&'static str> {
    results.iter().map(kind).collect()
}

fn article_count(store: &Store) -> i64 {
    store
        .connection()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn two_files_with_one_title_are_two_articles_and_the_second_names_the_first() {
    let (_dir, mut store) = fresh();
    let files = [
        ("a/Language.md", doc("Language", None, "Alpha.")),
        ("b/Language.md", doc("Language", None, "Beta.")),
    ];
    let results = import(&mut store, &files);
    assert_eq!(kinds(&results), ["created", "created"]);
    assert_eq!(slug_of(&results[1]), "language-2");
    match &results[1] {
        Ok(ImportOutcome::Created { collided, .. }) => assert_eq!(
            collided,
            &Some(Collision {
                slug: "language".into(),
                source: Some("a/Language.md".into()),
            })
        ),
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(
            &results[0],
            Ok(ImportOutcome::Created { collided: None, .. })
        ),
        "{:?}",
        results[0]
    );
    assert_eq!(store.find("language").unwrap().body, "Alpha.");
    assert_eq!(store.find("language-2").unwrap().body, "Beta.");

    // Again, in the other order within the batch: each file still finds its own article.
    let again = [files[1].clone(), files[0].clone()];
    let results = import(&mut store, &again);
    assert_eq!(kinds(&results), ["unchanged", "unchanged"]);
    assert_eq!(slug_of(&results[0]), "language-2");
    assert_eq!(article_count(&store), 2);
}

#[test]
fn an_unchanged_document_writes_nothing_and_an_edit_is_one_revision() {
    let (_dir, mut store) = fresh();
    let mut dated = doc("Hội nghị", None, "Nội dung.");
    // A date with a fraction of a second is stored to the second; still the same.
    dated.fields.publish_at = Some(at(8) + chrono::Duration::milliseconds(250));
    dated.fields.tags = vec!["Dân vận".into(), "hội nghị".into()];
    let files = [
        ("hoi-nghi.md", dated),
        ("tin.md", doc("Tin", Some("tin"), "Một.")),
    ];
    import(&mut store, &files);
    let conn_changes = |s: &Store| s.connection().total_changes();
    let before = conn_changes(&store);
    let results = import(&mut store, &files);
    assert_eq!(kinds(&results), ["unchanged", "unchanged"]);
    assert_eq!(conn_changes(&store), before, "no row was written");
    for r in &results {
        let a = store.find(slug_of(r)).unwrap();
        assert_eq!(a.version, 1);
        assert!(store.history(a.id).unwrap().is_empty());
    }

    // One field differs, the status alone included: one update each, one revision each.
    let mut edited = files.clone();
    edited[0].1.fields.lede = "Tóm tắt.".into();
    edited[1].1.status = Some(Status::Review);
    let results = import(&mut store, &edited);
    assert_eq!(kinds(&results), ["updated", "updated"]);
    let tin = store.find("tin").unwrap();
    assert_eq!((tin.status, tin.version), (Status::Review, 2));
    assert_eq!(store.history(tin.id).unwrap().len(), 1);
    assert_eq!(
        kinds(&import(&mut store, &edited)),
        ["unchanged", "unchanged"]
    );
}

#[test]
fn two_files_naming_one_slug_refuse_the_second_naming_the_first() {
    let (_dir, mut store) = fresh();
    let one = ("a/x.md", doc("Tin một", Some("tin"), "Một."));
    let two = ("b/y.md", doc("Tin hai", Some("tin"), "Hai."));
    let results = import(&mut store, &[one.clone(), two.clone()]);
    assert_eq!(kinds(&results), ["created", "refused"]);
    let refused = |r: &ImportResult| match r {
        Err(StoreError::SlugOfOtherFile { slug, file }) => (slug.clone(), file.clone()),
        other => panic!("{other:?}"),
    };
    assert_eq!(refused(&results[1]), ("tin".into(), "a/x.md".into()));
    // In a later run too, and with --skip-existing.
    for skip in [false, true] {
        let results = import_with(&mut store, std::slice::from_ref(&two), skip);
        assert_eq!(refused(&results[0]), ("tin".into(), "a/x.md".into()));
    }
    let tin = store.find("tin").unwrap();
    assert_eq!((tin.body.as_str(), tin.version), ("Một.", 1));

    // A copy identical to the article changes nothing, so it is let through; the article is
    // still the first file's.
    let copy = ("c/copy.md", one.1.clone());
    assert_eq!(kinds(&import(&mut store, &[copy])), ["unchanged"]);
    let edited = ("a/x.md", doc("Tin một", Some("tin"), "Một, sửa."));
    assert_eq!(kinds(&import(&mut store, &[edited])), ["updated"]);
}

#[test]
fn a_file_that_changes_its_slug_renames_its_article() {
    let (_dir, mut store) = fresh();
    import(&mut store, &[("a.md", doc("Tin", None, "Một."))]);
    let id = store.find("tin").unwrap().id;
    let results = import(&mut store, &[("a.md", doc("Tin", Some("tin-moi"), "Một."))]);
    assert_eq!(kinds(&results), ["updated"]);
    assert_eq!(store.find("tin-moi").unwrap().id, id);
    assert_eq!(article_count(&store), 1);
}

#[test]
fn skip_existing_skips_a_file_seen_before_and_imports_a_new_one() {
    let (_dir, mut store) = fresh();
    import(
        &mut store,
        &[("a/Language.md", doc("Language", None, "Alpha."))],
    );
    let results = import_with(
        &mut store,
        &[
            ("a/Language.md", doc("Language", None, "Alpha 2.")),
            ("b/Language.md", doc("Language", None, "Beta.")),
        ],
        true,
    );
    assert_eq!(kinds(&results), ["skipped", "created"]);
    assert_eq!(store.find("language").unwrap().body, "Alpha.");
}

/// Articles written here, or imported before sources were recorded, have none: a file finds
/// them by slug as before, and owns them from then on.
#[test]
fn an_article_without_a_source_is_found_by_slug_once() {
    let (_dir, mut store) = fresh();
    let typed = store
        .create(
            &ArticleFields {
                title: "Language".into(),
                body: "Typed.".into(),
                ..Default::default()
            },
            Status::Draft,
            &hoa(),
        )
        .unwrap();
    let results = import(
        &mut store,
        &[("a/Language.md", doc("Language", None, "Alpha."))],
    );
    assert_eq!(kinds(&results), ["updated"]);
    assert_eq!(store.find("language").unwrap().id, typed.id);
    let results = import(
        &mut store,
        &[
            ("b/Language.md", doc("Language", None, "Beta.")),
            ("a/Language.md", doc("Language", None, "Alpha.")),
        ],
    );
    assert_eq!(kinds(&results), ["created", "unchanged"]);
    assert_eq!(store.find("language-2").unwrap().body, "Beta.");
    // Documents handed over without a source match by slug, as `import_many` always did.
    let results = store
        .import_many(&[doc("Language", None, "Gamma.")], false, &hoa())
        .unwrap();
    assert_eq!(kinds(&results), ["updated"]);
    assert_eq!(store.find("language").unwrap().body, "Gamma.");
}

/// A database at schema 7 (before the source column), with an article in it: opened, it is
/// migrated, and an import finds the article by slug.
#[test]
fn a_database_from_before_sources_imports_by_slug() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 0, 7).unwrap();
        conn.execute(
            "INSERT INTO articles (id, slug, title, title_key, body, status, created_at,
                 created_by, updated_at, updated_by, version, word_count)
             VALUES (9, 'tin', 'Tin', 'tin', 'Cũ.', 'draft', 0, 'hoa', 0, 'hoa', 1, 1)",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let results = import(&mut store, &[("t.md", doc("Tin", Some("tin"), "Mới."))]);
    assert_eq!(kinds(&results), ["updated"]);
    let tin = store.find("tin").unwrap();
    assert_eq!((tin.id, tin.body.as_str()), (9, "Mới."));
    let results = import(&mut store, &[("t.md", doc("Tin", Some("tin"), "Mới."))]);
    assert_eq!(kinds(&results), ["unchanged"]);
}

/// One step of a generated import history: which file, which title, an explicit slug or not,
/// which text.
fn step() -> impl Strategy<Value = (usize, usize, Option<usize>, usize)> {
    (0..4usize, 0..2usize, prop::option::of(0..3usize), 0..2usize)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever files, titles and slugs a run of imports brings: no batch fails as a whole,
    /// no file ever lands in an article another file made, and importing the last state of
    /// every file again changes nothing.
    #[test]
    fn each_file_keeps_its_own_article(
        batches in prop::collection::vec(prop::collection::vec(step(), 1..5), 1..4)
    ) {
        let (_dir, mut store) = fresh();
        let files = ["a/x.md", "b/x.md", "c.md", "d/e/f.md"];
        let titles = ["Language", "Ngôn ngữ"];
        let slugs = ["tin", "language", "language-2"];
        // The article each file made, once it made one.
        let mut owner: [Option<i64>; 4] = [None; 4];
        let mut last: Vec<Option<Imported>> = vec![None; 4];
        for batch in &batches {
            let docs: Vec<(&str, Imported)> = batch
                .iter()
                .map(|&(f, t, s, b)| {
                    (files[f], doc(titles[t], s.map(|s| slugs[s]), ["Một.", "Hai."][b]))
                })
                .collect();
            let results = import(&mut store, &docs);
            for (&(f, ..), (r, (_, d))) in batch.iter().zip(results.iter().zip(&docs)) {
                let Ok(outcome) = r else { continue };
                let id = match outcome {
                    ImportOutcome::Created { id, .. }
                    | ImportOutcome::Updated { id, .. }
                    | ImportOutcome::Unchanged { id, .. }
                    | ImportOutcome::Skipped { id, .. } => *id,
                };
                let others = owner.iter().enumerate().any(|(g, o)| g != f && *o == Some(id));
                if others && matches!(outcome, ImportOutcome::Unchanged { .. }) {
                    // A copy identical to another file's article: nothing was written.
                    continue;
                }
                prop_assert!(!others, "file {f} landed in another file's article");
                prop_assert!(owner[f].is_none_or(|o| o == id), "file {f} moved article");
                owner[f] = Some(id);
                last[f] = Some(d.clone());
            }
        }
        let again: Vec<(&str, Imported)> = last
            .iter()
            .enumerate()
            .filter_map(|(f, d)| Some((files[f], d.clone()?)))
            .collect();
        for r in import(&mut store, &again) {
            prop_assert!(
                matches!(r, Ok(ImportOutcome::Unchanged { .. })),
                "{:?}", r
            );
        }
    }
}
