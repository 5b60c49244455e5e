//! Generated front matter and bodies, benign and hostile (nesting, aliases, control
//! characters, huge values, dates in and out of range, draft spellings, odd slugs): the parser
//! never panics and refuses exactly the faulty files for their fault, and a generated batch
//! imports through the real binary with one line per refused file and the rest imported.
//! `cargo run --release --example fuzz_import` runs the same generators for minutes.

mod support;

use std::process::Command;
use std::time::Duration;

use proptest::prelude::*;
use support::import::docs::{batch, doc};
use support::import::{check_batch, check_parse, plain_env};

fn newsdesk() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    plain_env(&mut c);
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parsing_imports_good_files_and_refuses_each_fault_by_name(d in doc()) {
        check_parse(&d).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    // Each case starts the debug binary once: a few seconds in all.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_batch_imports_around_its_refused_files(docs in batch(8)) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        check_batch(dir.path(), &docs, &newsdesk, Duration::from_secs(60))
            .map_err(TestCaseError::fail)?;
    }
}
