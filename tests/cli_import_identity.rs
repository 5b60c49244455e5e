//! Which article a file imports into, through the built binary: the same file (its explicit
//! slug, else its path under the folder named) is the same article, a title that happens to
//! match is not, and a file that has not changed writes nothing.

mod support;

use std::path::Path;
use std::process::Output;

use support::cli::{Desk, SAMPLE, command, expect_code, stderr, stdout};
use unicode_normalization::UnicodeNormalization;

/// The rows `history` prints under its header: the first column of each ("now", "2", "1"…).
fn history(desk: &Desk, slug: &str) -> Vec<String> {
    desk.ok(&["history", slug])
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .collect()
}

/// `newsdesk --db DB import ARG` run from `cwd`.
fn import_from(desk: &Desk, cwd: &Path, arg: &str) -> Output {
    command()
        .current_dir(cwd)
        .arg("--db")
        .arg(&desk.db)
        .args(["import", arg])
        .output()
        .expect("run newsdesk")
}

/// The summary line: the last line of stdout.
fn summary(out: &str) -> &str {
    out.lines().last().unwrap_or_default()
}

#[test]
fn same_title_files_in_two_folders_are_two_articles_and_the_collision_is_named() {
    let desk = Desk::new();
    desk.write("site/a/Language.md", "---\ntitle: Language\n---\nAlpha.\n");
    desk.write("site/b/Language.md", "---\ntitle: Language\n---\nBeta.\n");
    let site = desk.path("site");
    let said = desk.ok(&["import", site.to_str().unwrap()]);
    assert!(summary(&said).contains("2 new, 0 updated"), "{said}");
    assert_eq!(desk.slugs(), ["language", "language-2"]);
    assert_eq!(desk.show("language")["body"], "Alpha.\n");
    assert_eq!(desk.show("language-2")["body"], "Beta.\n");
    // The collision is named: the second file, the slug it wanted, the file that has it, and
    // the slug it got.
    let second = desk.path("site/b/Language.md").display().to_string();
    let line = said
        .lines()
        .find(|l| l.contains(&second))
        .unwrap_or_else(|| panic!("no line names {second}:\n{said}"));
    for part in ["a/Language.md", "language", "language-2"] {
        assert!(line.contains(part), "{part} missing from {line:?}");
    }

    // The same folder again, named from elsewhere: each file finds its own article.
    let out = import_from(&desk, desk.dir.path(), "site");
    expect_code(&out, 0, "re-import from the desk folder");
    assert!(
        summary(&stdout(&out)).contains("0 new, 0 updated, 2 unchanged"),
        "{}",
        stdout(&out)
    );
    desk.write(
        "site/b/Language.md",
        "---\ntitle: Language\n---\nBeta, edited.\n",
    );
    let out = import_from(&desk, &site, ".");
    expect_code(&out, 0, "re-import from inside the folder");
    assert!(
        summary(&stdout(&out)).contains("0 new, 1 updated, 1 unchanged"),
        "{}",
        stdout(&out)
    );
    assert_eq!(desk.show("language")["body"], "Alpha.\n");
    assert_eq!(desk.show("language-2")["body"], "Beta, edited.\n");
    assert_eq!(desk.list().len(), 2);
}

