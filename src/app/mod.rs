//! The use cases both front ends call: no terminal, no printing, no language. A `Session`
//! holds the store, who is working, the clock and the zone; each use case returns typed
//! results and an `AppError` that carries data.

pub mod articles;
pub mod demo;
pub mod error;
pub mod export;
pub mod import;
mod import_source;
pub mod locks;
pub mod media;
pub mod photos;
pub mod read;
pub mod reading;
pub mod session;
pub mod sync;

pub use error::{AppError, AppResult, PhotoProblem};
pub use session::{Clock, Session, default_db_path, os_user};
