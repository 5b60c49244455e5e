//! Batches of imported documents in one transaction: a refused document is reported and the
//! rest still land.

use super::articles::{get_tx, index, insert_row, replace_row};
use super::derived::Derived;
use super::identity::{self, Collision, Target};
use super::locks::{self, LockOwner};
use super::{Result, Store, StoreError};
use crate::domain::Actor;
use crate::domain::frontmatter::Imported;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new article; `collided` when the slug its title makes was another article's.
    Created {
        id: i64,
        slug: String,
        collided: Option<Collision>,
    },
    /// The document's article existed: its content was replaced as a new revision.
    Updated { id: i64, slug: String },
    /// The document's article existed with the same content: nothing was written.
    Unchanged { id: i64, slug: String },
    /// The document's article existed and `skip_existing` was asked.
    Skipped { id: i64, slug: String },
}

/// Page cache sizes in SQLite's negative-KiB form: 128 MiB while importing, the default after.
const IMPORT_CACHE_KIB: i64 = -131_072;
const DEFAULT_CACHE_KIB: i64 = -2_000;
/// Pages of write-ahead log before SQLite copies it back into the database file.
const IMPORT_CHECKPOINT_PAGES: i64 = 16_384;
const DEFAULT_CHECKPOINT_PAGES: i64 = 1_000;
/// Pages of the search index merged per transaction by `optimize_search`.
const MERGE_PAGES: i64 = 2_000;
/// FTS5's default: merge once a level holds this many segments.
const DEFAULT_AUTOMERGE: i64 = 4;
/// FTS5's default: merge at once, whatever else is set, when a level holds this many.
const DEFAULT_CRISISMERGE: i64 = 16;
/// While a large import's merging is paused: higher than the batches of 100,000 articles
/// (20), so their segments are merged once, at the end, not also half way.
const PAUSED_CRISISMERGE: i64 = 64;

pub type ImportResult = std::result::Result<ImportOutcome, StoreError>;

impl Store {
    /// Creates or updates one article per document, matched by slug (given, or made from the
    /// title): documents whose file is not known. Fails as a whole only if the database
    /// itself fails.
    pub fn import_many(
        &mut self,
        docs: &[Imported],
        skip_existing: bool,
        actor: &Actor,
    ) -> Result<Vec<ImportResult>> {
        self.import_from(docs, &[], skip_existing, actor)
    }

    /// Creates or updates one article per document; `sources[i]` names the file `docs[i]` was
    /// read from (its path below the folder imported, see `identity`), and the article is
    /// that file's: found by its explicit slug, else by the file, never by a title alone.
    /// A document equal to its article writes nothing. Fails as a whole only if the database
    /// itself fails.
    ///
    /// An article someone else is editing (a fresh lock) is not updated: that document is
    /// refused naming them, as the editor's own save would be.
    pub fn import_from(
        &mut self,
        docs: &[Imported],
        sources: &[String],
        skip_existing: bool,
        actor: &Actor,
    ) -> Result<Vec<ImportResult>> {
        self.import_taking_over(docs, sources, skip_existing, actor, None)
    }

    /// `import_from`; with `take_over`, an article someone else is editing is taken over by
    /// that owner first (as Ctrl-K does: its editor learns it at their next heartbeat) and
    /// updated.
    pub fn import_taking_over(
        &mut self,
        docs: &[Imported],
        sources: &[String],
        skip_existing: bool,
        actor: &Actor,
        take_over: Option<&LockOwner>,
    ) -> Result<Vec<ImportResult>> {
        // No savepoint per document: every check runs before a document's first write, so a
        // refused document leaves nothing behind (and FTS5 flushes its buffer at each
        // savepoint, which made imports twice as slow). A database error aborts the batch.
        // While importing: a bigger page cache (new rows land all over six indexes), no fsync
        // per batch and fewer checkpoints. The files being imported are still there should
        // the power fail, and each batch is still atomic.
        self.set_import_mode(true)?;
        let outcome = std::thread::scope(|s| {
            // Folding, counting words and the like run on a second thread, ahead of the
            // writes. Rows are written first and the search index last, all in a row (see
            // `articles::index`).
            let (send, derived) = std::sync::mpsc::sync_channel::<Derived>(64);
            s.spawn(move || {
                for doc in docs {
                    let d = Derived::new(&doc.fields, doc.status(actor.now));
                    if send.send(d).is_err() {
                        break;
                    }
                }
            });
            self.write(|tx| {
                let mut results = Vec::with_capacity(docs.len());
                let mut to_index = Vec::with_capacity(docs.len());
                for (i, doc) in docs.iter().enumerate() {
                    let d = derived
                        .recv()
                        .unwrap_or_else(|_| Derived::new(&doc.fields, doc.status(actor.now)));
                    let source = sources.get(i).map(String::as_str);
                    let one = One {
                        doc,
                        source,
                        skip_existing,
                        actor,
                        take_over,
                    };
                    match import_one(tx, &one, d, &mut to_index) {
                        Err(e @ (StoreError::Sqlite(_) | StoreError::Busy)) => return Err(e),
                        result => results.push(result),
                    }
                }
                for (id, d, replacing) in &to_index {
                    index(tx, *id, d, *replacing)?;
                }
                Ok(results)
            })
        });
        self.set_import_mode(false)?;
        outcome
    }

