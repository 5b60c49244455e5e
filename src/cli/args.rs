//! The command-line grammar (clap derive). Help texts are what `--help` prints.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, about = "A newsroom in the terminal")]
pub struct Cli {
    /// The database file (default: $NEWSDESK_DB, else newsdesk.db in the platform data folder)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Open a throwaway newsroom filled with sample articles
    #[arg(long, conflicts_with = "db")]
    pub demo: bool,

    /// The interface language (default: `lang` in the config file, else the locale)
    #[arg(
        long,
        global = true,
        value_name = "LANG",
        value_parser = clap::builder::PossibleValuesParser::new(["vi", "en"])
            .try_map(|v| v.parse::<crate::i18n::Lang>()),
    )]
    pub lang: Option<crate::i18n::Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an article; prints its id and slug
    New(NewArgs),
    /// Import Markdown files with front matter (files or folders, recursively)
    Import(ImportArgs),
    /// Write every article out as Markdown with front matter
    ExportMd(ExportMdArgs),
    /// List articles, newest first
    List(ListArgs),
    /// Show one article
    Show(ShowArgs),
    /// Search titles, ledes, bodies, bylines, tags and sections (diacritics optional)
    Search(SearchArgs),
    /// Move an article through the workflow
    Status(StatusArgs),
    /// List an article's earlier versions
    History(KeyArgs),
    /// Bring an earlier version back as a new save
    Restore(RestoreArgs),
    /// Archive an article (or remove it for good with --purge --yes)
    Delete(DeleteArgs),
    /// Site settings: title, address, footer… (`site show` lists them all)
    Site(super::site::SiteArgs),
    /// Build the static site: publishes scheduled articles that are due, then switches it in
    Export(super::export::ExportArgs),
    /// Photos: the library (add, list, show, set, rm) and articles' photos (attach, detach)
    Media(super::media::MediaArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub slug: Option<String>,
    /// The summary printed in bold under the title
    #[arg(long)]
    pub lede: Option<String>,
    #[arg(long)]
    pub section: Option<String>,
    /// A tag (repeat for several)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub byline: Option<String>,
    /// The signing unit printed right-aligned under the body
    #[arg(long)]
    pub signed_by: Option<String>,
    /// Read the body (Markdown) from a file, or from standard input with -
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Leave the articles these files already have as they are; import only new files
    #[arg(long)]
    pub skip_existing: bool,
    /// Update articles even while someone else edits them (takes them over, as Ctrl-K does)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExportMdArgs {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub section: Option<String>,
    #[arg(long)]
    pub tag: Option<String>,
    /// updated (default), published or title
    #[arg(long, default_value = "updated")]
    pub sort: String,
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print JSON (see README for the fields)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id or slug
    pub article: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words (diacritics optional) and filters: status:, section:, tag:, by:
    #[arg(required = true, num_args = 1.., value_name = "QUERY")]
    pub query: Vec<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Article id or slug
    pub article: String,
    /// draft, review, scheduled, published or archived
    pub status: String,
    /// Publish time, e.g. "2026-11-27 08:00" (newsroom time) or RFC 3339
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Change it even while someone else edits it (takes the article over, as Ctrl-K does)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct KeyArgs {
    /// Article id or slug
    pub article: String,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Article id or slug
    pub article: String,
    /// Revision number, as `history` lists it
    pub rev: i64,
    /// Restore it even while someone else edits it (takes the article over, as Ctrl-K does)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Article id or slug
    pub article: String,
    /// Remove the article and its whole history instead of archiving it
    #[arg(long)]
    pub purge: bool,
    /// Confirm --purge
    #[arg(long)]
    pub yes: bool,
    /// Archive or purge it even while someone else edits it (takes the article over)
    #[arg(long)]
    pub force: bool,
}
