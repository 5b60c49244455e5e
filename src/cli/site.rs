//! `newsdesk site show|get|set`: the site settings every editor shares.

use clap::{Args, Subcommand};

use super::output::{say, tell};
use super::{CliResult, Context, Outcome, SetupMsg};
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
                        format!("{key} = {}", SetupMsg::NotSet.text(ctx.lang))
                    }
                    None => format!("{key} = {default} {}", SetupMsg::Default.text(ctx.lang)),
                };
                let help = match ctx.lang {
                    crate::i18n::Lang::Vi => help_vi(key).unwrap_or(help),
                    crate::i18n::Lang::En => help,
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
            tell(ctx.lang, SetupMsg::BackToDefault(key));
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

/// What each setting is for, in Vietnamese, for `site show` (a test checks every key has one).
fn help_vi(key: &str) -> Option<&'static str> {
    Some(match key {
        "title" => "tên trang, ở đầu và trong tiêu đề mọi trang",
        "tagline" => "dòng giới thiệu dưới tên trang",
        "base_url" => "địa chỉ công khai (http hoặc https)",
        "language" => "vi hoặc en: chữ trên trang và cách ghi ngày giờ",
        "per_page" => "số bài mỗi trang danh sách (1–500)",
        "export_dir" => "thư mục `newsdesk export` ghi ra khi không có --out",
        "sync_command" => "lệnh chạy sau `export --sync`; {out} là thư mục xuất",
        "sync_timeout" => {
            "dừng lệnh đồng bộ sau chừng này thời gian: số giây, hoặc 90s, 10m, 2h (tối đa 24h)"
        }
        "templates_dir" => "thư mục có mẫu trang thay cho mẫu có sẵn cùng tên",
        "timezone" => "múi giờ của ngày giờ hiển thị trên trang",
        "media_max_mb" => {
            "dung lượng ảnh lớn nhất `newsdesk media add` nhận, tính bằng MB (1–1000)"
        }
        "footer_agency" => "chân trang: cơ quan chủ quản",
        "footer_address" => "chân trang: địa chỉ",
        "footer_phone" => "chân trang: điện thoại",
        "footer_fax" => "chân trang: fax",
        "footer_email" => "chân trang: thư điện tử",
        "footer_responsible" => "chân trang: người chịu trách nhiệm nội dung",
        "footer_extra" => "chân trang: các dòng thêm (xuống dòng bằng \\n)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_explained_in_vietnamese_in_nfc() {
        for (key, _, _) in KEYS {
            let help = help_vi(key).unwrap_or_else(|| panic!("no Vietnamese help for {key}"));
            assert_eq!(crate::domain::text::nfc(help), help, "{key}");
        }
    }
}
