//! The one impure loop: read an event, turn it into an action, update, perform the effects,
//! and draw only when something changed. Also terminal setup and restore. Effects against the
//! store are in `effects`, the deadlines the loop sleeps towards in `timers`, Ctrl-E's trip
//! to `$EDITOR` in `external`, and Ctrl-X's export thread in `export`.

mod effects;
mod export;
mod external;
mod gallery;
mod timers;

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use super::backend::LeanBackend;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use super::action::{Action, Effect};
use super::msg::{Msg, text};
use super::state::{Settings, State};
use super::update::{reload_list, update};
use super::view;
use crate::app::Session as Context;
use crate::store::{LockOwner, Recovery};

type Term = Terminal<LeanBackend<io::Stdout>>;

/// Puts the terminal back as it was: on quit, on error and from the panic hook.
fn restore_terminal() {
    let _ = leave_terminal();
    let _ = io::stdout().flush();
}

/// Hands the terminal back to the shell: cooked mode, the normal screen, the cursor shown.
/// The backend leaves the last colours and attributes in force: they are reset first.
fn leave_terminal() -> io::Result<()> {
    disable_raw_mode()?;
    execute!(
        io::stdout(),
        crossterm::style::SetAttribute(crossterm::style::Attribute::Reset),
        crossterm::style::ResetColor,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    )
}

/// Takes the terminal for the TUI: raw mode, the alternate screen, bracketed paste.
fn enter_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    // ratatui::init() does not enable bracketed paste; without it a paste arrives as keys.
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)
}

fn setup_terminal(snapshot: Snapshot) -> io::Result<Term> {
    enter_terminal()?;
    let previous = std::panic::take_hook();
    let ui = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        // Another thread's panic (the export's) is reported on the status line: the screen
        // stays, and nothing is printed over it.
        if std::thread::current().id() != ui {
            return;
        }
        snapshot.write_out();
        restore_terminal();
        previous(info);
    }));
    Terminal::new(LeanBackend::new(io::stdout()))
}

/// What the signal thread and the panic hook must see: the unsaved buffer and the lock held.
#[derive(Clone)]
struct Snapshot {
    shared: Arc<Mutex<Option<Recovery>>>,
    lock: Arc<Mutex<Option<i64>>>,
    db: PathBuf,
    user: String,
    me: LockOwner,
    clock: crate::app::Clock,
}

impl Snapshot {
    /// Notes the state after every change.
    fn set(&self, state: &State) {
        *self.shared.lock().unwrap_or_else(PoisonError::into_inner) = unsaved(state, self.clock);
        *self.lock.lock().unwrap_or_else(PoisonError::into_inner) =
            state.editor().and_then(|e| e.held_lock());
    }

