#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
//! Chooses the front end: the terminal app (no command on a terminal, or `--demo`), else the
//! command line. The two never call each other.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use newsdesk::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `--lang`, else the personal config file, else the locale; the file is read once here.
    let prefs = newsdesk::config::Prefs::load(cli.lang);
    if cli.demo || (cli.command.is_none() && std::io::stdout().is_terminal()) {
        terminal_app(&cli, &prefs)
    } else {
        newsdesk::cli::main(cli, &prefs)
    }
}

fn terminal_app(cli: &Cli, prefs: &newsdesk::config::Prefs) -> ExitCode {
    let lang = prefs.lang;
    let settings = newsdesk::tui::Settings::from_prefs(prefs);
    let opened = if cli.demo {
        newsdesk::app::demo::open().map(|(session, folder)| (session, Some(folder)))
    } else {
        newsdesk::app::Session::open(cli.db.as_deref()).map(|session| (session, None))
    };
    let result = match opened {
        // The demo folder lives until the app has quit.
        Ok((session, _folder)) => newsdesk::tui::run_with(session, settings),
        // It started from the command line: its hints (--db) apply.
        Err(e) => Err(newsdesk::cli::hints::with_hint(
            newsdesk::words::describe_app(&e, lang),
            newsdesk::cli::hints::app(&e, lang),
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(text) => {
            eprintln!("newsdesk: {text}");
            ExitCode::from(1)
        }
    }
}
