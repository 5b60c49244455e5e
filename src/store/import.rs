//! Batches of imported documents: one transaction, one savepoint per document, so a bad
//! document is reported and the rest still land.

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
        self.write(|tx| {
            let mut results = Vec::with_capacity(docs.len());
            for doc in docs {
                tx.execute_batch("SAVEPOINT doc")?;
                let result = import_one(tx, doc, skip_existing, actor);
                let end = if result.is_ok() {
                    "RELEASE doc"
                } else {
                    "ROLLBACK TO doc; RELEASE doc"
                };
                tx.execute_batch(end)?;
                results.push(result);
            }
            Ok(results)
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
