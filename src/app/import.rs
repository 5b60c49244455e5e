//! Importing Markdown: every file named or below a named folder, read and parsed on a second
//! thread while the store takes the batch before, each document matched to its article by
//! the file it came from (`import_source`), under one lock policy. What became of each file
//! comes back as data: counts, slug collisions and failures naming the file.

use std::path::{Path, PathBuf};

use super::articles::LockPolicy;
use super::error::AppResult;
use super::import_source::Names;
use super::read::{ReadRefusal, read_markdown};
use super::session::Session;
use crate::domain::DomainError;
use crate::domain::frontmatter::{Imported, parse_document};
use crate::store::{ImportOutcome, StoreError};

/// Documents handed to the store per transaction: big enough to be fast (each commit leaves
/// the search index one more segment to merge), small enough that another editor's save
/// waits about a second at most for the write lock.
pub const BATCH: usize = 5000;
/// ...and at most this much text per batch, however long the articles: a batch is in memory
/// twice over (parsed, and the store's folded copy) while the next one is read.
const BATCH_BYTES: usize = 64 << 20;

/// What became of the files: counts, then what to say about some of them.
#[derive(Debug, Default)]
pub struct Report {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
    /// Files not imported, in the order they were met.
    pub failures: Vec<Failure>,
    /// Files that became new articles beside another with the slug their title makes.
    pub collisions: Vec<SlugCollision>,
}

impl Report {
    pub fn failed(&self) -> u64 {
        self.failures.len() as u64
    }
}

/// A file (or folder) that was not imported, and why.
#[derive(Debug)]
pub struct Failure {
    pub path: PathBuf,
    pub problem: Problem,
}

#[derive(Debug)]
pub enum Problem {
    /// A folder named or found could not be listed (the OS's words).
    ReadFolder(std::io::Error),
    /// A path named could not be looked at (the OS's words).
    Missing(std::io::Error),
    /// The file could not be read as text.
    Read(ReadRefusal),
    /// Its front matter or fields are refused.
    Parse(DomainError),
    /// Another file of this import is already known by the same `name` (see `import_source`).
    SameName { name: String, first: PathBuf },
    /// The store refused the document: someone edits its article (`StoreError::Locked`
    /// names them), a slug taken, and the like.
    Store(StoreError),
}

/// A new article whose title's slug `taken` was another's (imported from `other`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlugCollision {
    pub path: PathBuf,
    pub slug: String,
    pub taken: String,
    pub other: Option<String>,
}

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
fn collect(paths: &[PathBuf], failures: &mut Vec<Failure>) -> Vec<PathBuf> {
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
                Err(e) => failures.push(Failure {
                    path: p,
                    problem: Problem::ReadFolder(e),
                }),
            },
            Ok(_) => files.push(p),
            Err(e) => failures.push(Failure {
                path: p,
                problem: Problem::Missing(e),
            }),
        }
    }
    files
}

/// A file read and parsed, or why it could not be.
fn read_document(path: &Path, tz: chrono::FixedOffset) -> Result<Imported, Problem> {
    let text = read_markdown(path).map_err(Problem::Read)?;
    parse_document(&text, tz).map_err(Problem::Parse)
}

/// One batch read and parsed: the documents, their paths, and the files that failed.
struct Parsed<'a> {
    docs: Vec<Imported>,
    paths: Vec<&'a PathBuf>,
    failures: Vec<Failure>,
}

/// Reads and parses files from the front of `rest` until the batch holds `files` files or
/// `bytes_max` bytes of text (`BATCH` and `BATCH_BYTES` outside tests).
fn parse_batch<'a>(
    rest: &mut &'a [PathBuf],
    (files, bytes_max): (usize, usize),
    tz: chrono::FixedOffset,
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
        match read_document(path, tz) {
            Ok(doc) => {
                let f = &doc.fields;
                bytes += f.title.len() + f.lede.len() + f.body.len();
                batch.docs.push(doc);
                batch.paths.push(path);
            }
            Err(problem) => batch.failures.push(Failure {
                path: path.clone(),
                problem,
            }),
        }
    }
    batch
}

/// Imports every Markdown file named in `paths` or below a folder named there. An article
/// that exists is updated (or left, with `skip_existing`); one someone else edits is refused
/// naming them (`LockPolicy::Respect`) or taken over first (`TakeOver`, one owner for the
/// whole import). Fails as a whole only when the database does.
pub fn import(
    session: &mut Session,
    paths: &[PathBuf],
    skip_existing: bool,
    policy: LockPolicy,
) -> AppResult<Report> {
    let mut report = Report::default();
    let files = collect(paths, &mut report.failures);
    let mut names = Names::default();
    let tz = session.tz;
    let owner = (policy == LockPolicy::TakeOver).then(|| session.lock_owner());
    let bulk = files.len() > BATCH;
    if bulk {
        session.store.pause_search_merging()?;
    }
    // Reading and parsing the next batch overlaps with storing this one.
    let stored = std::thread::scope(|scope| -> AppResult<()> {
        let (send, batches) = std::sync::mpsc::sync_channel::<Parsed>(1);
        let files = &files;
        scope.spawn(move || {
            let mut rest: &[PathBuf] = files;
            while !rest.is_empty() {
                if send
                    .send(parse_batch(&mut rest, (BATCH, BATCH_BYTES), tz))
                    .is_err()
                {
                    break;
                }
            }
        });
        for batch in batches {
            report.failures.extend(batch.failures);
            let actor = session.actor();
            // Each file goes to the store with the name it is known by (see `import_source`).
            let (mut docs, mut kept, mut sources) = (Vec::new(), Vec::new(), Vec::new());
            for (doc, path) in batch.docs.into_iter().zip(batch.paths) {
                match names.name(paths, path) {
                    Ok(source) => {
                        docs.push(doc);
                        kept.push(path);
                        sources.push(source);
                    }
                    Err((name, first)) => report.failures.push(Failure {
                        path: path.clone(),
                        problem: Problem::SameName {
                            name,
                            first: first.to_path_buf(),
                        },
                    }),
                }
            }
            let results = session.store.import_taking_over(
                &docs,
                &sources,
                skip_existing,
                &actor,
                owner.as_ref(),
            )?;
            for (path, result) in kept.into_iter().zip(results) {
                tally(&mut report, path, result);
            }
        }
        Ok(())
    });
    // Merging resumes even when a batch failed, so the index is never left paused.
    if bulk {
        session.store.optimize_search()?;
    }
    stored?;
    Ok(report)
}

/// Counts what the store did with one file.
fn tally(report: &mut Report, path: &Path, result: Result<ImportOutcome, StoreError>) {
    match result {
        Ok(ImportOutcome::Created { slug, collided, .. }) => {
            report.created += 1;
            if let Some(c) = collided {
                report.collisions.push(SlugCollision {
                    path: path.to_path_buf(),
                    slug,
                    taken: c.slug,
                    other: c.source,
                });
            }
        }
        Ok(ImportOutcome::Updated { .. }) => report.updated += 1,
        Ok(ImportOutcome::Unchanged { .. }) => report.unchanged += 1,
        Ok(ImportOutcome::Skipped { .. }) => report.skipped += 1,
        Err(e) => report.failures.push(Failure {
            path: path.to_path_buf(),
            problem: Problem::Store(e),
        }),
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
