//! Markdown in and out: `import` and `export-md`.

use std::path::Path;

use super::args::{ExportMdArgs, ImportArgs};
use super::output::{complain, error, tell};
use super::{CliResult, Context, MarkdownMsg, Outcome, describe_domain, describe_store};
use crate::app::articles::LockPolicy;
use crate::app::import::{self, Failure, Problem};
use crate::app::read::ReadRefusal;
use crate::app::reading;
use crate::domain::frontmatter::render_document;
use crate::i18n::Lang;
use crate::store::{ListQuery, Sort};
use crate::words::describe_read_refusal;

/// The line that says (in `lang`) why a file was not imported.
fn failure_line(f: &Failure, lang: Lang) -> String {
    let path = f.path.display().to_string();
    match &f.problem {
        Problem::ReadFolder(e) => MarkdownMsg::ReadFolder {
            path,
            err: e.to_string(),
        },
        Problem::Missing(e) => MarkdownMsg::FileFailed {
            path,
            reason: e.to_string(),
        },
        Problem::Read(ReadRefusal::Io(e)) => MarkdownMsg::ReadFile {
            path,
            err: e.to_string(),
        },
        Problem::Read(ReadRefusal::NotUtf8 { offset }) => MarkdownMsg::FileNotUtf8 {
            path,
            offset: *offset,
        },
        Problem::Read(other) => MarkdownMsg::FileFailed {
            path,
            reason: describe_read_refusal(other, lang),
        },
        Problem::Parse(e) => MarkdownMsg::FileFailed {
            path,
            reason: describe_domain(e, lang),
        },
        Problem::SameName { name, first } => MarkdownMsg::SameName {
            path,
            first: first.display().to_string(),
            name: name.clone(),
        },
        Problem::Store(e) => MarkdownMsg::FileFailed {
            path,
            reason: describe_store(e, lang),
        },
    }
    .text(lang)
}

pub fn import(ctx: &mut Context, a: ImportArgs) -> CliResult<Outcome> {
    let lang = ctx.lang;
    // With --force, articles someone edits are taken over by this import.
    let policy = if a.force {
        LockPolicy::TakeOver
    } else {
        LockPolicy::Respect
    };
    let report = import::import(ctx, &a.paths, a.skip_existing, policy)?;
    for f in &report.failures {
        error(&failure_line(f, lang));
    }
    for c in &report.collisions {
        tell(
            lang,
            MarkdownMsg::SlugCollision {
                path: c.path.display().to_string(),
                slug: c.slug.clone(),
                taken: c.taken.clone(),
                other: c.other.clone(),
            },
        );
    }
    tell(
        lang,
        MarkdownMsg::Imported {
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
            skipped: report.skipped,
            failed: report.failed(),
        },
    );
    Ok(if report.failures.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Partial
    })
}

pub fn export_md(ctx: &mut Context, a: ExportMdArgs) -> CliResult<Outcome> {
    let dir = &a.dir;
    std::fs::create_dir_all(dir).map_err(|e| MarkdownMsg::CreateFolder {
        path: dir.display().to_string(),
        err: e.to_string(),
    })?;
    const PAGE: usize = 500;
    let (mut seen, mut written, mut refused) = (0, 0u64, false);
    loop {
        let page = reading::list(
            ctx,
            &ListQuery {
                sort: Sort::Title,
                limit: PAGE,
                offset: seen,
                ..ListQuery::default()
            },
        )?;
        for summary in &page {
            let article = reading::get(ctx, summary.id)?;
            // Slugs are [a-z0-9-] only, so the file name stays inside `dir`.
            let path = dir.join(format!("{}.md", article.slug));
            let shown = || path.display().to_string();
            match write_markdown(&path, render_document(&article, ctx.tz).as_bytes()) {
                Ok(()) => written += 1,
                Err(NotWritten::Occupied(link_to)) => {
                    refused = true;
                    complain(
                        ctx.lang,
                        MarkdownMsg::NotWritten {
                            path: shown(),
                            link_to,
                        },
                    );
                }
                Err(NotWritten::Io(e)) => {
                    return Err(MarkdownMsg::WriteFile {
                        path: shown(),
                        err: e.to_string(),
                    }
                    .into());
                }
            }
        }
        seen += page.len();
        if page.len() < PAGE {
            break;
        }
    }
    tell(
        ctx.lang,
        MarkdownMsg::WroteMarkdown {
            count: written,
            dir: dir.display().to_string(),
        },
    );
    Ok(if refused {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

enum NotWritten {
    /// Something that is not a regular file is there: a link (to this target), or else.
    Occupied(Option<String>),
    Io(std::io::Error),
}

/// Writes `bytes` to `path` as a new file renamed over it: whatever is at `path` is replaced,
/// never written into (a file there may be a hard link to one elsewhere), and a symbolic link
/// there is refused, not followed. A link planted after the look is replaced, not followed.
fn write_markdown(path: &Path, bytes: &[u8]) -> Result<(), NotWritten> {
    use std::io::Write;
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let to =
                std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
            return Err(NotWritten::Occupied(Some(to)));
        }
        Ok(m) if !m.is_file() => return Err(NotWritten::Occupied(None)),
        _ => {}
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let written = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.map_err(NotWritten::Io)
}
