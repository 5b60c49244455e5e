//! After a successful export: the site's sync command (for example
//! `rsync -a --delete {out}/ www@host:/var/www/site/`), run through `sh -c` with its output
//! streamed to ours, or (from the terminal app) written to a log file.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};

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

/// Runs the command away from the terminal (for the terminal app, which owns it): no input,
/// its output and errors written to `log`, in a session of its own so that nothing it starts
/// (ssh asking for a password) can read keys from the terminal or draw over the screen; such
/// a prompt fails instead. Returns its exit code (`None` if a signal ended it).
pub fn run_logged(template: &str, out: &Path, log: File) -> Result<Option<i32>> {
    let line = command_line(template, out);
    let sh = Path::new("sh");
    let errors = log
        .try_clone()
        .map_err(|e| SiteError::io("share the sync log with", sh, e))?;
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(&line)
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(errors);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setsid is async-signal-safe and touches no memory of ours.
        unsafe {
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
    }
    let status = cmd
        .status()
        .map_err(|e| SiteError::io("run the sync command with", sh, e))?;
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

    #[test]
    fn a_logged_run_keeps_output_and_errors_and_reads_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("sync.log");
        let file = File::create(&log).unwrap();
        let code = run_logged(
            "echo to {out}; read x || echo no input >&2; exit 3",
            Path::new("/srv/site"),
            file,
        )
        .unwrap();
        assert_eq!(code, Some(3));
        let text = std::fs::read_to_string(&log).unwrap();
        assert_eq!(text, "to /srv/site\nno input\n");
    }
}
