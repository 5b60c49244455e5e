//! The command line: parse, open the store, dispatch to one small module per subcommand.

mod args;
mod articles;
mod context;
mod demo;
mod describe;
mod describe_import;
mod describe_site;
pub mod export;
pub mod import;
mod import_read;
mod import_source;
pub mod media;
mod media_attach;
mod msg;
mod msg_vi;
mod output;
mod site;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};
pub use context::{Context, default_db_path, os_user};
pub use describe::{describe, describe_domain, describe_refusal, describe_store};
pub use describe_site::describe_site;
pub use msg::CliMsg;

use crate::i18n::Lang;

/// An error for the person at the keyboard: one line, naming the article or file. It keeps
/// the typed error so the edge of the program words it in the editor's language
/// (`describe`); its `Display` is the English wording (logs, tests, libraries).
#[derive(Debug)]
pub enum CliError {
    Store(crate::store::StoreError),
    Domain(crate::domain::DomainError),
    Site(crate::site::SiteError),
    /// A refusal the command line words itself, in both languages.
    Msg(CliMsg),
    /// Free text, shown as it is (not yet translated).
    Text(String),
}

/// Free text as an error, for callers that word their own (`CliError(format!(…))`).
#[allow(non_snake_case)]
pub fn CliError(text: String) -> CliError {
    CliError::Text(text)
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&describe(self, Lang::En))
    }
}

impl std::error::Error for CliError {}

impl From<crate::store::StoreError> for CliError {
    fn from(e: crate::store::StoreError) -> Self {
        CliError::Store(e)
    }
}

impl From<crate::domain::DomainError> for CliError {
    fn from(e: crate::domain::DomainError) -> Self {
        CliError::Domain(e)
    }
}

impl From<crate::site::SiteError> for CliError {
    fn from(e: crate::site::SiteError) -> Self {
        CliError::Site(e)
    }
}

impl From<CliMsg> for CliError {
    fn from(m: CliMsg) -> Self {
        CliError::Msg(m)
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
    // `--lang`, else the personal config file, else the locale; the file is read once here.
    let prefs = crate::config::Prefs::load(cli.lang);
    let lang = prefs.lang;
    match run(cli, &prefs) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) => {
            output::error(&format!("newsdesk: {}", describe(&e, lang)));
            ExitCode::from(1)
        }
    }
}

pub fn run(cli: Cli, prefs: &crate::config::Prefs) -> CliResult<Outcome> {
    let lang = prefs.lang;
    if cli.demo {
        return demo::run(prefs).map(|()| Outcome::Ok);
    }
    let mut ctx = Context::open(cli.db.as_deref())?;
    ctx.lang = lang;
    match cli.command {
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            let settings = crate::tui::Settings::from_prefs(prefs);
            crate::tui::run_with(ctx, settings).map(|()| Outcome::Ok)
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
