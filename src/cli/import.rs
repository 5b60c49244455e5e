//! Markdown in and out: `import` and `export-md`.

use std::path::{Path, PathBuf};

use super::args::{ExportMdArgs, ImportArgs};
use super::import_source::Names;
use super::output::{complain, error, tell};
use super::{CliResult, Context, MarkdownMsg, Outcome, describe_domain, describe_store};
use crate::app::read::{ReadRefusal, read_markdown};
use crate::domain::frontmatter::{Imported, parse_document, render_document};
use crate::i18n::Lang;
use crate::store::{ImportOutcome, ListQuery, Sort};
use crate::words::describe_read_refusal;

/// Documents handed to the store per transaction: big enough to be fast (each commit leaves
/// the search index one more segment to merge), small enough that another editor's save
/// waits about a second at most for the write lock.
pub const BATCH: usize = 5000;
/// ...and at most this much text per batch, however long the articles: a batch is in memory
/// twice over (parsed, and the store's folded copy) while the next one is read.
const BATCH_BYTES: usize = 64 << 20;

fn is_markdown(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown" | "mdown"))
}

/// A path still to take: one to look at (named, or a folder found on the way), or a Markdown
/// file the folder listing already said is a file.
enum Pending {
    Look(PathBuf),
    Markdown(PathBuf),
}

/// Every Markdown file named or below a named folder, in a stable order.
fn collect(paths: &[PathBuf], failures: &mut Vec<String>, lang: Lang) -> Vec<PathBuf> {
    let mut files = Vec::new();
    // What a folder holds is typed by its listing, without a `stat` per file.
    let mut stack: Vec<Pending> = paths.iter().rev().cloned().map(Pending::Look).collect();
    while let Some(pending) = stack.pop() {
        let p = match pending {
            Pending::Markdown(p) => {
                files.push(p);
                continue;
            }
            Pending::Look(p) => p,
        };
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => match std::fs::read_dir(&p) {
                Ok(entries) => {
                    // Folders are entered only when real, never through a symlink found on
                    // the way, so a link back up the tree cannot loop.
                    let mut children: Vec<(PathBuf, bool)> = entries
                        .filter_map(Result::ok)
                        .filter_map(|e| {
                            let t = e.file_type().ok()?;
                            let path = e.path();
                            if t.is_dir() {
                                Some((path, true))
                            } else if is_markdown(&path) {
                                // Pipes, devices and dangling links too: reading refuses
                                // each on a line naming it rather than skipping it unsaid.
                                Some((path, false))
                            } else {
                                None
                            }
                        })
                        .collect();
                    children.sort();
                    stack.extend(children.into_iter().rev().map(|(p, dir)| {
                        if dir {
                            Pending::Look(p)
                        } else {
                            Pending::Markdown(p)
                        }
                    }));
                }
                Err(e) => failures.push(
                    MarkdownMsg::ReadFolder {
                        path: p.display().to_string(),
                        err: e.to_string(),
                    }
                    .text(lang),
                ),
            },
            Ok(_) => files.push(p),
            Err(e) => failures.push(
                MarkdownMsg::FileFailed {
                    path: p.display().to_string(),
                    reason: e.to_string(),
                }
                .text(lang),
            ),
        }
    }
    files
}

/// A file read and parsed, or the line that says (in `lang`) why it could not be.
fn read_document(path: &Path, tz: chrono::FixedOffset, lang: Lang) -> Result<Imported, String> {
    let shown = || path.display().to_string();
    let text = read_markdown(path).map_err(|r| {
        match r {
            ReadRefusal::Io(e) => MarkdownMsg::ReadFile {
                path: shown(),
                err: e.to_string(),
            },
            ReadRefusal::NotUtf8 { offset } => MarkdownMsg::FileNotUtf8 {
                path: shown(),
                offset,
            },
            other => MarkdownMsg::FileFailed {
                path: shown(),
                reason: describe_read_refusal(&other, lang),
            },
        }
        .text(lang)
    })?;
    parse_document(&text, tz).map_err(|e| {
        MarkdownMsg::FileFailed {
            path: shown(),
            reason: describe_domain(&e, lang),
        }
        .text(lang)
    })
}

/// One batch read and parsed: the documents, their paths, and the files that failed.
struct Parsed<'a> {
    docs: Vec<Imported>,
    paths: Vec<&'a PathBuf>,
    failures: Vec<String>,
}

/// Reads and parses files from the front of `rest` until the batch holds `files` files or
/// `bytes_max` bytes of text (`BATCH` and `BATCH_BYTES` outside tests).
fn parse_batch<'a>(
    rest: &mut &'a [PathBuf],
    (files, bytes_max): (usize, usize),
    tz: chrono::FixedOffset,
    lang: Lang,
) -> Parsed<'a> {
    let mut batch = Parsed {
        docs: Vec::with_capacity(rest.len().min(files)),
        paths: Vec::with_capacity(rest.len().min(files)),
        failures: Vec::new(),
    };
    let mut bytes = 0;
    while let Some((path, tail)) = rest.split_first() {
        if batch.docs.len() + batch.failures.len() == files || bytes >= bytes_max {
            break;
        }
        *rest = tail;
        match read_document(path, tz, lang) {
            Ok(doc) => {
                let f = &doc.fields;
                bytes += f.title.len() + f.lede.len() + f.body.len();
                batch.docs.push(doc);
                batch.paths.push(path);
            }
            Err(msg) => batch.failures.push(msg),
        }
    }
    batch
}

/// What became of the files the store took.
#[derive(Default)]
struct Counts {
    created: u64,
    updated: u64,
    unchanged: u64,
    skipped: u64,
}

