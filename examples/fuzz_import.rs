//! Soak test of `import` against generated hostile files, for far longer than `cargo test`:
//!
//!     cargo run --release --example fuzz_import -- --minutes 10 [--seed N]
//!
//! Runs the generators of `tests/import_support` (the same ones `tests/import_props.rs` runs a
//! few hundred times): each document through the parser in this process, and every so often a
//! batch of them through a real `import`, in a child process (this program again, acting as
//! `newsdesk`) under a memory limit and a timeout. Prints the cases run and the failures;
//! exits 1 if there was any, and leaves each failing batch under `target/fuzz_import/`.

#[path = "../tests/import_support/mod.rs"]
mod import_support;

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use import_support::docs::{batch, doc};
use import_support::{check_batch, check_parse, plain_env};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Set in the child: this program is `newsdesk` then.
const CHILD: &str = "NEWSDESK_FUZZ_IMPORT_CHILD";
/// Documents parsed in process per batch imported through a child.
const PARSES_PER_BATCH: u64 = 200;

struct Args {
    minutes: f64,
    seed: u64,
}

fn args() -> Result<Args, String> {
    let mut out = Args {
        minutes: 10.0,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs()),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let value = it.next().ok_or(format!("{a} needs a value"))?;
        match a.as_str() {
            "--minutes" => out.minutes = value.parse().map_err(|_| "--minutes: a number")?,
            "--seed" => out.seed = value.parse().map_err(|_| "--seed: a number")?,
            _ => return Err(format!("unknown argument {a}: use --minutes N [--seed N]")),
        }
    }
    Ok(out)
}

fn child_command() -> Command {
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("fuzz_import"));
    let mut c = Command::new(exe);
    plain_env(&mut c);
    c.env(CHILD, "1");
    c
}

fn main() -> ExitCode {
    if std::env::var_os(CHILD).is_some() {
        return newsdesk::cli::main_from_args();
    }
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fuzz_import: {e}");
            return ExitCode::from(2);
        }
    };
    let mut seed = [0u8; 32];
    seed[..8].copy_from_slice(&args.seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let (one, many) = (doc(), batch(8));
    let keep = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz_import");
    let Ok(work) = tempfile::tempdir() else {
        eprintln!("fuzz_import: cannot make a temporary folder");
        return ExitCode::from(2);
    };
    // A failing parse is reported once, not as a panic message per case.
    std::panic::set_hook(Box::new(|_| {}));
    let end = Instant::now() + Duration::from_secs_f64(args.minutes * 60.0);
    let start = Instant::now();
    let (mut parsed, mut batches, mut files, mut failures) = (0u64, 0u64, 0u64, 0u64);
    let mut report = Instant::now();
    println!("fuzz_import: seed {}, {} minutes", args.seed, args.minutes);
    while Instant::now() < end {
        let Ok(tree) = one.new_tree(&mut runner) else {
            continue;
        };
        let d = tree.current();
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| check_parse(&d)))
            .unwrap_or_else(|_| Err("the parser panicked".into()));
        parsed += 1;
        if let Err(e) = outcome {
            failures += 1;
            eprintln!(
                "parse failure {failures}: {}",
                e.chars().take(2000).collect::<String>()
            );
        }
        if parsed % PARSES_PER_BATCH == 0 {
            let Ok(tree) = many.new_tree(&mut runner) else {
                continue;
            };
            let docs = tree.current();
            batches += 1;
            files += docs.len() as u64;
            let dir = work.path().join("batch");
            if let Err(e) = check_batch(&dir, &docs, &child_command, Duration::from_secs(60)) {
                failures += 1;
                let to = keep.join(format!("batch-{batches}"));
                let _ = std::fs::create_dir_all(&keep);
                let _ = std::fs::rename(dir.join("in"), &to);
                eprintln!("batch failure {failures} (files in {}): {e}", to.display());
            }
        }
        if report.elapsed() > Duration::from_secs(60) {
            report = Instant::now();
            println!(
                "  {:>4.0} s: {parsed} documents parsed, {batches} batches ({files} files) imported, {failures} failures",
                start.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "fuzz_import: {:.1} minutes, seed {}: {parsed} documents parsed, {batches} batches ({files} files) imported, {failures} failures",
        start.elapsed().as_secs_f64() / 60.0,
        args.seed
    );
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
