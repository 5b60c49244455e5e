//! Commands on single articles and lists of them.

use std::io::Read;

use serde_json::Value;

use super::args::{
    DeleteArgs, KeyArgs, ListArgs, NewArgs, RestoreArgs, SearchArgs, ShowArgs, StatusArgs,
};
use super::output::{
    self, article_json, list_line, say, short_time, snippet_line, summary_json, tell,
};
use super::{ArticleMsg, CliError, CliResult, Context, MarkdownMsg, Outcome};
use crate::app::articles::{self, LockPolicy};
use crate::app::read::{MAX_MARKDOWN_BYTES, ReadRefusal, read_markdown};
use crate::app::reading;
use crate::domain::text::{reading_minutes, word_count};
use crate::domain::time::read_time;
use crate::domain::{ArticleFields, Status};
use crate::store::{ListQuery, Sort};
use crate::words::describe_read_refusal;

/// `newsdesk` with no subcommand, until the TUI lands: the newest articles and a hint.
pub fn overview(ctx: &Context) -> CliResult<Outcome> {
    let total = reading::count(ctx, &ListQuery::default())?;
    let lang = ctx.lang;
    tell(
        lang,
        ArticleMsg::Overview {
            db: ctx.db_path.display().to_string(),
            total: total as u64,
        },
    );
    let page = reading::list(
        ctx,
        &ListQuery {
            limit: 20,
            ..ListQuery::default()
        },
    )?;
    if page.is_empty() {
        tell(lang, ArticleMsg::NoArticlesYet);
    }
    for a in &page {
        say(&list_line(a, ctx.tz));
    }
    tell(lang, ArticleMsg::CommandsHint);
    Ok(Outcome::Ok)
}

/// The body from a regular file or standard input (`-`), at most as much as `import` reads
/// from a Markdown file: `/dev/zero` or a pipe that never ends cannot fill the memory.
fn read_body(path: &std::path::Path, lang: crate::i18n::Lang) -> CliResult<String> {
    let shown = || path.display().to_string();
    let refused = |r: ReadRefusal| -> CliError {
        match r {
            ReadRefusal::Io(e) => ArticleMsg::ReadBodyFile {
                path: shown(),
                err: e.to_string(),
            }
            .into(),
            ReadRefusal::NotUtf8 { offset } => ArticleMsg::BodyNotUtf8 {
                path: shown(),
                offset,
            }
            .into(),
            // What `import` would say of the same file.
            other => MarkdownMsg::FileFailed {
                path: shown(),
                reason: describe_read_refusal(&other, lang),
            }
            .into(),
        }
    };
    if path.as_os_str() != "-" {
        return read_markdown(path).map_err(refused);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_MARKDOWN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ArticleMsg::ReadStdin(e.to_string()))?;
    if bytes.len() as u64 > MAX_MARKDOWN_BYTES {
        return Err(refused(ReadRefusal::TooLarge {
            bytes: bytes.len() as u64,
        }));
    }
    String::from_utf8(bytes).map_err(|e| {
        refused(ReadRefusal::NotUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })
    })
}

pub fn new(ctx: &mut Context, a: NewArgs) -> CliResult<Outcome> {
    let body = match &a.body_file {
        Some(p) => read_body(p, ctx.lang)?,
        None => String::new(),
    };
    let fields = ArticleFields {
        slug: a.slug,
        title: a.title,
        lede: a.lede.unwrap_or_default(),
        body,
        byline: a.byline.unwrap_or_default(),
        signed_by: a.signed_by.unwrap_or_default(),
        section: a.section.unwrap_or_default(),
        tags: a.tags,
        publish_at: None,
    };
    let article = crate::app::articles::create(ctx, &fields)?;
    say(&format!("{} {}", article.id, article.slug));
    Ok(Outcome::Ok)
}

fn parse_sort(s: &str) -> CliResult<Sort> {
    match s {
        "updated" => Ok(Sort::Updated),
        "published" | "publish" => Ok(Sort::Published),
        "title" => Ok(Sort::Title),
        other => Err(ArticleMsg::UnknownSort(other.to_string()).into()),
    }
}

pub fn list(ctx: &mut Context, a: ListArgs) -> CliResult<Outcome> {
    let q = ListQuery {
        status: a.status.as_deref().map(Status::parse).transpose()?,
        section: a.section,
        tag: a.tag,
        sort: parse_sort(&a.sort)?,
        limit: a.limit,
        offset: a.offset,
    };
    let page = reading::list(ctx, &q)?;
    if a.json {
        let items: Vec<Value> = page.iter().map(|s| summary_json(s, ctx.tz)).collect();
        output::print_json(&Value::Array(items));
    } else {
        for s in &page {
            say(&list_line(s, ctx.tz));
        }
    }
    Ok(Outcome::Ok)
}

