//! Every line the command line prints for a person, in English and Vietnamese.
//!
//! One enum, one exhaustive `match` per language (this file for English, `msg_vi` for
//! Vietnamese): a message without a translation does not compile. JSON output is not here:
//! its keys and values stay English and stable.

use crate::domain::Status;
use crate::i18n::Lang;
use crate::media::{Refusal, megabytes};
use crate::site::i18n::{format_decimal, format_int};
use crate::site::settings::Language;
use crate::store::{MediaItem, MediaUse, describe_uses};

/// A line for the editor. Errors the command line words itself are messages too.
#[derive(Debug, Clone, PartialEq)]
pub enum CliMsg {
    // Articles.
    Overview {
        db: String,
        total: u64,
    },
    NoArticlesYet,
    CommandsHint,
    WordsAndMinutes {
        words: u64,
        minutes: u64,
    },
    Byline(String),
    Tags(String),
    HistoryHeader,
    NoMatches,
    NowStatus {
        title: String,
        status: Status,
        when: Option<String>,
    },
    Restored {
        title: String,
        rev: i64,
        version: i64,
    },
    Purged(String),
    AlreadyArchived(String),
    Archived {
        title: String,
        id: i64,
    },
    // Markdown in and out.
    Imported {
        created: u64,
        updated: u64,
        unchanged: u64,
        skipped: u64,
        failed: u64,
    },
    /// A file became a new article, `slug`, because the slug its title makes, `taken`, is
    /// another article's: the one imported from `other`, when known.
    SlugCollision {
        path: String,
        slug: String,
        taken: String,
        other: Option<String>,
    },
    /// Two files one import would know by the same `name` (two files named themselves).
    SameName {
        path: String,
        first: String,
        name: String,
    },
    WroteMarkdown {
        count: u64,
        dir: String,
    },
    // Site settings.
    NotSet,
    Default,
    BackToDefault(String),
    // Export.
    Exported {
        files: u64,
        live: String,
        build: String,
        written: u64,
        unchanged: u64,
        removed: u64,
        secs: f64,
    },
    NothingChanged {
        live: String,
        unchanged: u64,
        secs: f64,
    },
    /// `--rollback`: build `number` (folder `path`, made at `made`) is now live; `forward`
    /// when it is newer than the one it replaced (a second rollback undoing the first).
    RolledBack {
        out: String,
        number: u64,
        path: String,
        made: Option<String>,
        forward: bool,
    },
    PublishedOnSchedule {
        title: String,
        slug: String,
    },
    Renditions(u64),
    SyncRunning(String),
    SyncFinished,
    /// `None`: ended by a signal.
    SyncFailed {
        code: Option<i32>,
        live: String,
    },
    // Refusals and failures.
    NoHomeFolder,
    ReadStdin(String),
    ReadBodyFile {
        path: String,
        err: String,
    },
    BodyNotUtf8 {
        path: String,
        offset: usize,
    },
    UnknownSort(String),
    NotATime(String),
    PurgeNeedsYes(String),
    CreateFolder {
        path: String,
        err: String,
    },
    WriteFile {
        path: String,
        err: String,
    },
    NoSyncCommand,
    DemoFolder {
        path: String,
        err: String,
    },
    // Import failures, one line per file: the path, then what went wrong.
    ReadFolder {
        path: String,
        err: String,
    },
    ReadFile {
        path: String,
        err: String,
    },
    FileNotUtf8 {
        path: String,
        offset: usize,
    },
    FileFailed {
        path: String,
        reason: String,
    },
    // The photo library (`media`).
    PhotoUpdated(String),
    /// A file `media add` did not take; `reason` is already worded in the language.
    PhotoRefused {
        path: String,
        reason: String,
    },
    PhotoCannotRead(String),
    PhotoIsFolder,
    PhotoNotAFile,
    /// The media library's own reason (`describe_refusal`).
    PhotoRejected(Refusal),
    PhotoCannotStore {
        dir: String,
        err: String,
    },
    PhotoAdded {
        fresh: bool,
        item: Box<MediaItem>,
        /// Its place in the gallery of the article named with --article, and that title.
        gallery: Option<(usize, String)>,
    },
    LibraryEmpty,
    PhotoRow {
        item: Box<MediaItem>,
        uses: usize,
        when: String,
    },
    PhotoHeading(Box<MediaItem>),
    PhotoFile {
        path: String,
        missing: bool,
    },
    PhotoCaption(String),
    PhotoAlt(String),
    PhotoCredit(String),
    PhotoAddedBy {
        when: String,
        by: String,
    },
    PhotoUnused,
    PhotoUse(MediaUse),
    PhotoFileNotRemoved {
        short: String,
        err: String,
    },
    PhotoRemoved {
        short: String,
        name: String,
    },
    PhotoDetachedFrom(Vec<MediaUse>),
    PhotoStillInline(Vec<MediaUse>),
    PhotoIsLead {
        short: String,
        title: String,
    },
    PhotoInGallery {
        short: String,
        place: usize,
        title: String,
    },
    PhotoNotOnArticle {
        title: String,
        short: String,
    },
    PhotoTakenOff {
        short: String,
        title: String,
    },
    BodyStillShowsPhoto,
    /// Published or scheduled with photos that have no alt text: `HASH (place)` each.
    PhotosWithoutAlt {
        title: String,
        /// Where each stands, and its short hash.
        photos: Vec<(crate::media::Place, String)>,
        slug: String,
    },
    BrokenPhotoRef {
        title: String,
        reference: String,
        /// It starts the hash of several photos (else it names none).
        ambiguous: bool,
    },
    // Publishing safely (issue 10).
    /// A due article the new site shows, changed in the store while the site was built.
    ChangedWhileExported {
        title: String,
        slug: String,
    },
    /// A due article the new site shows that the store could not mark published.
    NotMarkedPublished {
        title: String,
        slug: String,
        err: String,
    },
    /// The sync command ran past `sync_timeout` (`limit`, as the setting writes it).
    SyncTimedOut {
        limit: String,
        live: String,
    },
    /// `export-md` found something other than a file of its own at `path`: a link (to
    /// `link_to`) or a folder, pipe or device. It is left as it is.
    MarkdownRefused {
        path: String,
        link_to: Option<String>,
    },
}

