//! The command line: parse, open the store, dispatch to one small module per subcommand.

mod args;
mod articles;
mod context;
mod demo;
pub mod export;
mod import;
mod media;
mod media_attach;
mod output;
mod site;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};
pub use context::{Context, default_db_path, os_user};

/// An error for the person at the keyboard: one line, naming the article or file.
#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<crate::store::StoreError> for CliError {
    fn from(e: crate::store::StoreError) -> Self {
        CliError(e.to_string())
    }
}

impl From<crate::domain::DomainError> for CliError {
    fn from(e: crate::domain::DomainError) -> Self {
        CliError(e.to_string())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// What a command reports: success, or some items failed (already reported on stderr).
pub enum Outcome {
    Ok,
    Partial,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) => {
            output::error(&format!("newsdesk: {e}"));
            ExitCode::from(1)
        }
    }
}

pub fn run(cli: Cli) -> CliResult<Outcome> {
    if cli.demo {
        return demo::run().map(|()| Outcome::Ok);
    }
    let mut ctx = Context::open(cli.db.as_deref())?;
    match cli.command {
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            crate::tui::run(ctx).map(|()| Outcome::Ok)
        }
        // Not a terminal (a pipe, cron): print the overview instead of drawing.
        None => articles::overview(&ctx),
        Some(cmd) => dispatch(&mut ctx, cmd),
    }
}

fn dispatch(ctx: &mut Context, cmd: Command) -> CliResult<Outcome> {
    use Command::*;
    match cmd {
        New(a) => articles::new(ctx, a),
        Import(a) => import::import(ctx, a),
        ExportMd(a) => import::export_md(ctx, a),
        List(a) => articles::list(ctx, a),
        Show(a) => articles::show(ctx, a),
        Search(a) => articles::search(ctx, a),
        Status(a) => articles::status(ctx, a),
        History(a) => articles::history(ctx, a),
        Restore(a) => articles::restore(ctx, a),
        Delete(a) => articles::delete(ctx, a),
        Site(a) => site::run(ctx, a),
        Export(a) => export::run(ctx, a),
        Media(a) => media::run(ctx, a),
    }
}
