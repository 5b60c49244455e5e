//! After a successful export: the site's sync command (for example
//! `rsync -a --delete {out}/ www@host:/var/www/site/`), run through `sh -c` with its output
//! streamed to ours, or (from the terminal app) written to a log file. It runs in a process
//! group of its own, and past `sync_timeout` the whole group is stopped: SIGTERM, then SIGKILL
//! after a grace period, so nothing it started (ssh, rsync's children) is left running.

use crate::site::IoAction;
use std::fs::File;
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::error::{Result, SiteError};

/// How long a stopped command has between SIGTERM and SIGKILL to clean up.
const GRACE: Duration = Duration::from_secs(5);

/// How the sync command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// It exited with this code (`None`: a signal ended it).
    Exited(Option<i32>),
    /// It ran past the timeout and was stopped, with everything it started.
    TimedOut,
}

/// Quotes a path for `sh`: `'it'\''s'`.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The command with `{out}` replaced by the quoted export path.
pub fn command_line(template: &str, out: &Path) -> String {
    template.replace("{out}", &shell_quote(&out.display().to_string()))
}

fn sh(template: &str, out: &Path) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(command_line(template, out));
    cmd
}

fn spawn_failed(e: std::io::Error) -> SiteError {
    SiteError::io(IoAction::RunSync, Path::new("sh"), e)
}

/// Our terminal, when we have one and are its foreground job: the command then gets it (as a
/// shell gives the terminal to a job), so a password prompt can read it.
fn foreground_terminal() -> Option<File> {
    let tty = File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    // SAFETY: plain calls on a descriptor we own.
    let ours = unsafe { libc::tcgetpgrp(tty.as_raw_fd()) == libc::getpgrp() };
    ours.then_some(tty)
}

/// Hands the terminal to process group `pgid`, even from a background group.
fn give_terminal(tty: &File, pgid: libc::pid_t) {
    // SAFETY: SIGTTOU is ignored only around the call (it would stop a background caller) and
    // its previous handling put back.
    unsafe {
        let old = libc::signal(libc::SIGTTOU, libc::SIG_IGN);
        libc::tcsetpgrp(tty.as_raw_fd(), pgid);
        libc::signal(libc::SIGTTOU, old);
    }
}

/// Runs the command with our output; returns how it ended.
pub fn run(template: &str, out: &Path, timeout: Duration) -> Result<Ended> {
    let tty = foreground_terminal();
    let tty_fd = tty.as_ref().map(AsRawFd::as_raw_fd);
    let mut cmd = sh(template, out);
    // SAFETY: setpgid, getpid, signal and tcsetpgrp are async-signal-safe and touch no memory
    // of ours.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setpgid(0, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if let Some(fd) = tty_fd {
                libc::signal(libc::SIGTTOU, libc::SIG_IGN);
                libc::tcsetpgrp(fd, libc::getpid());
                libc::signal(libc::SIGTTOU, libc::SIG_DFL);
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().map_err(spawn_failed)?;
    let pgid = child.id() as libc::pid_t;
    if let Some(t) = &tty {
        // Also from here: whichever runs first, the command never reads as a background job.
        give_terminal(t, pgid);
    }
    let ended = wait(&mut child, pgid, timeout);
    if let Some(t) = &tty {
        // SAFETY: getpgrp cannot fail.
        give_terminal(t, unsafe { libc::getpgrp() });
    }
    ended
}

/// Runs the command away from the terminal (for the terminal app, which owns it): no input,
/// its output and errors written to `log`, in a session of its own so that nothing it starts
/// (ssh asking for a password) can read keys from the terminal or draw over the screen; such
/// a prompt fails instead. Returns how it ended.
pub fn run_logged(template: &str, out: &Path, log: File, timeout: Duration) -> Result<Ended> {
    let errors = log
        .try_clone()
        .map_err(|e| SiteError::io(IoAction::ShareSyncLog, Path::new("sh"), e))?;
    let mut cmd = sh(template, out);
    cmd.stdin(Stdio::null()).stdout(log).stderr(errors);
    // SAFETY: setsid is async-signal-safe and touches no memory of ours.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let mut child = cmd.spawn().map_err(spawn_failed)?;
    // A new session is a new process group with the same number.
    let pgid = child.id() as libc::pid_t;
    wait(&mut child, pgid, timeout)
}