/// What a library photo is: `JPEG, 4000×3000, 5.1 MB` (`5,1 MB` in Vietnamese).
pub(super) fn photo_facts(m: &MediaItem, lang: Lang) -> String {
    let size = match lang {
        Lang::En => megabytes(m.bytes),
        Lang::Vi => crate::words::megabytes_vi(m.bytes),
    };
    format!(
        "{}, {}×{}, {size}",
        m.image.format, m.image.width, m.image.height
    )
}

/// `caption  …`: a field of `media show`, `(none)` when empty.
fn field_en(label: &str, value: &str) -> String {
    let shown = if value.is_empty() { "(none)" } else { value };
    format!("{label:<8} {shown}")
}

/// A count in Vietnamese: `1.234`.
pub(super) fn int_vi(n: u64) -> String {
    format_int(n, Language::Vi)
}

/// Seconds with two decimals in Vietnamese: `0,25`.
pub(super) fn secs_vi(s: f64) -> String {
    format_decimal(s, 2, Language::Vi)
}

impl CliMsg {
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Vi => self.vi(),
        }
    }

    fn en(&self) -> String {
        use CliMsg::*;
        // English output stays as scripts have always read it: `1234`, `0.25`.
        let n = |n: &u64| n.to_string();
        let s = |s: &f64| format!("{s:.2}");
        match self {
            Overview { db, total } => format!("newsdesk — {db} ({} articles)", n(total)),
            NoArticlesYet => "No articles yet. Create one with `newsdesk new --title \"…\"` or bring some in with `newsdesk import FOLDER`.".into(),
            CommandsHint => "Commands: newsdesk --help".into(),
            WordsAndMinutes { words, minutes } => format!("{} words, {} min", n(words), n(minutes)),
            Byline(b) => format!("By {b}"),
            Tags(t) => format!("Tags: {t}"),
            HistoryHeader => history_header(["REV", "KIND", "VER", "WHEN", "WHO", "WORDS", "TITLE"]),
            NoMatches => "No articles match.".into(),
            NowStatus { title, status, when } => format!(
                "“{title}” is now {}{}",
                status.as_str(),
                when.as_ref().map(|w| format!(" ({w})")).unwrap_or_default()
            ),
            Restored { title, rev, version } => {
                format!("“{title}”: revision {rev} restored as version {version}")
            }
            Purged(title) => format!("“{title}” removed for good"),
            AlreadyArchived(title) => format!("“{title}” is already archived"),
            Archived { title, id } => {
                format!("“{title}” archived (restore it with `newsdesk status {id} draft`)")
            }
            Imported { created, updated, unchanged, skipped, failed } => format!(
                "imported {} files: {} new, {} updated, {} unchanged, {} skipped, {} failed",
                n(&(created + updated + unchanged + skipped)),
                n(created),
                n(updated),
                n(unchanged),
                n(skipped),
                n(failed)
            ),
            SlugCollision { path, slug, taken, other: Some(other) } => format!(
                "{path}: the slug “{taken}” is the article imported from {other}; this file became a new article, “{slug}”"
            ),
            SameName { path, first, name } => format!(
                "{path}: known as {name}, as is {first}, read earlier in this import: import the folders that hold them instead"
            ),
            SlugCollision { path, slug, taken, other: None } => format!(
                "{path}: the slug “{taken}” is another article's; this file became a new article, “{slug}”"
            ),
            WroteMarkdown { count, dir } => format!("wrote {} articles to {dir}", n(count)),
            NotSet => "(not set)".into(),
            Default => "(default)".into(),
            BackToDefault(key) => format!("{key} is back to its default"),
            Exported { files, live, build, written, unchanged, removed, secs } => format!(
                "exported {} files to {live} ({build}): {} written, {} unchanged, {} removed in {} s",
                n(files),
                n(written),
                n(unchanged),
                n(removed),
                s(secs)
            ),
            NothingChanged { live, unchanged, secs } => format!(
                "nothing changed: {live} is up to date ({} files unchanged, {} s)",
                n(unchanged),
                s(secs)
            ),
            RolledBack { out, number, path, made, forward } => format!(
                "{out} switched {} build {number} ({path}{}){}",
                if *forward { "forward to the newer" } else { "back to the earlier" },
                made.as_ref().map(|m| format!(", made {m}")).unwrap_or_default(),
                if *forward { "" } else { "; run `newsdesk export --rollback` again to switch forward" }
            ),
            PublishedOnSchedule { title, slug } => {
                format!("published on schedule: “{title}” ({slug})")
            }
            Renditions(count) => format!("photos: {} renditions made", n(count)),
            SyncRunning(cmd) => format!("sync: {cmd}"),
            SyncFinished => "sync finished (exit code 0)".into(),
            SyncFailed { code, live } => format!(
                "newsdesk: the sync command failed ({}); the export is in place at {live}: fix the command (`newsdesk site get sync_command`) and run `newsdesk export --sync` again",
                code.map_or("ended by a signal".to_string(), |c| format!("exit code {c}"))
            ),
            NoHomeFolder => "cannot find a home folder for the database: pass --db PATH".into(),
            ReadStdin(err) => format!("cannot read the body from standard input: {err}"),
            ReadBodyFile { path, err } => format!("cannot read the body file {path}: {err}"),
            BodyNotUtf8 { path, offset } => format!(
                "the body file {path} is not UTF-8 text (bad byte at offset {offset}): save it as UTF-8"
            ),
            UnknownSort(s) => format!("unknown sort “{s}”: use updated, published or title"),
            NotATime(s) => format!(
                "“{s}” is not a time: write it like \"2026-11-27 08:00\" or 2026-11-27T08:00:00+07:00"
            ),
            PurgeNeedsYes(title) => format!(
                "--purge removes “{title}” and its whole history for good: add --yes to confirm"
            ),
            CreateFolder { path, err } => format!("cannot create the folder {path}: {err}"),
            WriteFile { path, err } => format!("cannot write {path}: {err}"),
            NoSyncCommand => "no sync command: set one with `newsdesk site set sync_command 'rsync -a --delete {out}/ www@host:/var/www/site/'`".into(),
            DemoFolder { path, err } => format!("cannot create the demo folder {path}: {err}"),
            ReadFolder { path, err } => format!("{path}: cannot read this folder: {err}"),
            ReadFile { path, err } => format!("{path}: cannot read: {err}"),
            FileNotUtf8 { path, offset } => format!(
                "{path}: not UTF-8 text (bad byte at offset {offset}): save it as UTF-8"
            ),
            FileFailed { path, reason } => format!("{path}: {reason}"),
            PhotoUpdated(short) => format!("{short} updated"),
            PhotoRefused { path, reason } => format!("newsdesk: {path}: refused: {reason}"),
            PhotoCannotRead(err) => format!("cannot read it: {err}"),
            PhotoIsFolder => "it is a folder: name the photo files in it".into(),
            PhotoNotAFile => {
                "it is not a file (a device, a pipe or a socket): name a photo file".into()
            }
            PhotoRejected(refusal) => refusal.to_string(),
            PhotoCannotStore { dir, err } => format!("cannot store it in {dir}: {err}"),
            PhotoAdded { fresh, item, gallery } => {
                let done = if *fresh { "added" } else { "already in the library:" };
                let gallery = gallery
                    .as_ref()
                    .map(|(place, title)| format!(", gallery photo {place} of “{title}”"))
                    .unwrap_or_default();
                format!(
                    "{done} {}  {}  ({}){gallery}",
                    item.short(),
                    item.name,
                    photo_facts(item, Lang::En)
                )
            }
            LibraryEmpty => "The photo library is empty. Add photos with `newsdesk media add FILE...`.".into(),
            PhotoRow { item, uses, when } => format!(
                "{}  {:<28} {uses:>4} uses  {when}  {}{}",
                item.short(),
                photo_facts(item, Lang::En),
                item.name,
                quoted_caption(&item.caption)
            ),
            PhotoHeading(item) => format!("{}  ({})", item.name, photo_facts(item, Lang::En)),
            PhotoFile { path, missing } => {
                format!("file:    {path}{}", if *missing { "  (MISSING)" } else { "" })
            }
            PhotoCaption(v) => field_en("caption", v),
            PhotoAlt(v) => field_en("alt", v),
            PhotoCredit(v) => field_en("credit", v),
            PhotoAddedBy { when, by } => format!("added:   {when} by {by}"),
            PhotoUnused => "used by: no article".into(),
            PhotoUse(u) => format!(
                "used by: “{}” ({}, {}) as {}",
                u.title, u.slug, u.status, u.role
            ),
            PhotoFileNotRemoved { short, err } => {
                format!("{short} was removed from the library but its file was not: {err}")
            }
            PhotoRemoved { short, name } => format!("removed {short}  {name}"),
            PhotoDetachedFrom(uses) => format!("detached from {}", describe_uses(uses)),
            PhotoStillInline(uses) => format!(
                "warning: still named in the body of {}: remove those references, or the site export will refuse those articles",
                describe_uses(uses)
            ),
            PhotoIsLead { short, title } => format!("{short} is the lead photo of “{title}”"),
            PhotoInGallery { short, place, title } => {
                format!("{short} is gallery photo {place} of “{title}”")
            }
            PhotoNotOnArticle { title, short } => {
                format!("“{title}” has no photo {short} as its lead photo or in its gallery")
            }
            PhotoTakenOff { short, title } => format!("{short} taken off “{title}”"),
            BodyStillShowsPhoto => "its body still shows it (![…](media:…)): edit the body to take it out there too".into(),
            PhotosWithoutAlt { title, photos, slug } => format!(
                "warning: “{title}” has {} photo{} without alt text, which readers of screen readers miss: {}; add it with `newsdesk media attach HASH {slug} --alt \"…\"` or `newsdesk media set HASH --alt \"…\"`",
                photos.len(),
                if photos.len() == 1 { "" } else { "s" },
                crate::words::photo_places(photos, Lang::En)
            ),
            BrokenPhotoRef { title, reference, ambiguous } => format!(
                "warning: “{title}” shows media:{reference} in its body, which {}: the site export will refuse this article until the body is fixed",
                if *ambiguous {
                    "starts the hash of several photos"
                } else {
                    "is not in the photo library"
                }
            ),
            ChangedWhileExported { title, slug } => format!(
                "warning: “{title}” ({slug}) was changed while the site was exported: the new site shows it published, as it was due, but it was not marked published; the next export follows what it is now"
            ),
            NotMarkedPublished { title, slug, err } => format!(
                "warning: “{title}” ({slug}) is on the live site but could not be marked published ({err}); the next export marks it"
            ),
            SyncTimedOut { limit, live } => format!(
                "newsdesk: the sync command did not finish within {limit} (the sync_timeout setting) and was stopped; the export is in place at {live}: fix the command or raise the limit (`newsdesk site set sync_timeout 30m`) and run `newsdesk export --sync` again"
            ),
            MarkdownRefused { path, link_to } => match link_to {
                Some(to) => format!(
                    "{path}: not written: it is a symbolic link (to {to}), and export-md never writes through a link; remove it and run again"
                ),
                None => format!(
                    "{path}: not written: it is not a regular file (a folder, a pipe or a device); move it away and run again"
                ),
            },
        }
    }
}

/// `  “caption”` after a list line, nothing without one.
pub(super) fn quoted_caption(caption: &str) -> String {
    if caption.is_empty() {
        String::new()
    } else {
        format!("  “{caption}”")
    }
}

/// The column headings of `history`, aligned like its rows.
pub(super) fn history_header(h: [&str; 7]) -> String {
    format!(
        "{:>4}  {:<9} {:>4}  {:<16}  {:<12} {:>6}  {}",
        h[0], h[1], h[2], h[3], h[4], h[5], h[6]
    )
}