    fn held_lock(&self) -> Option<i64> {
        *self.lock.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Writes the buffer and gives up the lock through a connection of its own (the loop's
    /// may be mid-use).
    fn write_out(&self) {
        let r = self
            .shared
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let lock = self.held_lock();
        let _ = crate::app::locks::leave_behind(&self.db, &self.user, &self.me, r.as_ref(), lock);
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
fn unsaved(state: &State, clock: crate::app::Clock) -> Option<Recovery> {
    let e = state.editor().filter(|e| e.dirty)?;
    Some(Recovery {
        article_id: e.id,
        base_version: e.base_version,
        fields: e.fields(),
        written_at: clock.now(),
    })
}

/// Why the terminal app could not run, worded in the editor's language (the TUI is an edge).
pub type RunResult = Result<(), String>;

/// Opens the TUI with the person's settings (language, typing mode) until the editor quits.
pub fn run_with(mut ctx: Context, settings: Settings) -> RunResult {
    let lang = settings.lang;
    let me = LockOwner::this_process(&ctx.user);
    let snapshot = Snapshot {
        shared: Arc::new(Mutex::new(None)),
        lock: Arc::new(Mutex::new(None)),
        db: ctx.db_path.clone(),
        user: ctx.user.clone(),
        me: me.clone(),
        clock: ctx.clock,
    };
    watch_signals(snapshot.clone()).map_err(|e| {
        let reason = e.to_string();
        text(lang, &Msg::SignalsFailed { reason: &reason }).into_owned()
    })?;
    let mut terminal = setup_terminal(snapshot.clone()).map_err(|e| {
        restore_terminal();
        let reason = e.to_string();
        text(lang, &Msg::TerminalFailed { reason: &reason }).into_owned()
    })?;
    let mut rt = Runtime {
        ctx: &mut ctx,
        me,
        terminal: &mut terminal,
        export: None,
        settings,
    };
    let result = rt.event_loop(&snapshot);
    // Quitting released the lock; an error on the way out must not leave it behind.
    if let Some(id) = snapshot.held_lock() {
        let _ = crate::app::locks::release(rt.ctx, &rt.me, id);
    }
    restore_terminal();
    // An export under way is let finish (a sync cut short would leave the web root half
    // updated); the screen is already the shell's.
    if let Some(job) = rt.export.take() {
        if !job.news().1 {
            eprintln!("{}", text(lang, &Msg::ExportWaiting));
        }
        let _ = job.join();
    }
    result
}

/// What the loop works with: the store and user, who we are for locks, and the screen.
struct Runtime<'a> {
    ctx: &'a mut Context,
    me: LockOwner,
    terminal: &'a mut Term,
    /// Ctrl-X's export, while it runs.
    export: Option<export::Job>,
    settings: Settings,
}

impl Runtime<'_> {
    fn event_loop(&mut self, snapshot: &Snapshot) -> RunResult {
        let lang = self.settings.lang;
        let size = self.terminal.size().map_err(|e| term_err(e, lang))?;
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let mut state =
            State::new(size.width, size.height, color, self.ctx.tz).with_settings(self.settings);
        let first = reload_list(&state);
        self.dispatch(&mut state, vec![first]);
        // A new article whose session ended before its first save.
        if let Ok(Some(recovery)) = crate::app::locks::recovery(self.ctx, None) {
            let fx = update(
                &mut state,
                Action::RecoveryFound {
                    article: None,
                    recovery: Box::new(recovery),
                },
            );
            self.dispatch(&mut state, fx);
        }
        let mut deadlines = timers::Deadlines::default();
        deadlines.observe(&state, Instant::now());
        snapshot.set(&state);
        let mut dirty = true;
        while !state.quit {
            if dirty {
                self.terminal
                    .draw(|f| view::draw(f, &state))
                    .map_err(|e| term_err(e, lang))?;
                dirty = false;
            }
            // No fixed-rate redraw: sleep until input or the next deadline; while an export
            // runs, wake in short slices to pick up its progress.
            let mut wait = deadlines.wait(Instant::now());
            if self.export.is_some() {
                wait = wait.min(export::POLL);
            }
            let input = event::poll(wait).map_err(|e| term_err(e, lang))?;
            if self.export_news(&mut state) {
                dirty = true;
                deadlines.observe(&state, Instant::now());
                snapshot.set(&state);
            }
            if !input {
                dirty |= self.deadlines_due(&mut state, &mut deadlines);
                if dirty {
                    snapshot.set(&state);
                }
                continue;
            }
            let action = match event::read().map_err(|e| term_err(e, lang))? {
                Event::Key(k) => Action::Key(k),
                Event::Paste(p) => Action::Paste(p),
                Event::Resize(w, h) => Action::Resize(w, h),
                _ => continue,
            };
            let fx = update(&mut state, action);
            self.dispatch(&mut state, fx);
            deadlines.observe(&state, Instant::now());
            snapshot.set(&state);
            dirty = true;
        }
        Ok(())
    }

    /// Writes the recovery copy and beats the lock's heart when due. True when the screen
    /// changed (the lock was taken over); otherwise nothing is drawn.
    fn deadlines_due(&mut self, state: &mut State, deadlines: &mut timers::Deadlines) -> bool {
        let now = Instant::now();
        if deadlines.recovery_due(now) {
            if let Some(r) = unsaved(state, self.ctx.clock) {
                // A failed write is retried at the next deadline; the buffer is still here.
                let _ = crate::app::locks::keep_recovery(self.ctx, &r);
            }
            deadlines.recovery_written();
        }
        let mut changed = false;
        if let Some(id) = deadlines.beat_due(now)
            && let Some(lost) = effects::heartbeat(self.ctx, &self.me, id)
        {
            let fx = update(state, lost);
            self.dispatch(state, fx);
            changed = true;
        }
        deadlines.observe(state, Instant::now());
        changed
    }

    /// Performs effects, feeding each result back through `update` (which may ask for more).
    fn dispatch(&mut self, state: &mut State, fx: Vec<Effect>) {
        // First in, first out: the effects run in the order `update` asked for them.
        let mut fx = std::collections::VecDeque::from(fx);
        while let Some(effect) = fx.pop_front() {
            let action = match effect {
                Effect::EditExternally(body) => self.edit_externally(state, &body),
                Effect::Export { sync } => self.start_export(sync),
                other => effects::perform(self.ctx, self.settings.lang, &self.me, other),
            };
            fx.extend(update(state, action));
        }
    }

    /// Starts the export thread (`update` has checked that none runs).
    fn start_export(&mut self, sync: bool) -> Action {
        // A job still here has sent its summary already and is ending.
        if let Some(old) = self.export.take() {
            let _ = old.join();
        }
        let db = self.ctx.db_path.clone();
        let actor = self.ctx.actor();
        match export::Job::start(db, actor, sync, self.settings.lang) {
            Ok(job) => {
                self.export = Some(job);
                Action::Done
            }
            Err(e) => Action::ExportFinished(Err(e.to_string())),
        }
    }

    /// Feeds what the export thread sent through `update`; true if anything arrived.
    fn export_news(&mut self, state: &mut State) -> bool {
        let Some(job) = self.export.as_ref() else {
            return false;
        };
        let (news, ended) = job.news();
        let mut changed = !news.is_empty();
        for action in news {
            let fx = update(state, action);
            self.dispatch(state, fx);
        }
        if ended && let Some(job) = self.export.take() {
            let panicked = job.join();
            // The thread ended without its summary: it panicked.
            if state.export.is_some() {
                let detail = panicked.as_deref().filter(|m| !m.is_empty());
                let lost = Msg::ExportCrashed { detail };
                let lost = Action::ExportFinished(Err(text(state.lang, &lost).into_owned()));
                let fx = update(state, lost);
                self.dispatch(state, fx);
                changed = true;
            }
        }
        changed
    }

    /// Ctrl-E: the body in `$EDITOR`, the lock kept fresh while it runs.
    fn edit_externally(&mut self, state: &State, body: &str) -> Action {
        let held = state.editor().and_then(|e| e.held_lock());
        let (ctx, me) = (&mut *self.ctx, &self.me);
        let mut beat = || {
            if let Some(id) = held {
                let _ = effects::heartbeat(ctx, me, id);
            }
        };
        external::edit(self.terminal, body, &mut beat, state.lang)
    }
}

fn term_err(e: io::Error, lang: crate::i18n::Lang) -> String {
    let reason = e.to_string();
    text(lang, &Msg::TerminalError { reason: &reason }).into_owned()
}
