//! The command line: parse, open the store, dispatch to one small module per subcommand.

mod args;
mod articles;
mod context;
pub mod export;
pub mod hints;
pub mod import;
pub mod media;
mod media_attach;
mod msg;
mod output;
mod site;

use std::process::ExitCode;

pub use crate::words::{describe_domain, describe_refusal, describe_site, describe_store};
pub use args::{Cli, Command};
pub use context::Context;
pub use msg::{ArticleMsg, AttachMsg, CliMsg, ExportMsg, MarkdownMsg, PhotoMsg, SetupMsg};

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
    /// A use case's error the command line words as the terminal app does.
    App(crate::app::AppError),
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

/// A use case's error, worded as the command line always has.
impl From<crate::app::AppError> for CliError {
    fn from(e: crate::app::AppError) -> Self {
        use crate::app::{AppError, PhotoProblem};
        use crate::files::FileKind;
        match e {
            AppError::Store(e) => CliError::Store(e),
            AppError::Domain(e) => CliError::Domain(e),
            AppError::Site(e) => CliError::Site(e),
            AppError::NoHomeFolder => SetupMsg::NoHomeFolder.into(),
            e @ AppError::SyncLog { .. } => CliError::App(e),
            AppError::DemoFolder { path, err } => SetupMsg::DemoFolder {
                path: path.display().to_string(),
                err,
            }
            .into(),
            AppError::Photo(p) => match p {
                PhotoProblem::NotAFile(FileKind::Folder) => PhotoMsg::IsFolder,
                PhotoProblem::NotAFile(_) => PhotoMsg::NotAFile,
                PhotoProblem::Rejected(r) => PhotoMsg::Rejected(r),
                PhotoProblem::CannotRead(err) => PhotoMsg::CannotRead(err),
                PhotoProblem::CannotStore { dir, err } => PhotoMsg::CannotStore {
                    dir: dir.display().to_string(),
                    err,
                },
            }
            .into(),
        }
    }
}

impl From<CliMsg> for CliError {
    fn from(m: CliMsg) -> Self {
        CliError::Msg(m)
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// Any error the command line reports, in `lang`.
pub fn describe(err: &CliError, lang: Lang) -> String {
    match err {
        CliError::Store(e) => hints::with_hint(describe_store(e, lang), hints::store(e, lang)),
        CliError::Domain(e) => describe_domain(e, lang),
        CliError::Site(e) => hints::with_hint(describe_site(e, lang), hints::site(e, lang)),
        CliError::Msg(m) => m.text(lang),
        CliError::Text(t) => t.clone(),
        CliError::App(e) => {
            hints::with_hint(crate::words::describe_app(e, lang), hints::app(e, lang))
        }
    }
}

/// What a command reports: success, or some items failed (already reported on stderr).
pub enum Outcome {
    Ok,
    Partial,
}

/// Runs a command (or prints the overview when no command was given), printing what went
/// wrong in the editor's language; the exit code says how it ended.
pub fn main(cli: Cli, prefs: &crate::config::Prefs) -> ExitCode {
    let lang = prefs.lang;
    match run(cli, prefs) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) => {
            output::error(&format!("newsdesk: {}", describe(&e, lang)));
            ExitCode::from(1)
        }
    }
}

/// The command line from the process's own arguments (never the terminal app): for programs
/// that run themselves as `newsdesk`, such as the import soak.
pub fn main_from_args() -> ExitCode {
    use clap::Parser;
    let cli = Cli::parse();
    let prefs = crate::config::Prefs::load(cli.lang);
    main(cli, &prefs)
}

pub fn run(cli: Cli, prefs: &crate::config::Prefs) -> CliResult<Outcome> {
    let mut ctx = Context::open(cli.db.as_deref())?;
    ctx.lang = prefs.lang;
    match cli.command {
        // No command and no terminal (a pipe, cron): the overview instead of the app.
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
