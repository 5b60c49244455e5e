//! After a successful export: the site's sync command (for example
//! `rsync -a --delete {out}/ www@host:/var/www/site/`), run through `sh -c` with its output
//! streamed to ours.

use std::path::Path;
use std::process::Command;

use super::error::{Result, SiteError};

/// Quotes a path for `sh`: `'it'\''s'`.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The command with `{out}` replaced by the quoted export path.
pub fn command_line(template: &str, out: &Path) -> String {
    template.replace("{out}", &shell_quote(&out.display().to_string()))
}

/// Runs the command; returns its exit code (`None` if a signal ended it).
pub fn run(template: &str, out: &Path) -> Result<Option<i32>> {
    let line = command_line(template, out);
    let status = Command::new("sh")
        .arg("-c")
        .arg(&line)
        .status()
        .map_err(|e| SiteError::io("run the sync command with", Path::new("sh"), e))?;
    Ok(status.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_the_path() {
        assert_eq!(
            command_line("rsync -a {out}/ h:/w/", Path::new("/srv/it's here")),
            "rsync -a '/srv/it'\\''s here'/ h:/w/"
        );
    }
}
