//! Times are read and shown in the newsroom's zone (the site's `timezone` setting), whatever
//! zone the host runs in: what an editor types is what the site shows.

mod support;

use support::cli::{DAN_VAN, Desk, command, expect_code, stdout};

/// `newsdesk --db DB ARGS…` on a host whose own zone is `tz`.
fn on_host(desk: &Desk, tz: &str, args: &[&str]) -> String {
    let out = command()
        .env("TZ", tz)
        .arg("--db")
        .arg(&desk.db)
        .args(args)
        .output()
        .expect("run newsdesk");
    expect_code(&out, 0, args);
    stdout(&out)
}

#[test]
fn a_time_typed_on_a_utc_host_is_newsroom_time() {
    let desk = Desk::with_sample();
    desk.ok(&["status", DAN_VAN, "draft"]);
    on_host(
        &desk,
        "UTC",
        &["status", DAN_VAN, "scheduled", "--at", "2030-01-01 08:00"],
    );
    // 08:00 in the newsroom (+07:00 by default), shown so on any host.
    let shown = on_host(&desk, "UTC", &["show", DAN_VAN, "--json"]);
    assert!(
        shown.contains("\"publish_at\": \"2030-01-01T08:00:00+07:00\""),
        "{shown}"
    );
    let shown = on_host(&desk, "America/New_York", &["show", DAN_VAN, "--json"]);
    assert!(shown.contains("2030-01-01T08:00:00+07:00"), "{shown}");
    // A newsroom in another zone reads and shows its own.
    desk.ok(&["site", "set", "timezone", "+09:00"]);
    desk.ok(&["status", DAN_VAN, "draft"]);
    on_host(
        &desk,
        "UTC",
        &["status", DAN_VAN, "scheduled", "--at", "2030-01-01 08:00"],
    );
    let shown = on_host(&desk, "UTC", &["show", DAN_VAN, "--json"]);
    assert!(shown.contains("2030-01-01T08:00:00+09:00"), "{shown}");
}