#[test]
fn reimporting_unchanged_files_writes_nothing_and_one_edit_is_one_update() {
    let desk = Desk::with_sample();
    let slugs = desk.slugs();
    assert_eq!(slugs.len(), 8);
    let said = desk.ok(&["import", SAMPLE]);
    assert!(
        summary(&said).contains("0 new, 0 updated, 8 unchanged, 0 skipped, 0 failed"),
        "{said}"
    );
    for slug in &slugs {
        assert_eq!(history(&desk, slug), ["now"], "{slug} gained a revision");
        assert_eq!(desk.show(slug)["version"], 1, "{slug}");
    }

    // A copy of the folder, one file in NFD and one edited.
    let copy = desk.path("copy");
    std::fs::create_dir_all(&copy).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(SAMPLE)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 8);
    let fresh = Desk::new();
    fresh.ok(&["import", SAMPLE]);
    for (i, p) in names.iter().enumerate() {
        let text = std::fs::read_to_string(p).unwrap();
        let text = match i {
            0 => text.nfd().collect::<String>(),
            1 => format!("{text}\nMột câu thêm.\n"),
            _ => text,
        };
        std::fs::write(copy.join(p.file_name().unwrap()), text).unwrap();
    }
    let said = fresh.ok(&["import", copy.to_str().unwrap()]);
    assert!(
        summary(&said).contains("0 new, 1 updated, 7 unchanged"),
        "{said}"
    );
    let revised: Vec<&String> = slugs
        .iter()
        .filter(|s| history(&fresh, s).len() > 1)
        .collect();
    assert_eq!(revised.len(), 1, "exactly one article has a revision");
}

