//! The progress an export reports (the terminal app's progress bar): the due articles it
//! found, every page placed, the switch, then the due articles marked published (only once
//! the new site is live); the same output as without a listener.

mod support;

use newsdesk::app::export::export_site_with_progress;
use newsdesk::site::{Phase, Progress};
use support::site::{actor, fixture, now};

#[test]
fn an_export_reports_publishing_rendering_and_switching_in_order() {
    let mut f = fixture();
    let out = f.site.out();
    let mut seen: Vec<Progress> = Vec::new();
    let done = export_site_with_progress(
        &mut f.site.store,
        Some(&out),
        None,
        &actor(now()),
        &mut |p| seen.push(p),
    )
    .unwrap();
    let pages = done.report.pages;
    assert_eq!(done.published.len(), 1, "the fixture has one due article");
    assert_eq!(seen.first(), Some(&Progress::new(Phase::Publishing, 0, 1)));
    assert_eq!(seen[1], Progress::new(Phase::Rendering, 0, pages));
    assert_eq!(
        seen[seen.len() - 3..],
        [
            Progress::new(Phase::Rendering, pages, pages),
            Progress::new(Phase::Switching, pages, pages),
            Progress::new(Phase::Publishing, 1, 1),
        ]
    );
    // Never backwards within a phase, never past the total.
    for w in seen.windows(2) {
        if w[0].phase == w[1].phase {
            assert!(w[0].done <= w[1].done, "{seen:?}");
        }
        assert!(w[1].done <= w[1].total, "{seen:?}");
    }

    // Nothing changed: rendering is reported done at once, and no switch.
    seen.clear();
    export_site_with_progress(
        &mut f.site.store,
        Some(&out),
        None,
        &actor(now()),
        &mut |p| seen.push(p),
    )
    .unwrap();
    assert_eq!(
        seen,
        [
            Progress::new(Phase::Publishing, 0, 0),
            Progress::new(Phase::Rendering, 0, pages),
            Progress::new(Phase::Rendering, pages, pages),
        ]
    );
}
