//! Batches of imported documents in one transaction: a refused document is reported and the
//! rest still land.

use super::articles::{get_by_slug_tx, index, insert_row, replace_row};
use super::derived::Derived;
use super::{Result, Store, StoreError};
use crate::domain::frontmatter::Imported;
use crate::domain::{Actor, slugify, text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Created {
        id: i64,
        slug: String,
    },
    /// The slug existed: its content was replaced as a new revision.
    Updated {
        id: i64,
        slug: String,
    },
    /// The slug existed and `skip_existing` was asked.
    Skipped {
        id: i64,
        slug: String,
    },
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
    /// title). Fails as a whole only if the database itself fails.
    pub fn import_many(
        &mut self,
        docs: &[Imported],
        skip_existing: bool,
        actor: &Actor,
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
                for doc in docs {
                    let d = derived
                        .recv()
                        .unwrap_or_else(|_| Derived::new(&doc.fields, doc.status(actor.now)));
                    match import_one(tx, doc, d, skip_existing, actor, &mut to_index) {
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

fn import_one(
    tx: &rusqlite::Transaction,
    doc: &Imported,
    derived: Derived,
    skip_existing: bool,
    actor: &Actor,
    to_index: &mut Vec<ToIndex>,
) -> ImportResult {
    let fields = &doc.fields;
    let status = doc.status(actor.now);
    let given = fields.slug.is_some();
    let slug = fields
        .slug
        .clone()
        .unwrap_or_else(|| slugify(&fields.title));
    // A slug made from the title names the same article only if the title is the same too:
    // long titles are cut, so two notices may differ only after the cut.
    let existing = get_by_slug_tx(tx, &slug)?
        .filter(|a| given || text::fold(&a.title) == text::fold(&fields.title));
    match existing {
        Some(existing) if skip_existing => Ok(ImportOutcome::Skipped {
            id: existing.id,
            slug,
        }),
        Some(existing) => {
            let mut fields = fields.clone();
            fields.slug = Some(existing.slug.clone());
            let slug = replace_row(tx, &existing, &fields, status, actor, &derived)?;
            to_index.push((existing.id, derived, true));
            Ok(ImportOutcome::Updated {
                id: existing.id,
                slug,
            })
        }
        None => {
            let (id, slug) = insert_row(tx, fields, status, actor, &derived)?;
            to_index.push((id, derived, false));
            Ok(ImportOutcome::Created { id, slug })
        }
    }
}
