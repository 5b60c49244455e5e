//! The loop's deadlines: when to write the recovery copy and when to beat the lock's heart.
//! The loop sleeps until the nearest one (or input); with nothing due it sleeps for an hour.

use std::time::{Duration, Instant};

use crate::tui::state::State;

/// A moment after typing pauses, the recovery copy is written…
const AFTER_PAUSE: Duration = Duration::from_secs(2);
/// …and at least this often while typing goes on.
const AT_LEAST_EVERY: Duration = Duration::from_secs(30);
/// How often a held lock is refreshed (it goes stale after two minutes without).
pub const HEARTBEAT_EVERY: Duration = Duration::from_secs(30);

#[derive(Default)]
pub struct Deadlines {
    pause: Option<Instant>,
    latest: Option<Instant>,
    seen: Option<(Option<i64>, u64)>,
    /// The article whose lock we hold, and when to refresh it next.
    beat: Option<(i64, Instant)>,
}

impl Deadlines {
    /// Notes what changed in the state: an edit (a new editor revision) sets the recovery
    /// deadlines; taking or giving up a lock starts or stops the heartbeat.
    pub fn observe(&mut self, state: &State, now: Instant) {
        let editor = state.editor();
        let now_seen = editor.filter(|e| e.dirty).map(|e| (e.id, e.revision));
        match now_seen {
            None => {
                self.pause = None;
                self.latest = None;
                self.seen = None;
            }
            Some(seen) if Some(seen) != self.seen => {
                self.pause = Some(now + AFTER_PAUSE);
                self.latest.get_or_insert(now + AT_LEAST_EVERY);
                self.seen = Some(seen);
            }
            Some(_) => {}
        }
        let held = editor.and_then(|e| e.held_lock());
        self.beat = match (held, self.beat) {
            (Some(id), Some((beating, at))) if beating == id => Some((id, at)),
            (Some(id), _) => Some((id, now + HEARTBEAT_EVERY)),
            (None, _) => None,
        };
    }

    /// The nearest deadline, if any.
    pub fn next(&self) -> Option<Instant> {
        [self.pause, self.latest, self.beat.map(|(_, at)| at)]
            .into_iter()
            .flatten()
            .min()
    }

    /// How long the loop may sleep.
    pub fn wait(&self, now: Instant) -> Duration {
        self.next().map_or(Duration::from_secs(3600), |d| {
            d.saturating_duration_since(now)
        })
    }

    pub fn recovery_due(&self, now: Instant) -> bool {
        [self.pause, self.latest]
            .into_iter()
            .flatten()
            .any(|d| d <= now)
    }

    pub fn recovery_written(&mut self) {
        self.pause = None;
        self.latest = None;
    }

    /// The article whose lock is due a heartbeat; the next one is scheduled at once.
    pub fn beat_due(&mut self, now: Instant) -> Option<i64> {
        let (id, at) = self.beat?;
        if at > now {
            return None;
        }
        self.beat = Some((id, now + HEARTBEAT_EVERY));
        Some(id)
    }
}
