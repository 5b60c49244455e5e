//! What the hostile-import tests (`tests/import_hostile.rs`, `tests/import_props.rs`) and the
//! soak (`examples/fuzz_import.rs`) share: the file generators, the checks of what newsdesk
//! did with them, and a child run bounded in memory and time.
#![allow(dead_code)] // each user takes a different subset

pub mod bounded;
pub mod docs;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use docs::{Doc, Fault};

/// A word the refusal of each fault says, in English (the tests run with `LANG=C.UTF-8`).
pub fn keyword(fault: Fault) -> &'static str {
    match fault {
        Fault::Control => "control character",
        Fault::Deep => "nested",
        Fault::Aliases => "alias",
        Fault::TooLarge => "KiB",
        Fault::Date => "1000–9999",
        Fault::Draft => "draft",
        Fault::SlugDigits => "digits",
        Fault::SlugLong => "characters long",
        Fault::Unclosed => "never closed",
    }
}

/// Runs the parser on one document in this process: it must import exactly when the
/// generator put no fault in, and refuse for the fault it put in.
pub fn check_parse(doc: &Doc) -> Result<(), String> {
    use newsdesk::domain::frontmatter::parse_document;
    let tz = chrono::FixedOffset::east_opt(7 * 3600).ok_or("zone")?;
    match (parse_document(&doc.text, tz), doc.fault) {
        (Ok(imp), None) => {
            if imp.fields.title != doc.title || imp.draft != doc.draft {
                return Err(format!(
                    "imported as {:?} (draft {}), want {:?} (draft {}):\n{:?}",
                    imp.fields.title, imp.draft, doc.title, doc.draft, doc.text
                ));
            }
            Ok(())
        }
        (Ok(_), Some(f)) => Err(format!("imported despite {f:?}:\n{:?}", doc.text)),
        (Err(e), None) => Err(format!("refused ({e}) a good file:\n{:?}", doc.text)),
        (Err(e), Some(f)) if e.to_string().contains(keyword(f)) => Ok(()),
        (Err(e), Some(f)) => Err(format!(
            "{f:?} refused with “{e}”, which does not say “{}”:\n{:?}",
            keyword(f),
            doc.text
        )),
    }
}

/// English messages and no personal config, whatever the machine says.
pub fn plain_env(cmd: &mut Command) {
    cmd.env_remove("NEWSDESK_DB")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent/newsdesk-tests")
        .env("USER", "hoa")
        .env("TZ", "Asia/Ho_Chi_Minh");
}

/// The number before `word` in `text` ("3 failed" → 3).
pub fn count_before(text: &str, word: &str) -> Option<u64> {
    let at = text.find(&format!(" {word}"))?;
    let head = text.get(..at)?;
    let digits: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// Writes `docs` into `dir/in/` and imports the folder with `newsdesk` (what `base` runs),
/// bounded: each faulty file must be refused on a line naming it and saying why, every
/// other file imported, and the process must end by itself with exit 1 (some refused) or 0.
pub fn check_batch(
    dir: &Path,
    docs: &[Doc],
    base: &dyn Fn() -> Command,
    timeout: Duration,
) -> Result<(), String> {
    let folder = dir.join("in");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let db = dir.join("n.db");
    let _ = std::fs::remove_file(&db);
    let mut names = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let path = folder.join(format!("f{i:03}.md"));
        std::fs::write(&path, &d.text).map_err(|e| e.to_string())?;
        names.push(path.display().to_string());
    }
    let mut cmd = base();
    cmd.arg("--db").arg(&db).arg("import").arg(&folder);
    let run = bounded::run(cmd, bounded::MEMORY, timeout);
    run.bounded()?;
    let faulty = docs.iter().filter(|d| d.fault.is_some()).count() as u64;
    let want_code = if faulty > 0 { 1 } else { 0 };
    if run.code != Some(want_code) {
        return Err(format!(
            "exit {:?}, want {want_code}:\n{}",
            run.code, run.stderr
        ));
    }
    for (name, d) in names.iter().zip(docs) {
        let line = run
            .stderr
            .lines()
            .find(|l| l.starts_with(&format!("{name}: ")));
        match (d.fault, line) {
            (None, None) => {}
            (None, Some(l)) => return Err(format!("a good file was refused: {l}\n{:?}", d.text)),
            (Some(f), None) => {
                return Err(format!("{name} ({f:?}) has no line:\n{}", run.stderr));
            }
            (Some(f), Some(l)) if l.contains(keyword(f)) => {}
            (Some(f), Some(l)) => return Err(format!("{f:?} refused as: {l}")),
        }
    }
    let all = format!("{}{}", run.stdout, run.stderr);
    let (new, failed) = (count_before(&all, "new"), count_before(&all, "failed"));
    let good = docs.len() as u64 - faulty;
    if new != Some(good) || failed != Some(faulty) {
        return Err(format!(
            "summary says {new:?} new, {failed:?} failed; want {good} and {faulty}:\n{all}"
        ));
    }
    Ok(())
}
