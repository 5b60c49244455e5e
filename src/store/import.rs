//! Batches of imported documents in one transaction: a refused document is reported and the
//! rest still land.

use super::articles::{get_by_slug_tx, insert, replace};
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
        // A bigger page cache while importing: new rows land all over six indexes.
        self.conn
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        let outcome = self.write(|tx| {
            let mut results = Vec::with_capacity(docs.len());
            for doc in docs {
                match import_one(tx, doc, skip_existing, actor) {
                    Err(e @ (StoreError::Sqlite(_) | StoreError::Busy)) => return Err(e),
                    result => results.push(result),
                }
            }
            Ok(results)
        });
        self.conn
            .pragma_update(None, "cache_size", DEFAULT_CACHE_KIB)?;
        outcome
    }

    /// Merges the search index into one segment after a large import, so searches read one
    /// doclist per word instead of one per imported batch.
    pub fn optimize_search(&mut self) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO search_index (search_index) VALUES ('optimize')",
                [],
            )?;
            Ok(())
        })
    }
}

fn import_one(
    tx: &rusqlite::Transaction,
    doc: &Imported,
    skip_existing: bool,
    actor: &Actor,
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
            let a = replace(tx, &existing, &fields, status, actor)?;
            Ok(ImportOutcome::Updated {
                id: a.id,
                slug: a.slug,
            })
        }
        None => {
            let a = insert(tx, fields, status, actor)?;
            Ok(ImportOutcome::Created {
                id: a.id,
                slug: a.slug,
            })
        }
    }
}
