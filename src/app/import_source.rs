//! The name an imported file is known by across imports: its path below the folder named on
//! the command line, so `newsdesk import content/` finds the same articles whatever folder
//! it is run from.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

use crate::domain::text;

/// The names given out in one import, so two files never share one (two files named
/// themselves, `x/a.md` and `y/a.md`, would both be `a.md`).
#[derive(Default)]
pub struct Names<'a> {
    seen: HashMap<String, &'a Path>,
}

impl<'a> Names<'a> {
    /// `file`'s name (see `source_of`), or that name and the other file this import gave it
    /// to. One file reached twice (through its folder and by itself) keeps its name.
    pub fn name(
        &mut self,
        roots: &[PathBuf],
        file: &'a Path,
    ) -> Result<String, (String, &'a Path)> {
        match self.seen.entry(source_of(roots, file)) {
            Entry::Vacant(e) => {
                let name = e.key().clone();
                e.insert(file);
                Ok(name)
            }
            Entry::Occupied(e) if same_file(e.get(), file) => Ok(e.key().clone()),
            Entry::Occupied(e) => Err((e.key().clone(), e.get())),
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(a), Ok(b)) if a == b
        )
}

/// `file`'s path below the outermost of `roots` (the paths named on the command line) that
/// holds it, folders separated by `/`; a file named itself is known by its file name. The
/// outermost, so `import content content/posts` and `import content` agree.
pub fn source_of(roots: &[PathBuf], file: &Path) -> String {
    let below = roots
        .iter()
        .filter_map(|root| {
            let rest = file.strip_prefix(root).ok()?;
            Some((root.components().count(), rest))
        })
        .filter(|(_, rest)| rest.components().next().is_some())
        .min_by_key(|(depth, _)| *depth)
        .map(|(_, rest)| rest);
    let names: Vec<String> = match below {
        Some(rest) => rest
            .components()
            .filter_map(|c| match c {
                Component::Normal(name) => Some(name_text(name)),
                _ => None,
            })
            .collect(),
        None => file.file_name().map(name_text).into_iter().collect(),
    };
    text::nfc(&names.join("/"))
}

/// A file or folder name as text, losing nothing: bytes that are not UTF-8 as `\xNN`,
/// control characters as `\u{NN}` (the name is printed in messages), `\` doubled.
fn name_text(name: &OsStr) -> String {
    let mut out = String::new();
    let push_valid = |valid: &str, out: &mut String| {
        for c in valid.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                c => out.push(c),
            }
        }
    };
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        for chunk in name.as_bytes().utf8_chunks() {
            push_valid(chunk.valid(), &mut out);
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
    }
    #[cfg(not(unix))]
    push_valid(&name.to_string_lossy(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots(r: &[&str]) -> Vec<PathBuf> {
        r.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn the_path_below_the_folder_named_whatever_it_was_called() {
        let file = "a/Language.md";
        for (root, path) in [
            ("content", "content/a/Language.md"),
            ("content/", "content/a/Language.md"),
            ("./content", "./content/a/Language.md"),
            ("/srv/site/content", "/srv/site/content/a/Language.md"),
            ("../content", "../content/a/Language.md"),
            (".", "./a/Language.md"),
        ] {
            assert_eq!(source_of(&roots(&[root]), Path::new(path)), file, "{root}");
        }
        // Named itself: its file name. Inside a folder also named: the folder decides,
        // whichever comes first.
        let p = Path::new("content/a/Language.md");
        assert_eq!(
            source_of(&roots(&["content/a/Language.md"]), p),
            "Language.md"
        );
        for r in [["content/a", "content"], ["content", "content/a"]] {
            assert_eq!(source_of(&roots(&r), p), file);
        }
        assert_eq!(
            source_of(&roots(&["content/a/Language.md", "content"]), p),
            file
        );
    }

    #[test]
    fn two_files_never_share_a_name_in_one_import() {
        let dir = tempfile::tempdir().unwrap();
        let (x, y) = (dir.path().join("x/a.md"), dir.path().join("y/a.md"));
        for p in [&x, &y] {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "---\ntitle: T\n---\n").unwrap();
        }
        let roots = vec![x.clone(), y.clone()];
        let mut names = Names::default();
        assert_eq!(names.name(&roots, &x), Ok("a.md".to_string()));
        assert_eq!(
            names.name(&roots, &y),
            Err(("a.md".to_string(), x.as_path()))
        );
        // The same file by another path keeps its name.
        let again = dir.path().join("x/../x/a.md");
        assert_eq!(names.name(&roots, &again), Ok("a.md".to_string()));
    }

    #[test]
    fn names_are_nfc_and_lose_nothing() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "tin/Đắk Nông.md".nfd().collect();
        let got = source_of(&roots(&["x"]), &Path::new("x").join(&nfd));
        assert_eq!(got, "tin/Đắk Nông.md");
        let odd = source_of(&roots(&["x"]), Path::new("x/a\\b\u{1b}[2J.md"));
        assert_eq!(odd, "a\\\\b\\u{1b}[2J.md");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let latin1 = Path::new("x").join(OsStr::from_bytes(b"caf\xe9.md"));
            let utf8 = Path::new("x/caf\u{e9}.md");
            let (a, b) = (
                source_of(&roots(&["x"]), &latin1),
                source_of(&roots(&["x"]), utf8),
            );
            assert_eq!(a, "caf\\xe9.md");
            assert_ne!(a, b, "two different files, two names");
        }
    }
}
