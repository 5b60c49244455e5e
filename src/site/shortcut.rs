//! An export with nothing to do, in milliseconds: the live build records the database's change
//! counter and a fingerprint of the settings and templates it was made with; when both are
//! still the same, planning and fingerprinting every page would only confirm it.

use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use super::fingerprint::Fp;
use super::{Settings, Templates};

/// What the live site was built from: the change counter, the settings and the templates.
pub fn state_key(settings: &Settings, templates: &Templates, counter: i64) -> u64 {
    let mut h = Fp::new();
    (
        super::RENDER_VERSION,
        env!("CARGO_PKG_VERSION"),
        settings,
        templates,
        super::templates::STYLE,
        counter,
    )
        .hash(&mut h);
    h.finish()
}

/// `OUT.builds/<n>.state` for the build `OUT` links to, if it links to one.
fn state_file(out: &Path) -> Option<PathBuf> {
    let name = out.file_name()?.to_str()?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let target = fs::read_link(out).ok()?;
    let number: u64 = target.file_name()?.to_str()?.parse().ok()?;
    Some(
        parent
            .join(format!("{name}.builds"))
            .join(format!("{number}.state")),
    )
}

/// The key and page count the live build recorded, if any. A live build never marked
/// complete (an unclean stop) has none: its files must be checked the long way.
pub fn live_state(out: &Path) -> Option<(u64, usize)> {
    let path = state_file(out)?;
    if !path.with_extension("complete").exists() {
        return None;
    }
    let text = fs::read_to_string(path).ok()?;
    let (key, pages) = text.trim().split_once(' ')?;
    Some((u64::from_str_radix(key, 16).ok()?, pages.parse().ok()?))
}

/// Records what the live build was made from. Best effort: without it the next export takes
/// the long way and still writes nothing that did not change.
pub fn record_state(out: &Path, key: u64, pages: usize) {
    let Some(path) = state_file(out) else { return };
    // Older builds' records describe sites that are no longer live.
    if let Some(dir) = path.parent()
        && let Ok(entries) = fs::read_dir(dir)
    {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "state") && p != path {
                let _ = fs::remove_file(p);
            }
        }
    }
    let tmp = path.with_extension("state.tmp");
    if fs::write(&tmp, format!("{key:016x} {pages}\n")).is_ok() {
        let _ = fs::rename(&tmp, &path);
    }
}
