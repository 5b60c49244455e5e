use super::*;

#[test]
fn batches_end_at_the_file_count_or_the_text_size() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (0..5)
        .map(|i| {
            let p = dir.path().join(format!("{i}.md"));
            let body = "chữ ".repeat(if i == 1 { 400 } else { 10 });
            std::fs::write(&p, format!("---\ntitle: Tin {i}\n---\n{body}")).unwrap();
            p
        })
        .collect();
    let tz = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    let sizes = |limits| {
        let mut rest: &[PathBuf] = &files;
        let mut out = Vec::new();
        while !rest.is_empty() {
            out.push(parse_batch(&mut rest, limits, tz).docs.len());
        }
        out
    };
    assert_eq!(sizes((2, usize::MAX)), [2, 2, 1]);
    // File 1 alone is over 1,000 bytes: its batch ends after it.
    assert_eq!(sizes((5, 1000)), [2, 3]);
    assert_eq!(sizes((5, usize::MAX)), [5]);
}