pub fn show(ctx: &mut Context, a: ShowArgs) -> CliResult<Outcome> {
    let article = reading::find(ctx, &a.article)?;
    if a.json {
        output::print_json(&article_json(&article, ctx.tz));
        return Ok(Outcome::Ok);
    }
    let words = word_count(&article.body);
    say(&article.title);
    let mut meta = vec![
        format!("#{} {}", article.id, article.slug),
        article.status.as_str().to_string(),
    ];
    if let Some(t) = article.publish_at {
        meta.push(short_time(t, ctx.tz));
    }
    if !article.section.is_empty() {
        meta.push(article.section.clone());
    }
    meta.push(
        ArticleMsg::WordsAndMinutes {
            words: words as u64,
            minutes: reading_minutes(words) as u64,
        }
        .text(ctx.lang),
    );
    meta.push(format!("v{}", article.version));
    say(&meta.join(" · "));
    if !article.byline.is_empty() {
        tell(ctx.lang, ArticleMsg::Byline(article.byline.clone()));
    }
    if !article.tags.is_empty() {
        tell(ctx.lang, ArticleMsg::Tags(article.tags.join(", ")));
    }
    say("");
    if !article.lede.is_empty() {
        say(&article.lede);
        say("");
    }
    say(article.body.trim_end());
    if !article.signed_by.is_empty() {
        say("");
        say(&format!("{:>60}", article.signed_by));
    }
    Ok(Outcome::Ok)
}

pub fn search(ctx: &mut Context, a: SearchArgs) -> CliResult<Outcome> {
    let hits = reading::search(ctx, &a.query.join(" "), None, a.limit)?;
    if a.json {
        let items: Vec<Value> = hits
            .iter()
            .map(|h| {
                let mut v = summary_json(&h.article, ctx.tz);
                v["snippet"] = serde_json::to_value(&h.snippet).unwrap_or(Value::Null);
                v
            })
            .collect();
        output::print_json(&Value::Array(items));
        return Ok(Outcome::Ok);
    }
    if hits.is_empty() {
        tell(ctx.lang, ArticleMsg::NoMatches);
    }
    for h in &hits {
        say(&list_line(&h.article, ctx.tz));
        say(&format!("        {}", snippet_line(&h.snippet)));
    }
    Ok(Outcome::Ok)
}

pub fn status(ctx: &mut Context, a: StatusArgs) -> CliResult<Outcome> {
    let to = Status::parse(&a.status)?;
    let at = match &a.at {
        None => None,
        Some(s) => Some(read_time(s, ctx.tz)?.ok_or_else(|| ArticleMsg::NotATime(s.clone()))?),
    };
    let article = reading::find(ctx, &a.article)?;
    let me = ctx.lock_owner();
    let moved = articles::set_status(ctx, &me, article.id, to, at, policy(a.force))?;
    let when = moved
        .publish_at
        .filter(|_| matches!(to, Status::Scheduled | Status::Published))
        .map(|t| short_time(t, ctx.tz));
    tell(
        ctx.lang,
        ArticleMsg::NowStatus {
            title: moved.title.clone(),
            status: moved.status,
            when,
        },
    );
    if matches!(to, Status::Published | Status::Scheduled) {
        super::media_attach::warn_photos(ctx, &moved)?;
    }
    Ok(Outcome::Ok)
}

pub fn history(ctx: &mut Context, a: KeyArgs) -> CliResult<Outcome> {
    let article = reading::find(ctx, &a.article)?;
    tell(ctx.lang, ArticleMsg::HistoryHeader);
    say(&format!(
        "{:>4}  {:<9} {:>4}  {:<16}  {:<12} {:>6}  {}",
        "now",
        article.status.as_str(),
        article.version,
        short_time(article.updated_at, ctx.tz),
        article.updated_by,
        word_count(&article.body),
        article.title
    ));
    for r in reading::history(ctx, article.id)? {
        say(&format!(
            "{:>4}  {:<9} {:>4}  {:<16}  {:<12} {:>6}  {}",
            r.rev,
            r.kind.as_str(),
            r.version,
            short_time(r.saved_at, ctx.tz),
            r.saved_by,
            r.word_count,
            r.title
        ));
    }
    Ok(Outcome::Ok)
}

pub fn restore(ctx: &mut Context, a: RestoreArgs) -> CliResult<Outcome> {
    let article = reading::find(ctx, &a.article)?;
    let me = ctx.lock_owner();
    let restored = articles::restore(ctx, &me, article.id, a.rev, policy(a.force))?;
    tell(
        ctx.lang,
        ArticleMsg::Restored {
            title: restored.title,
            rev: a.rev,
            version: restored.version,
        },
    );
    Ok(Outcome::Ok)
}

pub fn delete(ctx: &mut Context, a: DeleteArgs) -> CliResult<Outcome> {
    let article = reading::find(ctx, &a.article)?;
    if a.purge {
        if !a.yes {
            return Err(ArticleMsg::PurgeNeedsYes(article.title).into());
        }
        let me = ctx.lock_owner();
        articles::purge(ctx, &me, article.id, policy(a.force))?;
        tell(ctx.lang, ArticleMsg::Purged(article.title));
        return Ok(Outcome::Ok);
    }
    if article.status == Status::Archived {
        tell(ctx.lang, ArticleMsg::AlreadyArchived(article.title));
        return Ok(Outcome::Ok);
    }
    let me = ctx.lock_owner();
    articles::set_status(
        ctx,
        &me,
        article.id,
        Status::Archived,
        None,
        policy(a.force),
    )?;
    tell(
        ctx.lang,
        ArticleMsg::Archived {
            title: article.title,
            id: article.id,
        },
    );
    Ok(Outcome::Ok)
}

/// `--force` takes an article over from whoever edits it; without it their lock refuses.
fn policy(force: bool) -> LockPolicy {
    if force {
        LockPolicy::TakeOver
    } else {
        LockPolicy::Respect
    }
}