    fn set_import_mode(&mut self, on: bool) -> Result<()> {
        let (cache, sync, checkpoint) = if on {
            (IMPORT_CACHE_KIB, "NORMAL", IMPORT_CHECKPOINT_PAGES)
        } else {
            (DEFAULT_CACHE_KIB, "FULL", DEFAULT_CHECKPOINT_PAGES)
        };
        self.conn.pragma_update(None, "cache_size", cache)?;
        self.conn.pragma_update(None, "synchronous", sync)?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", checkpoint)?;
        Ok(())
    }

    /// For a large import: the search index stops merging its segments after every batch
    /// (each merge rewrites what earlier batches wrote; at 100,000 articles, merging half way
    /// as well cost 13% of the import). `optimize_search` merges everything once at the end
    /// and turns merging back on. Should the import die in between, FTS5 still merges a level
    /// once it holds 64 segments, and the next optimize restores the defaults.
    pub fn pause_search_merging(&mut self) -> Result<()> {
        self.set_merging(0, PAUSED_CRISISMERGE)
    }

    /// Merges the search index into one segment and turns incremental merging back on, so
    /// searches read one doclist per word instead of one per imported batch.
    pub fn optimize_search(&mut self) -> Result<()> {
        // In steps of MERGE_PAGES, one transaction each, rather than one 'optimize': the
        // write lock is free between steps, so other editors' saves do not wait for the whole
        // merge. A negative page count makes FTS5 merge everything, as 'optimize' does; a step
        // that changes nothing means the index is one segment. Import mode: no fsync per step.
        self.set_import_mode(true)?;
        let merged = self.merge_search_index();
        self.set_import_mode(false)?;
        merged?;
        self.set_merging(DEFAULT_AUTOMERGE, DEFAULT_CRISISMERGE)
    }

    fn merge_search_index(&mut self) -> Result<()> {
        // Bounded, should FTS5 ever keep reporting work: 10,000 steps is a 300 GB index.
        for _ in 0..10_000 {
            let before = self.conn.total_changes();
            self.write(|tx| {
                tx.execute(
                    "INSERT INTO search_index (search_index, rank) VALUES ('merge', ?1)",
                    [-MERGE_PAGES],
                )?;
                Ok(())
            })?;
            if self.conn.total_changes() == before + 1 {
                break;
            }
        }
        Ok(())
    }

    fn set_merging(&mut self, automerge: i64, crisismerge: i64) -> Result<()> {
        self.write(|tx| {
            let mut set =
                tx.prepare_cached("INSERT INTO search_index (search_index, rank) VALUES (?1, ?2)")?;
            set.execute(rusqlite::params!["automerge", automerge])?;
            set.execute(rusqlite::params!["crisismerge", crisismerge])?;
            Ok(())
        })
    }
}

/// An article whose search-index entry is still to write: id, what to write, replacing.
type ToIndex = (i64, Derived, bool);

/// One document to import and how.
struct One<'a> {
    doc: &'a Imported,
    source: Option<&'a str>,
    skip_existing: bool,
    actor: &'a Actor,
    /// Who takes a locked article over to update it; `None`: a fresh lock refuses.
    take_over: Option<&'a LockOwner>,
}

fn import_one(
    tx: &rusqlite::Transaction,
    one: &One,
    derived: Derived,
    to_index: &mut Vec<ToIndex>,
) -> ImportResult {
    let fields = &one.doc.fields;
    let status = one.doc.status(one.actor.now);
    let (id, claim, foreign) = match identity::target(tx, fields, one.source)? {
        Target::Existing { id, claim } => (id, claim, None),
        Target::Foreign { id, file } => (id, false, Some(file)),
        Target::New { holder } => {
            let (id, slug) = insert_row(tx, fields, status, one.actor, &derived, one.source)?;
            to_index.push((id, derived, false));
            let wanted = identity::wanted_slug(fields);
            return Ok(ImportOutcome::Created {
                id,
                collided: holder.and_then(|h| h.collision(&wanted, &slug)),
                slug,
            });
        }
    };
    let existing = get_tx(tx, id)?.ok_or_else(|| StoreError::NotFound(id.to_string()))?;
    let same = identity::unchanged(&existing, fields, status);
    if let Some(file) = foreign.filter(|_| !same) {
        return Err(StoreError::SlugOfOtherFile {
            slug: existing.slug,
            file,
        });
    }
    if one.skip_existing {
        return Ok(ImportOutcome::Skipped {
            id,
            slug: existing.slug,
        });
    }
    let claim = one.source.filter(|_| claim);
    if same {
        if let Some(source) = claim {
            identity::claim(tx, id, source)?;
        }
        return Ok(ImportOutcome::Unchanged {
            id,
            slug: existing.slug,
        });
    }
    // Someone editing it: refused as their colleague's save would be, or taken over.
    if let Some(lock) = locks::get(tx, id)?
        && !lock.is_stale(one.actor.now)
    {
        match one.take_over {
            Some(owner) if !lock.is_held_by(owner) => {
                locks::put(tx, id, owner, one.actor.now, one.actor.now)?;
            }
            Some(_) => {}
            None => return Err(lock.refused()),
        }
    }
    // Without a slug of its own, the document keeps its article's.
    let mut fields = fields.clone();
    fields.slug.get_or_insert_with(|| existing.slug.clone());
    let slug = replace_row(tx, &existing, &fields, status, one.actor, &derived)?;
    if let Some(source) = claim {
        identity::claim(tx, id, source)?;
    }
    to_index.push((id, derived, true));
    Ok(ImportOutcome::Updated { id, slug })
}
