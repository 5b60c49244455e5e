//! What a build changed on disk, so that making it durable costs a `fsync` per changed file
//! and folder rather than a flush of the whole file system (`syncfs` writes every other
//! program's pending writes too: under load it took 40–200 ms for a one-edit export). A build
//! that changes more than `LIMIT` of them (a full export, a first build) uses `syncfs`.

use std::collections::HashSet;
use std::sync::Mutex;

/// The most files and folders synced one by one (about 1 ms each here).
const LIMIT: usize = 256;

#[derive(Default)]
struct Inner {
    /// New files (written, or linked from outside the builds): their data must reach the disk.
    files: Vec<String>,
    /// Folders whose entries changed ("" is the build's own folder).
    dirs: HashSet<String>,
    over: bool,
}

/// Paths relative to the build folder; safe to note from several threads.
#[derive(Default)]
pub struct Touched(Mutex<Inner>);

/// What to sync once the build is in place: the files and folders, or everything.
pub enum Plan {
    Each {
        files: Vec<String>,
        dirs: Vec<String>,
    },
    Whole,
}

impl Touched {
    fn with(&self, f: impl FnOnce(&mut Inner)) {
        if let Ok(mut t) = self.0.lock()
            && !t.over
        {
            f(&mut t);
            t.over = t.files.len() + t.dirs.len() > LIMIT;
            if t.over {
                *t = Inner {
                    over: true,
                    ..Inner::default()
                };
            }
        }
    }

    /// The folders holding `path` changed (an entry made or removed), up to the build's own.
    pub fn entry(&self, path: &str) {
        self.with(|t| {
            let mut p = path;
            while let Some((parent, _)) = p.rsplit_once('/') {
                t.dirs.insert(parent.to_string());
                p = parent;
            }
            t.dirs.insert(String::new());
        });
    }

    /// A new file at `path`, whose bytes are not yet on the disk.
    pub fn file(&self, path: &str) {
        self.with(|t| t.files.push(path.to_string()));
    }

    pub fn plan(self) -> Plan {
        match self.0.into_inner() {
            Ok(t) if !t.over => Plan::Each {
                files: t.files,
                dirs: t.dirs.into_iter().collect(),
            },
            _ => Plan::Whole,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_changes_are_listed_and_many_are_not() {
        let t = Touched::default();
        t.entry("a/b/index.html");
        t.file("a/b/index.html");
        t.entry("style.css");
        let Plan::Each { files, mut dirs } = t.plan() else {
            panic!("a few changes are synced one by one");
        };
        dirs.sort();
        assert_eq!(
            (files, dirs),
            (
                vec!["a/b/index.html".to_string()],
                vec![String::new(), "a".to_string(), "a/b".to_string()]
            )
        );
        let t = Touched::default();
        for i in 0..LIMIT {
            t.file(&format!("p/{i}/index.html"));
            t.entry(&format!("p/{i}/index.html"));
        }
        assert!(matches!(t.plan(), Plan::Whole));
    }
}
