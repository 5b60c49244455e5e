//! What every command needs: the session (store, user, clock, zone) and the language the
//! command line speaks.

use std::ops::{Deref, DerefMut};
use std::path::Path;

use super::CliResult;
use crate::app::Session;
use crate::i18n::Lang;

pub struct Context {
    pub session: Session,
    /// The language messages are printed in.
    pub lang: Lang,
}

impl Context {
    pub fn open(db: Option<&Path>) -> CliResult<Context> {
        Ok(Context {
            session: Session::open(db)?,
            lang: Lang::default(),
        })
    }
}

// A command reads `ctx.store`, `ctx.user`, `ctx.actor()` as the session's own.
impl Deref for Context {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.session
    }
}

impl DerefMut for Context {
    fn deref_mut(&mut self) -> &mut Session {
        &mut self.session
    }
}
