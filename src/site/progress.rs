//! How far an export has got, for a progress bar: the phase, and how many of how many.

/// The steps of an export, in the order they happen (`Publishing` twice: found, then done).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Scheduled articles whose time has come (counts articles): found first, rendered as
    /// published, and moved to published in the store once the new site is live.
    Publishing,
    /// Pages are rendered and placed in the new build (counts pages).
    Rendering,
    /// The live link is switched to the new build.
    Switching,
    /// The site's sync command runs (no count: its output says how far it is).
    Syncing,
}

/// One step forward: `done` of `total` in `phase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn new(phase: Phase, done: usize, total: usize) -> Progress {
        Progress { phase, done, total }
    }
}

/// Told of every step; an export that nobody watches passes `&mut |_| {}`.
pub type OnProgress<'p> = dyn FnMut(Progress) + 'p;
