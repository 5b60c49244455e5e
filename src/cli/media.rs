//! `newsdesk media add|list|show|set|rm`: the photo library. Files are checked by their bytes
//! and stored once, by SHA-256, in `media/` beside the database; attaching them to articles is
//! in `media_attach`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use serde_json::{Value, json};

use super::output::{self, complain, say, short_time, tell};
use super::{CliResult, Context, Outcome, PhotoMsg, describe};
use crate::app::articles::{LockPolicy, check_lock};
use crate::app::media::{self as library, add_to_library};
use crate::app::photos;
use crate::media::Library;
use crate::store::{LockOwner, MediaItem};

#[derive(Debug, Args)]
pub struct MediaArgs {
    #[command(subcommand)]
    pub action: MediaAction,
}

#[derive(Debug, Subcommand)]
pub enum MediaAction {
    /// Add photos (JPEG, PNG, WebP or GIF) to the library; the same file is stored only once
    Add {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The caption shown under the photo
        #[arg(long)]
        caption: Option<String>,
        /// What the photo shows, for readers who cannot see it
        #[arg(long)]
        alt: Option<String>,
        /// Who took it (shown as “Ảnh: …”)
        #[arg(long)]
        credit: Option<String>,
        /// Also append the photos to this article's gallery
        #[arg(long, value_name = "ID|SLUG")]
        article: Option<String>,
        /// With --article: append them even while someone else edits it (takes it over)
        #[arg(long, requires = "article")]
        force: bool,
    },
    /// List the library, newest first
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one photo: what it is, where its file is and which articles use it
    Show {
        /// Its hash, or the first 8 or more characters of it
        hash: String,
        #[arg(long)]
        json: bool,
    },
    /// Change the library's caption, alt text or credit of a photo
    Set {
        hash: String,
        #[arg(long)]
        caption: Option<String>,
        #[arg(long)]
        alt: Option<String>,
        #[arg(long)]
        credit: Option<String>,
    },
    /// Remove a photo and its file (refused while an article uses it, unless --force)
    Rm {
        hash: String,
        /// Detach it from every article first
        #[arg(long)]
        force: bool,
    },
    /// Attach a library photo to an article: to its gallery, or as its lead photo with --lead
    Attach(super::media_attach::AttachArgs),
    /// Take a photo off an article (its lead photo and its gallery)
    Detach {
        hash: String,
        /// Article id or slug
        article: String,
        /// Take it off even while someone else edits the article (takes the article over)
        #[arg(long)]
        force: bool,
    },
}

pub fn run(ctx: &mut Context, a: MediaArgs) -> CliResult<Outcome> {
    match a.action {
        MediaAction::Add {
            files,
            caption,
            alt,
            credit,
            article,
            force,
        } => {
            let text = [caption, alt, credit].map(Option::unwrap_or_default);
            add(ctx, &files, text, article.as_deref(), force)
        }
        MediaAction::List { json } => list(ctx, json),
        MediaAction::Show { hash, json } => show(ctx, &hash, json),
        MediaAction::Set {
            hash,
            caption,
            alt,
            credit,
        } => {
            let text = [caption.as_deref(), alt.as_deref(), credit.as_deref()];
            let item = library::set_library_text(ctx, &hash, text)?;
            tell(ctx.lang, PhotoMsg::Updated(item.short().into()));
            Ok(Outcome::Ok)
        }
        MediaAction::Rm { hash, force } => rm(ctx, &hash, force),
        MediaAction::Attach(a) => super::media_attach::attach(ctx, a),
        MediaAction::Detach {
            hash,
            article,
            force,
        } => super::media_attach::detach(ctx, &hash, &article, force),
    }
}

/// What `add` needs for every file.
struct Adding<'a> {
    library: Library,
    max_mb: u64,
    text: &'a [String; 3],
    article: Option<(i64, String)>,
    me: LockOwner,
    policy: LockPolicy,
}