/// Waits for the command until `timeout`, then stops its whole process group.
fn wait(child: &mut Child, pgid: libc::pid_t, timeout: Duration) -> Result<Ended> {
    let deadline = Instant::now() + timeout;
    let mut nap = Duration::from_millis(5);
    loop {
        if let Some(status) = child.try_wait().map_err(spawn_failed)? {
            return Ok(Ended::Exited(status.code()));
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        std::thread::sleep(nap.min(left));
        nap = (nap * 2).min(Duration::from_millis(100));
    }
    stop_group(child, pgid);
    Ok(Ended::TimedOut)
}

/// SIGTERM to every process of the group, SIGKILL to those left after the grace period.
fn stop_group(child: &mut Child, pgid: libc::pid_t) {
    // SAFETY: signals to a process group we made; `-pgid` never names our own group.
    let signal = |sig| unsafe { libc::kill(-pgid, sig) };
    signal(libc::SIGTERM);
    let grace_ends = Instant::now() + GRACE;
    loop {
        // The shell is reaped here; once no process of the group is left, kill fails.
        let _ = child.try_wait();
        if signal(0) != 0 {
            return;
        }
        if Instant::now() >= grace_ends {
            signal(libc::SIGKILL);
            let _ = child.wait();
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
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

    const MINUTE: Duration = Duration::from_secs(60);

    #[test]
    fn a_logged_run_keeps_output_and_errors_and_reads_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("sync.log");
        let file = File::create(&log).unwrap();
        let ended = run_logged(
            "echo to {out}; read x || echo no input >&2; exit 3",
            Path::new("/srv/site"),
            file,
            MINUTE,
        )
        .unwrap();
        assert_eq!(ended, Ended::Exited(Some(3)));
        let text = std::fs::read_to_string(&log).unwrap();
        assert_eq!(text, "to /srv/site\nno input\n");
    }

    /// Whether `pid` runs (a zombie waiting to be reaped counts as gone).
    fn running(pid: i32) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
            !s.rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
    }

    /// `sh -c 'sleep 100 & …'` past a 1-second timeout: both ways of running return within a
    /// few seconds and leave none of the processes it started.
    #[test]
    fn a_command_past_its_timeout_is_stopped_with_its_children() {
        let dir = tempfile::tempdir().unwrap();
        for logged in [false, true] {
            let pids = dir.path().join(format!("pids-{logged}"));
            // Run in the foreground, the shell ignores SIGTERM: it is killed after the grace.
            let trap = if logged { "" } else { "trap '' TERM;" };
            let cmd = format!(
                "sleep 100 & echo $! >> {p}; sh -c 'sleep 100 & echo $! >> {p}; sleep 100' & \
                 echo $! >> {p}; {trap} echo $$ >> {p}; sleep 100",
                p = pids.display()
            );
            let started = Instant::now();
            let ended = if logged {
                let log = File::create(dir.path().join("sync.log")).unwrap();
                run_logged(&cmd, dir.path(), log, Duration::from_secs(1))
            } else {
                run(&cmd, dir.path(), Duration::from_secs(1))
            }
            .unwrap();
            let took = started.elapsed();
            assert_eq!(ended, Ended::TimedOut);
            assert!(took < Duration::from_secs(9), "{logged}: took {took:?}");
            let text = std::fs::read_to_string(&pids).unwrap();
            let pids: Vec<i32> = text.lines().filter_map(|l| l.trim().parse().ok()).collect();
            assert_eq!(pids.len(), 4, "{text}");
            let until = Instant::now() + Duration::from_secs(3);
            while pids.iter().any(|p| running(*p)) && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(20));
            }
            let left: Vec<_> = pids.iter().filter(|p| running(**p)).collect();
            assert!(left.is_empty(), "{logged}: still running {left:?}");
        }
    }

    #[test]
    fn a_command_that_ends_in_time_reports_its_code() {
        let ended = run("exit 7", Path::new("/srv"), MINUTE).unwrap();
        assert_eq!(ended, Ended::Exited(Some(7)));
        let ended = run("kill -9 $$", Path::new("/srv"), MINUTE).unwrap();
        assert_eq!(ended, Ended::Exited(None));
    }
}
