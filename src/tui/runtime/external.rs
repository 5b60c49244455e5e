//! Ctrl-E: the body in `$EDITOR`. The screen is suspended (normal screen, cooked mode, no
//! bracketed paste), the body goes to a private temporary file, the editor runs, and the
//! screen comes back with the file's text.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::tui::backend::LeanBackend;
use ratatui::Terminal;

use super::timers::HEARTBEAT_EVERY;
use crate::domain::text;
use crate::i18n::Lang;
use crate::tui::action::Action;
use crate::tui::msg::{Msg, text as say};

/// Runs `$EDITOR` (else `vi`) on `body`; `beat` keeps the article's lock fresh meanwhile.
pub fn edit(
    terminal: &mut Terminal<LeanBackend<io::Stdout>>,
    body: &str,
    beat: &mut dyn FnMut(),
    lang: Lang,
) -> Action {
    let failed = |reason: &str| {
        Action::Failed(String::from(say(lang, &Msg::EditorFailed { reason })).into())
    };
    let path = match write_temp(body) {
        Ok(p) => p,
        Err(e) => return failed(&e.to_string()),
    };
    let ran = suspended(terminal, || run_editor(&path, beat));
    let result = ran.and_then(|()| fs::read(&path));
    let _ = fs::remove_file(&path);
    match result {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Action::EditedExternally(from_file(&s)),
            Err(_) => failed(&say(lang, &Msg::NotUtf8)),
        },
        Err(e) => failed(&e.to_string()),
    }
}

/// The file's text as a body: `\n` line breaks, without the last newline editors add.
fn from_file(s: &str) -> String {
    let s = text::normalize_newlines(s);
    s.strip_suffix('\n').unwrap_or(&s).to_string()
}

/// A file only this user can read, named so two sessions never share one.
fn write_temp(body: &str) -> io::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let path = std::env::temp_dir().join(format!("newsdesk-{}-{nanos}.md", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path)?;
    let mut content = body.to_string();
    if !content.is_empty() {
        content.push('\n');
    }
    file.write_all(content.as_bytes())?;
    file.sync_all()?;
    Ok(path)
}

/// Runs `f` with the terminal handed back to the shell, then takes it again.
fn suspended<T>(
    terminal: &mut Terminal<LeanBackend<io::Stdout>>,
    f: impl FnOnce() -> io::Result<T>,
) -> io::Result<T> {
    super::leave_terminal()?;
    let out = f();
    super::enter_terminal()?;
    // Whatever the editor left on the screen is unknown: draw everything next time.
    terminal.clear()?;
    out
}

/// `$EDITOR` may carry arguments (`code -w`, `vim -u NONE`): the shell reads it, as git does.
fn run_editor(path: &Path, beat: &mut dyn FnMut()) -> io::Result<()> {
    let editor = std::env::var("EDITOR")
        .ok()
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(&editor)
        .arg(path)
        .spawn()?;
    let mut next_beat = Instant::now() + HEARTBEAT_EVERY;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= next_beat {
            beat();
            next_beat = Instant::now() + HEARTBEAT_EVERY;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(match status.code() {
            Some(code) => format!("{editor} exited with status {code}"),
            None => format!("{editor} was stopped by a signal"),
        }))
    }
}