fn add(
    ctx: &mut Context,
    files: &[PathBuf],
    text: [String; 3],
    article: Option<&str>,
    force: bool,
) -> CliResult<Outcome> {
    let me = ctx.lock_owner();
    let policy = super::media_attach::policy(force);
    let article = match article {
        Some(key) => {
            let a = ctx.store.find(key)?;
            // Before any file: someone else editing the article refuses the whole command.
            check_lock(ctx, &me, a.id, policy)?;
            Some((a.id, a.title))
        }
        None => None,
    };
    let max_mb = crate::site::settings::media_max_mb(&ctx.store.settings()?)?;
    let adding = Adding {
        library: Library::beside(&ctx.db_path),
        max_mb,
        text: &text,
        article,
        me,
        policy,
    };
    let mut refused = 0;
    for file in files {
        match add_one(ctx, &adding, file) {
            Ok(line) => tell(ctx.lang, line),
            Err(reason) => {
                let refusal = PhotoMsg::Refused {
                    path: file.display().to_string(),
                    reason: describe(&reason, ctx.lang),
                };
                complain(ctx.lang, refusal);
                refused += 1;
            }
        }
    }
    Ok(if refused == 0 {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}

/// Checks, stores and records one file; the error is the reason it was refused.
fn add_one(ctx: &mut Context, a: &Adding<'_>, file: &Path) -> CliResult<PhotoMsg> {
    let (item, fresh) = add_to_library(ctx, &a.library, a.max_mb, file, a.text)?;
    let gallery = match &a.article {
        Some((id, title)) => {
            let place = photos::append(ctx, &a.me, *id, item.hash(), a.policy)?;
            Some((place, title.clone()))
        }
        None => None,
    };
    Ok(PhotoMsg::Added {
        fresh,
        item: Box::new(item),
        gallery,
    })
}

fn item_json(ctx: &Context, m: &MediaItem, uses: usize) -> Value {
    let library = Library::beside(&ctx.db_path);
    json!({
        "hash": m.hash(),
        "name": m.name,
        "type": m.image.format.as_str(),
        "bytes": m.bytes,
        "width": m.image.width,
        "height": m.image.height,
        "caption": m.caption,
        "alt": m.alt,
        "credit": m.credit,
        "added_by": m.added_by,
        "added_at": crate::domain::time::format_time(m.added_at, ctx.tz),
        "file": library.original(m.hash(), m.image.format).display().to_string(),
        "uses": uses,
    })
}

fn list(ctx: &mut Context, json: bool) -> CliResult<Outcome> {
    let items = library::library(ctx)?;
    let counts = library::use_counts(ctx)?;
    let uses = |m: &MediaItem| counts.get(m.hash()).copied().unwrap_or(0);
    if json {
        let v: Vec<Value> = items.iter().map(|m| item_json(ctx, m, uses(m))).collect();
        output::print_json(&Value::Array(v));
        return Ok(Outcome::Ok);
    }
    if items.is_empty() {
        tell(ctx.lang, PhotoMsg::LibraryEmpty);
    }
    for m in &items {
        let row = PhotoMsg::Row {
            item: Box::new(m.clone()),
            uses: uses(m),
            when: short_time(m.added_at, ctx.tz),
        };
        tell(ctx.lang, row);
    }
    Ok(Outcome::Ok)
}

fn show(ctx: &mut Context, key: &str, json: bool) -> CliResult<Outcome> {
    let m = library::find(ctx, key)?;
    let uses = library::uses(ctx, m.hash())?;
    let file = Library::beside(&ctx.db_path).original(m.hash(), m.image.format);
    if json {
        let mut v = item_json(ctx, &m, uses.len());
        v["used_by"] = uses
            .iter()
            .map(|u| json!({"id": u.article_id, "slug": u.slug, "title": u.title, "status": u.status.as_str(), "as": u.role.to_string()}))
            .collect();
        output::print_json(&v);
        return Ok(Outcome::Ok);
    }
    let lang = ctx.lang;
    say(m.hash());
    tell(lang, PhotoMsg::Heading(Box::new(m.clone())));
    tell(
        lang,
        PhotoMsg::File {
            path: file.display().to_string(),
            missing: !file.exists(),
        },
    );
    tell(lang, PhotoMsg::Caption(m.caption.clone()));
    tell(lang, PhotoMsg::Alt(m.alt.clone()));
    tell(lang, PhotoMsg::Credit(m.credit.clone()));
    tell(
        lang,
        PhotoMsg::AddedBy {
            when: short_time(m.added_at, ctx.tz),
            by: m.added_by.clone(),
        },
    );
    if uses.is_empty() {
        tell(lang, PhotoMsg::Unused);
    }
    for u in uses {
        tell(lang, PhotoMsg::Use(u));
    }
    Ok(Outcome::Ok)
}

fn rm(ctx: &mut Context, key: &str, force: bool) -> CliResult<Outcome> {
    let folder = Library::beside(&ctx.db_path);
    let library::Removed {
        item: m,
        uses,
        file_left,
    } = library::remove(ctx, &folder, key, force)?;
    if let Some(err) = file_left {
        let short = m.short().into();
        return Err(PhotoMsg::FileNotRemoved { short, err }.into());
    }
    tell(
        ctx.lang,
        PhotoMsg::Removed {
            short: m.short().into(),
            name: m.name.clone(),
        },
    );
    let (inline, attached): (Vec<_>, Vec<_>) = uses
        .into_iter()
        .partition(|u| u.role == crate::store::Role::Inline);
    if !attached.is_empty() {
        tell(ctx.lang, PhotoMsg::DetachedFrom(attached));
    }
    if !inline.is_empty() {
        complain(ctx.lang, PhotoMsg::StillInline(inline));
    }
    Ok(Outcome::Ok)
}
