//! The one impure loop: read an event, turn it into an action, update, perform the effects,
//! and draw only when something changed. Also terminal setup and restore.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use chrono::Utc;

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
use crate::store::{ListQuery, Recovery, Store, StoreError};

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

fn setup_terminal(snapshot: Snapshot) -> io::Result<Terminal<CrosstermBackend<io::Stdout>>> {
    enable_raw_mode()?;
    // ratatui::init() does not enable bracketed paste; without it a paste arrives as keys.
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        snapshot.write_out();
        restore_terminal();
        previous(info);
    }));
    Terminal::new(CrosstermBackend::new(io::stdout()))
}

/// The unsaved buffer as the signal thread and the panic hook can see it.
#[derive(Clone)]
struct Snapshot {
    shared: Arc<Mutex<Option<Recovery>>>,
    db: PathBuf,
    user: String,
}

impl Snapshot {
    fn set(&self, r: Option<Recovery>) {
        *self.shared.lock().unwrap_or_else(PoisonError::into_inner) = r;
    }

    /// Writes the buffer through a connection of its own (the loop's may be mid-use).
    fn write_out(&self) {
        let r = self
            .shared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some(r) = r
            && let Ok(mut store) = Store::open(&self.db)
        {
            let _ = store.write_recovery(&self.user, &r);
        }
    }
}

/// SIGHUP (the SSH link dropped) and SIGTERM save the buffer and end the process from a
/// thread of their own: after a hang-up crossterm's poll can spin on EOF and never return.
fn watch_signals(snapshot: Snapshot) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            snapshot.write_out();
            if sig == SIGTERM {
                restore_terminal();
            }
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

/// The editor's buffer while it has unsaved changes.
fn unsaved(state: &State) -> Option<Recovery> {
    let e = state.editor.as_ref().filter(|e| e.dirty)?;
    Some(Recovery {
        article_id: e.id,
        base_version: e.base_version,
        fields: e.fields(),
        written_at: Utc::now(),
    })
}

/// Opens the TUI on the context's store until the editor quits.
pub fn run(mut ctx: Context) -> CliResult<()> {
    let snapshot = Snapshot {
        shared: Arc::new(Mutex::new(None)),
        db: ctx.db_path.clone(),
        user: ctx.user.clone(),
    };
    watch_signals(snapshot.clone())
        .map_err(|e| CliError(format!("cannot watch for signals: {e}")))?;
    let mut terminal = setup_terminal(snapshot.clone()).map_err(|e| {
        restore_terminal();
        CliError(format!("cannot start the terminal interface: {e}"))
    })?;
    let result = event_loop(&mut terminal, &mut ctx, &snapshot);
    restore_terminal();
    result
}

/// When to write the recovery copy: a moment after typing pauses, and at least every 30 s.
#[derive(Default)]
struct RecoveryTimer {
    pause: Option<Instant>,
    latest: Option<Instant>,
    seen: Option<(Option<i64>, u64)>,
}

const AFTER_PAUSE: Duration = Duration::from_secs(2);
const AT_LEAST_EVERY: Duration = Duration::from_secs(30);

impl RecoveryTimer {
    /// Notes an edit (a new editor revision) and sets the deadlines.
    fn observe(&mut self, state: &State) {
        let now_seen = state
            .editor
            .as_ref()
            .filter(|e| e.dirty)
            .map(|e| (e.id, e.revision));
        if now_seen.is_none() {
            *self = RecoveryTimer::default();
            return;
        }
        if now_seen != self.seen {
            let now = Instant::now();
            self.pause = Some(now + AFTER_PAUSE);
            self.latest.get_or_insert(now + AT_LEAST_EVERY);
            self.seen = now_seen;
        }
    }

    fn next_deadline(&self) -> Option<Instant> {
        match (self.pause, self.latest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn written(&mut self) {
        self.pause = None;
        self.latest = None;
    }
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    ctx: &mut Context,
    snapshot: &Snapshot,
) -> CliResult<()> {
    let size = terminal.size().map_err(term_err)?;
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut state = State::new(size.width, size.height, color, ctx.tz);
    let first = reload_list(&state);
    dispatch(&mut state, ctx, vec![first]);
    // A new article whose session ended before its first save.
    if let Ok(Some(recovery)) = ctx.store.recovery(&ctx.user, None) {
        let fx = update(
            &mut state,
            Action::RecoveryFound {
                article: None,
                recovery: Box::new(recovery),
            },
        );
        dispatch(&mut state, ctx, fx);
    }
    let mut timer = RecoveryTimer::default();
    let mut dirty = true;
    while !state.quit {
        if dirty {
            terminal.draw(|f| view::draw(f, &state)).map_err(term_err)?;
            dirty = false;
        }
        // No fixed-rate redraw: sleep until input or the recovery deadline.
        let wait = timer
            .next_deadline()
            .map_or(Duration::from_secs(3600), |d| {
                d.saturating_duration_since(Instant::now())
            });
        if !event::poll(wait).map_err(term_err)? {
            if timer.next_deadline().is_some_and(|d| d <= Instant::now()) {
                if let Some(r) = unsaved(&state) {
                    // A failed write is retried at the next deadline; the buffer is still here.
                    let _ = ctx.store.write_recovery(&ctx.user, &r);
                }
                timer.written();
            }
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
        timer.observe(&state);
        snapshot.set(unsaved(&state));
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
        Effect::LoadArticle(id) => {
            ctx.store
                .get(id)
                .and_then(|a| match ctx.store.recovery(&ctx.user, Some(id))? {
                    Some(r)
                        if r.fields.body != a.body
                            || r.fields.title != a.title
                            || r.fields.lede != a.lede =>
                    {
                        Ok(Action::RecoveryFound {
                            article: Some(Box::new(a)),
                            recovery: Box::new(r),
                        })
                    }
                    _ => Ok(Action::ArticleLoaded(a)),
                })
        }
        Effect::DiscardRecovery(id) => {
            return match ctx.store.discard_recovery(&ctx.user, id) {
                Ok(()) => Action::Done,
                Err(e) => Action::Failed(e.to_string()),
            };
        }
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
