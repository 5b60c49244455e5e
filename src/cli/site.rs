//! `newsdesk site show|get|set`: the site settings every editor shares.

use clap::{Args, Subcommand};

use super::output::{say, tell};
use super::{CliMsg, CliResult, Context, Outcome};
use crate::site::settings::{self as rules, KEYS};

#[derive(Debug, Args)]
pub struct SiteArgs {
    #[command(subcommand)]
    pub action: SiteAction,
}

#[derive(Debug, Subcommand)]
pub enum SiteAction {
    /// Print every setting, its value and what it is for
    Show,
    /// Print one setting's value
    Get {
        /// A setting name (see `newsdesk site show`)
        key: String,
    },
    /// Set a setting; without VALUE it goes back to its default
    Set { key: String, value: Option<String> },
}

/// The key as stored, or the unknown-key message listing the known ones.
fn known(key: &str) -> CliResult<String> {
    let k = key.trim().to_ascii_lowercase();
    match rules::default_of(&k) {
        Some(_) => Ok(k),
        None => Err(crate::site::SiteError::UnknownKey {
            key: key.to_string(),
            known: rules::known_keys(),
        }
        .into()),
    }
}

pub fn run(ctx: &mut Context, a: SiteArgs) -> CliResult<Outcome> {
    match a.action {
        SiteAction::Show => {
            let stored = ctx.store.settings()?;
            for (key, default, help) in KEYS {
                let line = match stored.get(*key) {
                    Some(v) => format!("{key} = {}", v.replace('\n', "\\n")),
                    None if default.is_empty() => {
                        format!("{key} = {}", CliMsg::NotSet.text(ctx.lang))
                    }
                    None => format!("{key} = {default} {}", CliMsg::Default.text(ctx.lang)),
                };
                say(&format!("{line:<48} # {help}"));
            }
        }
        SiteAction::Get { key } => {
            let key = known(&key)?;
            let value = ctx.store.setting(&key)?;
            say(&value.unwrap_or_else(|| rules::default_of(&key).unwrap_or_default().to_string()));
        }
        SiteAction::Set { key, value: None } => {
            let key = known(&key)?;
            ctx.store.unset_setting(&key)?;
            tell(ctx.lang, CliMsg::BackToDefault(key));
        }
        SiteAction::Set {
            key,
            value: Some(value),
        } => {
            let stored = rules::validate(&key, &value)?;
            let key = known(&key)?;
            ctx.store.set_setting(&key, &stored)?;
            say(&format!("{key} = {}", stored.replace('\n', "\\n")));
        }
    }
    Ok(Outcome::Ok)
}