pub fn import(ctx: &mut Context, a: ImportArgs) -> CliResult<Outcome> {
    let mut failures = Vec::new();
    let lang = ctx.lang;
    let files = collect(&a.paths, &mut failures, lang);
    let mut counts = Counts::default();
    // Files that became new articles beside another with the slug their title makes.
    let mut collisions = Vec::new();
    let mut names = Names::default();
    let tz = ctx.tz;
    // With --force, articles someone edits are taken over by this import (one owner for all).
    let owner = a.force.then(|| ctx.lock_owner());
    let bulk = files.len() > BATCH;
    if bulk {
        ctx.store.pause_search_merging()?;
    }
    // Reading and parsing the next batch overlaps with storing this one.
    let stored = std::thread::scope(|scope| -> CliResult<()> {
        let (send, batches) = std::sync::mpsc::sync_channel::<Parsed>(1);
        let files = &files;
        scope.spawn(move || {
            let mut rest: &[PathBuf] = files;
            while !rest.is_empty() {
                if send
                    .send(parse_batch(&mut rest, (BATCH, BATCH_BYTES), tz, lang))
                    .is_err()
                {
                    break;
                }
            }
        });
        for batch in batches {
            failures.extend(batch.failures);
            let actor = ctx.actor();
            // Each file goes to the store with the name it is known by (see `import_source`).
            let (mut docs, mut paths, mut sources) = (Vec::new(), Vec::new(), Vec::new());
            for (doc, path) in batch.docs.into_iter().zip(batch.paths) {
                match names.name(&a.paths, path) {
                    Ok(source) => {
                        docs.push(doc);
                        paths.push(path);
                        sources.push(source);
                    }
                    Err((name, first)) => failures.push(
                        MarkdownMsg::SameName {
                            path: path.display().to_string(),
                            first: first.display().to_string(),
                            name,
                        }
                        .text(lang),
                    ),
                }
            }
            let results = ctx.store.import_taking_over(
                &docs,
                &sources,
                a.skip_existing,
                &actor,
                owner.as_ref(),
            )?;
            for (path, result) in paths.iter().zip(results) {
                match result {
                    Ok(ImportOutcome::Created { slug, collided, .. }) => {
                        counts.created += 1;
                        if let Some(c) = collided {
                            collisions.push(MarkdownMsg::SlugCollision {
                                path: path.display().to_string(),
                                slug,
                                taken: c.slug,
                                other: c.source,
                            });
                        }
                    }
                    Ok(ImportOutcome::Updated { .. }) => counts.updated += 1,
                    Ok(ImportOutcome::Unchanged { .. }) => counts.unchanged += 1,
                    Ok(ImportOutcome::Skipped { .. }) => counts.skipped += 1,
                    Err(e) => failures.push(
                        MarkdownMsg::FileFailed {
                            path: path.display().to_string(),
                            reason: describe_store(&e, lang),
                        }
                        .text(lang),
                    ),
                }
            }
        }
        Ok(())
    });
    // Merging resumes even when a batch failed, so the index is never left paused.
    if bulk {
        ctx.store.optimize_search()?;
    }
    stored?;
    for f in &failures {
        error(f);
    }
    for c in collisions {
        tell(lang, c);
    }
    tell(
        lang,
        MarkdownMsg::Imported {
            created: counts.created,
            updated: counts.updated,
            unchanged: counts.unchanged,
            skipped: counts.skipped,
            failed: failures.len() as u64,
        },
    );
    Ok(if failures.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}

pub fn export_md(ctx: &mut Context, a: ExportMdArgs) -> CliResult<Outcome> {
    let dir = &a.dir;
    std::fs::create_dir_all(dir).map_err(|e| MarkdownMsg::CreateFolder {
        path: dir.display().to_string(),
        err: e.to_string(),
    })?;
    const PAGE: usize = 500;
    let (mut seen, mut written, mut refused) = (0, 0u64, false);
    loop {
        let page = ctx.store.list(&ListQuery {
            sort: Sort::Title,
            limit: PAGE,
            offset: seen,
            ..ListQuery::default()
        })?;
        for summary in &page {
            let article = ctx.store.get(summary.id)?;
            // Slugs are [a-z0-9-] only, so the file name stays inside `dir`.
            let path = dir.join(format!("{}.md", article.slug));
            let shown = || path.display().to_string();
            match write_markdown(&path, render_document(&article, ctx.tz).as_bytes()) {
                Ok(()) => written += 1,
                Err(NotWritten::Occupied(link_to)) => {
                    refused = true;
                    complain(
                        ctx.lang,
                        MarkdownMsg::NotWritten {
                            path: shown(),
                            link_to,
                        },
                    );
                }
                Err(NotWritten::Io(e)) => {
                    return Err(MarkdownMsg::WriteFile {
                        path: shown(),
                        err: e.to_string(),
                    }
                    .into());
                }
            }
        }
        seen += page.len();
        if page.len() < PAGE {
            break;
        }
    }
    tell(
        ctx.lang,
        MarkdownMsg::WroteMarkdown {
            count: written,
            dir: dir.display().to_string(),
        },
    );
    Ok(if refused {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

enum NotWritten {
    /// Something that is not a regular file is there: a link (to this target), or else.
    Occupied(Option<String>),
    Io(std::io::Error),
}

/// Writes `bytes` to `path` as a new file renamed over it: whatever is at `path` is replaced,
/// never written into (a file there may be a hard link to one elsewhere), and a symbolic link
/// there is refused, not followed. A link planted after the look is replaced, not followed.
fn write_markdown(path: &Path, bytes: &[u8]) -> Result<(), NotWritten> {
    use std::io::Write;
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let to =
                std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
            return Err(NotWritten::Occupied(Some(to)));
        }
        Ok(m) if !m.is_file() => return Err(NotWritten::Occupied(None)),
        _ => {}
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let written = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(NotWritten::Io)
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
