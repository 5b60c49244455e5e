//! The one impure loop: read an event, turn it into an action, update, perform the effects,
//! and draw only when something changed. Also terminal setup and restore.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::action::{Action, Effect, ListRequest};
use super::state::State;
use super::update::{reload_list, update};
use super::view;
use crate::cli::{CliError, CliResult, Context};
use crate::domain::query::SearchQuery;
use crate::domain::snippet::render_marked;
use crate::store::{ListQuery, StoreError};

/// Puts the terminal back as it was: on quit, on error and from the panic hook.
fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = io::stdout().flush();
}

fn setup_terminal() -> io::Result<Terminal<CrosstermBackend<io::Stdout>>> {
    enable_raw_mode()?;
    // ratatui::init() does not enable bracketed paste; without it a paste arrives as keys.
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// SIGHUP (the SSH link dropped) and SIGTERM end the process from a thread of their own:
/// after a hang-up crossterm's poll can spin on EOF and never return to the loop.
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            if sig == SIGTERM {
                restore_terminal();
            }
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

/// Opens the TUI on the context's store until the editor quits.
pub fn run(mut ctx: Context) -> CliResult<()> {
    watch_signals().map_err(|e| CliError(format!("cannot watch for signals: {e}")))?;
    let mut terminal = setup_terminal().map_err(|e| {
        restore_terminal();
        CliError(format!("cannot start the terminal interface: {e}"))
    })?;
    let result = event_loop(&mut terminal, &mut ctx);
    restore_terminal();
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    ctx: &mut Context,
) -> CliResult<()> {
    let size = terminal.size().map_err(term_err)?;
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut state = State::new(size.width, size.height, color, ctx.tz);
    let first = reload_list(&state);
    dispatch(&mut state, ctx, vec![first]);
    let mut dirty = true;
    while !state.quit {
        if dirty {
            terminal.draw(|f| view::draw(f, &state)).map_err(term_err)?;
            dirty = false;
        }
        // No fixed-rate redraw: block until input arrives.
        if !event::poll(Duration::from_secs(60)).map_err(term_err)? {
            continue;
        }
        let action = match event::read().map_err(term_err)? {
            Event::Key(k) => Action::Key(k),
            Event::Paste(p) => Action::Paste(p),
            Event::Resize(w, h) => Action::Resize(w, h),
            _ => continue,
        };
        let fx = update(&mut state, action);
        dispatch(&mut state, ctx, fx);
        dirty = true;
    }
    Ok(())
}

fn term_err(e: io::Error) -> CliError {
    CliError(format!("terminal error: {e}"))
}

/// Performs effects, feeding each result back through `update` (which may ask for more).
fn dispatch(state: &mut State, ctx: &mut Context, mut fx: Vec<Effect>) {
    while let Some(effect) = (!fx.is_empty()).then(|| fx.remove(0)) {
        let action = perform(ctx, effect);
        fx.extend(update(state, action));
    }
}

fn perform(ctx: &mut Context, effect: Effect) -> Action {
    let result = match effect {
        Effect::LoadList(req) => load_list(ctx, &req),
        Effect::LoadArticle(id) => ctx.store.get(id).map(Action::ArticleLoaded),
        Effect::Save {
            id,
            fields,
            base_version,
        } => {
            let actor = ctx.actor();
            let saved = match id {
                None => ctx
                    .store
                    .create(&fields, crate::domain::Status::Draft, &actor),
                Some(id) => ctx.store.save(id, &fields, base_version, &actor),
            };
            match saved {
                Ok(a) => Ok(Action::Saved(a)),
                Err(StoreError::Conflict { id, kept_rev, .. }) => ctx
                    .store
                    .get(id)
                    .map(|theirs| Action::Conflict { theirs, kept_rev }),
                Err(e) => Err(e),
            }
        }
        Effect::SetStatus { id, to, at } => {
            let actor = ctx.actor();
            ctx.store.set_status(id, to, at, &actor).map(Action::Saved)
        }
    };
    result.unwrap_or_else(|e| Action::Failed(e.to_string()))
}

fn load_list(ctx: &Context, req: &ListRequest) -> Result<Action, StoreError> {
    if req.search.trim().is_empty() {
        let q = ListQuery {
            status: req.filter,
            sort: req.sort,
            limit: req.limit,
            offset: req.offset,
            ..ListQuery::default()
        };
        let rows = ctx.store.list(&q)?;
        let total = ctx.store.count(&q)?;
        return Ok(Action::ListLoaded {
            window_start: req.offset,
            rows,
            total,
            snippets: Vec::new(),
        });
    }
    let mut q = SearchQuery::parse(&req.search)?;
    if q.status.is_none() {
        q.status = req.filter;
    }
    // Search results are ranked; the best few hundred are plenty to scroll through.
    let hits = ctx.store.search(&q, super::state::LIST_WINDOW, 0)?;
    let snippets = hits
        .iter()
        .map(|h| (h.article.id, render_marked(&h.snippet, "", "")))
        .collect();
    let rows: Vec<_> = hits.into_iter().map(|h| h.article).collect();
    Ok(Action::ListLoaded {
        window_start: 0,
        total: rows.len(),
        rows,
        snippets,
    })
}
