//! What a use case can fail at, as data: the layer's errors, and the photo library's own
//! problems. The words are chosen by each front end (`words`).

use std::path::PathBuf;

use crate::domain::DomainError;
use crate::files::FileKind;
use crate::media::Refusal;
use crate::site::SiteError;
use crate::store::StoreError;

#[derive(Debug)]
pub enum AppError {
    Store(StoreError),
    Domain(DomainError),
    Site(SiteError),
    Photo(PhotoProblem),
    /// No `$HOME` (or platform data folder) to put the default database in.
    NoHomeFolder,
    /// The demo's temp folder could not be made (the OS's words).
    DemoFolder {
        path: PathBuf,
        err: String,
    },
    /// The sync's log file could not be made (the OS's words).
    SyncLog {
        path: PathBuf,
        err: String,
    },
}

/// Why a file did not go into the photo library.
#[derive(Debug)]
pub enum PhotoProblem {
    /// A folder, a device, a pipe: only regular files are read.
    NotAFile(FileKind),
    /// Its bytes are not a photo newsdesk accepts.
    Rejected(Refusal),
    /// The OS refused to read it (its words).
    CannotRead(String),
    /// The library's folder could not take it (the OS's words).
    CannotStore { dir: PathBuf, err: String },
}

pub type AppResult<T> = Result<T, AppError>;

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Store(e)
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        AppError::Domain(e)
    }
}

impl From<SiteError> for AppError {
    fn from(e: SiteError) -> Self {
        AppError::Site(e)
    }
}

impl From<PhotoProblem> for AppError {
    fn from(p: PhotoProblem) -> Self {
        AppError::Photo(p)
    }
}
