//! Bringing the open editor up to date with what its own actions wrote to the store (a status
//! move, a save, a take-over): the base version moves on, and every field the writer has not
//! changed since the editor last agreed with the store takes the stored value, so the next
//! save never writes back a stale copy (Publish now, then a save, kept the old publish time).
//! A field the writer did change keeps their text. A colleague's save is not this: it goes
//! through the conflict dialog.

use chrono::{DateTime, FixedOffset, Utc};

use super::editor::{body_area, publish_text, single_line};
use super::{EditorState, Field};
use crate::domain::{Article, ArticleFields, text};

/// A typed time the editor cannot send: not a time, or one outside the years a page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadTime {
    NotATime(String),
    OutOfRange(String),
}

/// The time typed in `input` (the Publish field, the status menu's box), read in `tz`.
pub fn read_time(input: &str, tz: FixedOffset) -> Result<DateTime<Utc>, BadTime> {
    match crate::domain::time::read_time(input, tz) {
        Ok(Some(t)) => Ok(t),
        Ok(None) => Err(BadTime::NotATime(input.to_string())),
        Err(_) => Err(BadTime::OutOfRange(input.to_string())),
    }
}

impl BadTime {
    pub fn msg(&self) -> crate::tui::msg::Msg<'_> {
        match self {
            BadTime::NotATime(input) => crate::tui::msg::Msg::BadTime { input },
            BadTime::OutOfRange(input) => crate::tui::msg::Msg::TimeOutOfRange { input },
        }
    }
}

impl EditorState {
    /// Takes in `a`, the stored article after an action of this editor's.
    pub fn sync_with(&mut self, a: &Article, tz: FixedOffset) {
        let stored = a.fields();
        let (mine, publish_readable) = self.fields_as_typed(tz);
        let mut changed = false;
        for field in Field::ALL {
            // A Publish field that does not read as a time is the writer's own text.
            let untouched =
                same(field, &mine, &self.synced) && (field != Field::PublishAt || publish_readable);
            if untouched && !same(field, &stored, &self.synced) {
                self.replace(field, &stored, tz);
                changed = true;
            }
        }
        self.id = Some(a.id);
        self.slug = Some(a.slug.clone());
        self.base_version = a.version;
        self.status = a.status;
        self.synced = stored;
        if changed {
            self.revision += 1;
        }
    }

    /// The publish time a save sends: the stored one (to the second) while the field still
    /// shows it, else what the field says; `Err` when it is not a time a page can show.
    pub fn publish_at(&self, tz: FixedOffset) -> Result<Option<DateTime<Utc>>, BadTime> {
        let at = self.value(Field::PublishAt);
        if at.trim().is_empty() {
            return Ok(None);
        }
        if at == publish_text(self.synced.publish_at, tz) {
            return Ok(self.synced.publish_at);
        }
        read_time(&at, tz).map(Some)
    }

    /// Whether every field shows what the store holds (an undo back to the saved text).
    pub fn matches_synced(&self, tz: FixedOffset) -> bool {
        let (typed, readable) = self.fields_as_typed(tz);
        readable && Field::ALL.iter().all(|f| same(*f, &typed, &self.synced))
    }

    /// The fields as a save would store them, and whether the Publish field reads as a time.
    fn fields_as_typed(&self, tz: FixedOffset) -> (ArticleFields, bool) {
        let mut f = self.fields();
        let readable = match self.publish_at(tz) {
            Ok(at) => {
                f.publish_at = at;
                true
            }
            Err(_) => false,
        };
        (f.normalized(), readable)
    }

    fn replace(&mut self, field: Field, stored: &ArticleFields, tz: FixedOffset) {
        let value = match field {
            Field::Body => {
                self.body = body_area(&stored.body);
                return;
            }
            Field::Title => stored.title.clone(),
            Field::Lede => stored.lede.clone(),
            Field::Section => stored.section.clone(),
            Field::Tags => stored.tags.join(", "),
            Field::Byline => stored.byline.clone(),
            Field::SignedBy => stored.signed_by.clone(),
            Field::PublishAt => publish_text(stored.publish_at, tz),
        };
        if let Some(area) = self.lines.get_mut(field.index()) {
            *area = single_line(&text::nfc(&value));
        }
    }
}

/// True when `a` and `b` (both normalised as stored) hold the same value for `field`.
fn same(field: Field, a: &ArticleFields, b: &ArticleFields) -> bool {
    match field {
        Field::Title => a.title == b.title,
        Field::Lede => a.lede == b.lede,
        Field::Section => a.section == b.section,
        Field::Tags => a.tags == b.tags,
        Field::Byline => a.byline == b.byline,
        Field::SignedBy => a.signed_by == b.signed_by,
        Field::PublishAt => a.publish_at == b.publish_at,
        Field::Body => a.body == b.body,
    }
}
