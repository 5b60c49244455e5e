//! The command line speaks the editor's language: Vietnamese when asked, English otherwise.

mod support;

use std::process::Output;

use support::cli::{Desk, command, expect_code, stderr, stdout};
use unicode_normalization::is_nfc;

/// `newsdesk --lang vi --db DB ARGS…`
fn vi(desk: &Desk, args: &[&str]) -> Output {
    command()
        .args(["--lang", "vi", "--db"])
        .arg(&desk.db)
        .args(args)
        .output()
        .expect("run newsdesk")
}

/// `newsdesk --db DB ARGS…` on a machine whose locale is Vietnamese, with `extra` flags.
fn in_vi_locale(desk: &Desk, extra: &[&str], args: &[&str]) -> Output {
    command()
        .env("LANG", "vi_VN.UTF-8")
        .args(extra)
        .arg("--db")
        .arg(&desk.db)
        .args(args)
        .output()
        .expect("run newsdesk")
}

#[test]
fn the_locale_chooses_vietnamese_and_the_flag_overrides_it() {
    let desk = Desk::new();
    let out = in_vi_locale(&desk, &[], &["show", "x"]);
    assert!(
        stderr(&out).starts_with("newsdesk: không có bài “x”"),
        "{}",
        stderr(&out)
    );
    let out = in_vi_locale(&desk, &["--lang", "en"], &["show", "x"]);
    assert!(
        stderr(&out).starts_with("newsdesk: no article “x”"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_of_a_missing_article_in_vietnamese() {
    let desk = Desk::new();
    let out = vi(&desk, &["show", "khong-co-bai-nay"]);
    expect_code(&out, 1, "show");
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        "newsdesk: không có bài “khong-co-bai-nay”: hãy nhập mã số hoặc slug của bài (xem `newsdesk list`)"
    );
    assert!(is_nfc(&err));
    // The same machine without the Vietnamese locale speaks English.
    let en = desk.fails(&["show", "khong-co-bai-nay"]);
    assert!(
        en.starts_with("newsdesk: no article “khong-co-bai-nay”"),
        "{en}"
    );
}

#[test]
fn a_bad_import_in_vietnamese() {
    let desk = Desk::new();
    let dir = desk.path("bai");
    desk.write(
        "bai/01-tot.md",
        "---\ntitle: Bưởi Phúc Trạch\n---\nNội dung.\n",
    );
    desk.write(
        "bai/02-khong-dong.md",
        "---\ntitle: Thiếu dấu đóng\nNội dung.\n",
    );
    desk.write(
        "bai/03-khong-tieu-de.md",
        "---\nsection: Kinh tế\n---\nNội dung.\n",
    );
    desk.write(
        "bai/04-ngay-sai.md",
        "---\ntitle: Ngày sai\ndate: thứ năm\n---\nx\n",
    );
    desk.write("bai/05-latin1.md", b"---\ntitle: Caf\xe9\n---\n".as_slice());
    let out = vi(&desk, &["import", dir.to_str().unwrap()]);
    expect_code(&out, 1, "import");
    let (said, err) = (stdout(&out), stderr(&out));
    assert!(is_nfc(&said) && is_nfc(&err));
    assert_eq!(
        said.trim_end(),
        "đã nhập 1 tệp: 1 mới, 0 cập nhật, 0 giữ nguyên, 0 bỏ qua, 4 lỗi"
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    let line = |name: &str| {
        lines
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no line for {name} in\n{err}"))
            .to_string()
    };
    assert!(
        line("02-khong-dong.md")
            .ends_with(": phần đầu tệp (front matter) mở bằng --- nhưng không được đóng lại"),
        "{err}"
    );
    assert!(
        line("03-khong-tieu-de.md").ends_with(": tiêu đề đang trống: bài nào cũng cần có tiêu đề"),
        "{err}"
    );
    assert!(
        line("04-ngay-sai.md").contains(": “thứ năm” không phải là ngày giờ: hãy viết như"),
        "{err}"
    );
    assert!(
        line("05-latin1.md").contains(": không phải văn bản UTF-8 (byte lỗi ở vị trí 14)"),
        "{err}"
    );
}

#[test]
fn workflow_refusals_and_confirmations_in_vietnamese() {
    let desk = Desk::new();
    let printed = desk.ok(&["new", "--title", "Lịch tiếp công dân"]);
    let slug = printed.split_whitespace().nth(1).expect("id slug");
    let out = vi(&desk, &["status", slug, "published"]);
    expect_code(&out, 1, "status");
    assert!(
        stderr(&out).contains("không chuyển được từ nháp sang đã đăng"),
        "{}",
        stderr(&out)
    );
    let out = vi(&desk, &["delete", slug]);
    expect_code(&out, 0, "delete");
    assert_eq!(
        stdout(&out).trim_end(),
        "đã lưu trữ “Lịch tiếp công dân” (lấy lại bằng `newsdesk status 1 draft`)"
    );
    let out = vi(&desk, &["list", "--sort", "mới"]);
    expect_code(&out, 1, "list");
    assert!(
        stderr(&out).starts_with("newsdesk: không có cách sắp xếp “mới”"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn photo_refusals_and_the_empty_library_in_vietnamese() {
    let desk = Desk::new();
    let out = vi(&desk, &["media", "list"]);
    expect_code(&out, 0, "media list");
    assert_eq!(
        stdout(&out).trim_end(),
        "Thư viện ảnh đang trống. Thêm ảnh bằng `newsdesk media add TỆP...`."
    );
    let svg = desk.write(
        "logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    );
    let text = desk.write("anh-bia.jpg", "Đây là ghi chú, không phải ảnh.\n");
    let out = vi(
        &desk,
        &[
            "media",
            "add",
            svg.to_str().unwrap(),
            text.to_str().unwrap(),
        ],
    );
    expect_code(&out, 1, "media add");
    let err = stderr(&out);
    assert!(is_nfc(&err), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(
        lines[0],
        format!(
            "newsdesk: {}: bị từ chối: không nhận ảnh SVG (tệp SVG có thể chứa mã chạy được): hãy xuất ảnh ra PNG hoặc JPEG rồi thêm tệp đó",
            svg.display()
        )
    );
    assert_eq!(
        lines[1],
        format!(
            "newsdesk: {}: bị từ chối: không phải ảnh JPEG, PNG, WebP hay GIF (tệp có vẻ là một loại tệp khác; newsdesk xem nội dung tệp, không xem tên tệp)",
            text.display()
        )
    );
    // Nothing was stored: the library is still empty.
    let out = vi(&desk, &["media", "list"]);
    assert!(stdout(&out).starts_with("Thư viện ảnh đang trống."));
}