#[test]
fn two_files_naming_one_slug_refuse_the_second_in_one_run_and_across_runs() {
    let desk = Desk::new();
    desk.write("in/a/x.md", "---\ntitle: Tin một\nslug: tin\n---\nMột.\n");
    desk.write("in/b/y.md", "---\ntitle: Tin hai\nslug: tin\n---\nHai.\n");
    let dir = desk.path("in");
    let out = desk.run(&["import", dir.to_str().unwrap()]);
    expect_code(&out, 1, "two files with one slug");
    assert!(summary(&stdout(&out)).contains("1 new"), "{}", stdout(&out));
    assert!(
        summary(&stdout(&out)).contains("1 failed"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    let second = desk.path("in/b/y.md").display().to_string();
    assert!(
        err.lines()
            .any(|l| l.starts_with(&second) && l.contains("a/x.md") && l.contains("tin")),
        "{err}"
    );
    assert_eq!(desk.show("tin")["body"], "Một.\n");

    // Across runs: the first file alone, then the second joins it.
    let other = Desk::new();
    other.write("in/a/x.md", "---\ntitle: Tin một\nslug: tin\n---\nMột.\n");
    other.ok(&["import", other.path("in").to_str().unwrap()]);
    other.write("in/b/y.md", "---\ntitle: Tin hai\nslug: tin\n---\nHai.\n");
    let out = other.run(&["import", other.path("in").to_str().unwrap()]);
    expect_code(&out, 1, "the second file in a later run");
    assert!(
        summary(&stdout(&out)).contains("0 new, 0 updated, 1 unchanged, 0 skipped, 1 failed"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("a/x.md"), "{}", stderr(&out));
    assert_eq!(other.show("tin")["body"], "Một.\n");
    assert_eq!(other.show("tin")["version"], 1);
}

#[test]
fn skip_existing_skips_the_files_already_imported_and_takes_new_ones() {
    let desk = Desk::new();
    desk.write("in/a/Language.md", "---\ntitle: Language\n---\nAlpha.\n");
    let dir = desk.path("in");
    let dir = dir.to_str().unwrap();
    desk.ok(&["import", dir]);
    desk.write("in/a/Language.md", "---\ntitle: Language\n---\nAlpha 2.\n");
    desk.write("in/b/Language.md", "---\ntitle: Language\n---\nBeta.\n");
    let said = desk.ok(&["import", "--skip-existing", dir]);
    assert!(summary(&said).contains("1 new, 0 updated"), "{said}");
    assert!(summary(&said).contains("1 skipped"), "{said}");
    assert_eq!(desk.show("language")["body"], "Alpha.\n");
    assert_eq!(desk.show("language-2")["body"], "Beta.\n");
}

/// A database written before sources were recorded: its articles have none, and a file still
/// finds its article by slug (and from then on by its path).
#[test]
fn articles_from_an_older_database_still_update_by_slug() {
    let desk = Desk::new();
    {
        let mut conn = rusqlite::Connection::open(&desk.db).unwrap();
        newsdesk::store::migrate::migrate_to(&mut conn, 0, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, slug, title, title_key, body, status, created_at,
                 created_by, updated_at, updated_by, version, word_count)
             VALUES (5, 'language', 'Language', 'language', 'Old.', 'published', 0, 'hoa',
                 0, 'hoa', 1, 1),
                    (6, 'tin', 'Tin', 'tin', 'Cũ.', 'published', 0, 'hoa', 0, 'hoa', 1, 1);",
        )
        .unwrap();
    }
    desk.write("in/a/Language.md", "---\ntitle: Language\n---\nAlpha.\n");
    desk.write("in/t.md", "---\ntitle: Tin mới\nslug: tin\n---\nMới.\n");
    let dir = desk.path("in");
    let dir = dir.to_str().unwrap();
    let said = desk.ok(&["import", dir]);
    assert!(summary(&said).contains("0 new, 2 updated"), "{said}");
    assert_eq!(desk.show("language")["id"], 5);
    assert_eq!(desk.show("language")["body"], "Alpha.\n");
    assert_eq!(desk.show("tin")["id"], 6);
    assert_eq!(desk.show("tin")["body"], "Mới.\n");

    // From now on each file is its own article: a second "Language" is not an edit of it.
    desk.write("in/b/Language.md", "---\ntitle: Language\n---\nBeta.\n");
    let said = desk.ok(&["import", dir]);
    assert!(
        summary(&said).contains("1 new, 0 updated, 2 unchanged"),
        "{said}"
    );
    assert_eq!(desk.show("language")["body"], "Alpha.\n");
    assert_eq!(desk.show("language-2")["body"], "Beta.\n");
}

/// `export-md` files brought back into the database they came from: identical copies change
/// nothing; an edited one may not overwrite an article another file brought in.
#[test]
fn export_md_files_imported_back_change_nothing_and_edits_name_the_first_file() {
    let desk = Desk::with_sample();
    let out = desk.path("export");
    desk.ok(&["export-md", out.to_str().unwrap()]);
    let said = desk.ok(&["import", out.to_str().unwrap()]);
    assert!(
        summary(&said).contains("0 new, 0 updated, 8 unchanged, 0 skipped, 0 failed"),
        "{said}"
    );
    let slug = support::cli::DAN_VAN;
    let file = out.join(format!("{slug}.md"));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\nSửa.\n")).unwrap();
    let run = desk.run(&["import", out.to_str().unwrap()]);
    expect_code(&run, 1, "an edited export");
    let err = stderr(&run);
    assert!(
        err.contains(&format!("01-{slug}.md")) && err.contains(&file.display().to_string()),
        "{err}"
    );
    assert_eq!(desk.show(slug)["version"], 1);
}

/// Files named themselves are known by their file names: two of them with one name, in one
/// run, are not one article.
#[test]
fn two_files_named_with_one_file_name_are_not_merged() {
    let desk = Desk::new();
    let x = desk.write("x/a.md", "---\ntitle: Tin x\n---\nX.\n");
    let y = desk.write("y/a.md", "---\ntitle: Tin y\n---\nY.\n");
    let out = desk.run(&["import", x.to_str().unwrap(), y.to_str().unwrap()]);
    expect_code(&out, 1, "two a.md");
    assert!(
        summary(&stdout(&out)).contains("1 new, 0 updated"),
        "{}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(
        err.lines().any(
            |l| l.starts_with(&y.display().to_string()) && l.contains(&x.display().to_string())
        ),
        "{err}"
    );
    assert_eq!(desk.slugs(), ["tin-x"]);
    // One file reached twice (through its folder and by itself) is one file.
    let out = import_from(&desk, desk.dir.path(), "x");
    expect_code(&out, 0, "x again");
    let out = command()
        .current_dir(desk.dir.path())
        .arg("--db")
        .arg(&desk.db)
        .args(["import", "x", "./x/a.md"])
        .output()
        .unwrap();
    expect_code(&out, 0, "one file twice");
    assert!(
        summary(&stdout(&out)).contains("2 unchanged"),
        "{}",
        stdout(&out)
    );
}
