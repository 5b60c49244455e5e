//! Tests of the preview renderer: widths, wrapping, Markdown constructs, no colour.
use super::*;
use unicode_width::UnicodeWidthStr;

fn input(body: &str) -> PreviewInput<'_> {
    PreviewInput {
        title: "",
        lede: "",
        body,
        byline: "",
        signed_by: "",
    }
}

fn plain(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

fn body(md: &str, width: u16) -> Vec<String> {
    plain(&render(&input(md), width, false))
}

const SAMPLE: &str = "# Đại hội “Dân vận khéo”\n\nĐoạn *nghiêng* và **đậm** với `mã`, ~~gạch~~, \
    [liên kết](https://vi.wikipedia.org/wiki/Vi%E1%BB%87t_Nam) và ![Chú thích](a.png)[^1].\n\n\
    > Trích dẫn rất dài của đồng chí Bí thư về công tác dân vận ở cơ sở.\n\n\
    - Một\n  - Hai lồng nhau rất dài để xuống dòng\n    1. Ba\n- Bốn\n\n3. Ba\n4. Bốn\n\n---\n\n\
    ```\nfn main() { println!(\"xin chào thế giới\"); }\n```\n\n\
    | Xã | Số hộ | Ghi chú |\n|:--|--:|:-:|\n| Tân Lập | 12 | 東京 |\n| Phú | 1.204 |\n\n\
    <div>thô <b>HTML</b>\n\nDòng một  \ndòng hai\n\n[^1]: Chú thích cuối.\n";

#[test]
fn heading_is_bold() {
    let lines = render(&input("Mở đầu\n\n## Tiêu đề phụ\n\nNội dung"), 40, false);
    let span = lines
        .iter()
        .flat_map(|l| &l.spans)
        .find(|s| s.content.contains("Tiêu đề"));
    let span = span.expect("heading rendered");
    assert!(
        span.style
            .add_modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert_eq!(
        body("Mở đầu\n\n## Tiêu đề phụ", 40),
        ["Mở đầu", "", "Tiêu đề phụ"]
    );
}

#[test]
fn vietnamese_paragraph_wraps_by_words() {
    let text = "Sáng 12/3, Ban Dân vận Huyện ủy tổ chức hội nghị “sơ kết” phong trào \
                thi đua dân vận khéo giai đoạn 2021–2025 tại hội trường.";
    let lines = body(text, 20);
    assert!(lines.len() > 3);
    for l in &lines {
        assert!(l.width() <= 20, "{l:?}");
    }
    let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
    assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
}

#[test]
fn lists_and_quotes() {
    let lines = body(
        "- một\n- hai ba bốn năm sáu bảy tám\n  - con\n\n7. bảy\n8. tám",
        16,
    );
    assert_eq!(lines[0], "• một");
    assert_eq!(lines[1], "• hai ba bốn năm");
    assert_eq!(lines[2], "  sáu bảy tám");
    assert_eq!(lines[3], "  • con");
    assert_eq!(lines[5..], ["7. bảy", "8. tám"]);
    let lines = render(&input("> trích dẫn dài hơn một dòng"), 12, false);
    assert!(
        plain(&lines).iter().all(|l| l.starts_with("│ ")),
        "{:?}",
        plain(&lines)
    );
    assert!(
        lines[0].spans[1]
            .style
            .add_modifier
            .contains(Modifier::ITALIC)
    );
}

#[test]
fn links_images_footnotes_rules() {
    let all = body(
        "Xem [trang](https://example.vn/a) và ![Caption](x.png), ![](y.png)[^n]",
        80,
    );
    assert_eq!(
        all[0],
        "Xem trang (https://example.vn/a) và [ảnh: Caption], [ảnh][^n]"
    );
    assert_eq!(body("<https://a.vn>", 40), ["https://a.vn"]);
    assert_eq!(body("a\n\n---\n\nb", 5), ["a", "", "─────", "", "b"]);
    assert_eq!(body("a  \nb\nc", 40), ["a", "b c"]);
}

#[test]
fn code_is_indented_and_cut() {
    let lines = body("```\nlet x = \"một hai ba bốn\";\n```", 16);
    assert_eq!(lines, ["  let x = \"một …"]);
    let lines = render(&input("`x`"), 10, false);
    assert!(
        lines[0].spans[0]
            .style
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

#[test]
fn table_fits_with_borders_and_alignment() {
    let md = "| Xã | Số hộ nghèo | Ghi chú |\n|---|---:|:--|\n\
              | Tân Lập | 12 | đã rà soát đầy đủ theo quy định mới |\n\
              | Thạnh Phú Đông | 1.204 |\n";
    let lines = render(&input(md), 40, false);
    let text = plain(&lines);
    assert!(text[0].starts_with('┌') && text[2].contains('┼'));
    assert!(text.last().is_some_and(|l| l.starts_with('└')));
    assert!(text.iter().all(|l| l.width() <= 40), "{text:#?}");
    assert!(
        text.iter().all(|l| l.width() == text[0].width()),
        "{text:#?}"
    );
    let end = |l: &str, n: &str| l[..l.find(n).expect("number") + n.len()].width();
    assert_eq!(end(&text[3], "12"), end(&text[4], "1.204"));
    assert!(text[3].contains('…'));
    let head = lines[1]
        .spans
        .iter()
        .find(|s| s.content.contains("Xã"))
        .expect("header");
    assert!(head.style.add_modifier.contains(Modifier::BOLD));
}

#[test]
fn article_parts_and_signature() {
    let article = PreviewInput {
        title: "Hội nghị dân vận",
        lede: "Tóm tắt.",
        body: "Thân bài.",
        byline: "Nguyễn Thị Đào",
        signed_by: "Ban Dân vận Huyện ủy",
    };
    let lines = render(&article, 30, true);
    let text = plain(&lines);
    assert_eq!(
        text[..6],
        [
            "Hội nghị dân vận",
            "Nguyễn Thị Đào",
            "",
            "Tóm tắt.",
            "",
            "Thân bài."
        ]
    );
    let sign = text.last().expect("signature");
    assert!(sign.ends_with("Ban Dân vận Huyện ủy") && sign.width() == 30);
    assert!(
        lines[0].spans[0]
            .style
            .add_modifier
            .contains(Modifier::BOLD)
    );
    let narrow = plain(&render(&article, 12, false));
    assert_eq!(narrow[narrow.len() - 2..], [" Ban Dân vận", "    Huyện ủy"]);
}

#[test]
fn no_color_means_no_colour() {
    let article = PreviewInput {
        title: "T",
        lede: "L",
        body: SAMPLE,
        byline: "B",
        signed_by: "S",
    };
    let lines = render(&article, 50, false);
    for span in lines.iter().flat_map(|l| &l.spans) {
        assert!(
            span.style.fg.is_none() && span.style.bg.is_none(),
            "{span:?}"
        );
    }
    let coloured = render(&article, 50, true);
    assert!(
        coloured
            .iter()
            .flat_map(|l| &l.spans)
            .any(|s| s.style.fg.is_some())
    );
}

#[test]
fn never_panics_nor_overflows() {
    let nested: String = (0..60)
        .map(|i| format!("{}- mục {i}\n", "  ".repeat(i)))
        .collect();
    let quotes = format!("{} sâu", ">".repeat(80));
    let ragged = "| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n| x |\n";
    let odd = "<div><b>**chưa đóng `x\n\n[a](<>) ![](\n\n|x|\n|-|\n";
    for md in [SAMPLE, &nested, &quotes, ragged, odd, "", "\u{1b}[31m\t"] {
        for color in [false, true] {
            for w in 0..=60 {
                let article = PreviewInput {
                    title: "Tiêu đề “dài” 東京 ❤️👨‍👩‍👧❤️❤️",
                    lede: "",
                    body: md,
                    byline: "",
                    signed_by: "Ban Dân vận Huyện ủy",
                };
                for l in plain(&render(&article, w, color)) {
                    assert!(l.width() <= usize::from(w).max(1), "w={w} {l:?}");
                    assert!(!l.contains('\u{1b}'));
                }
            }
        }
    }
    let empty = PreviewInput {
        title: "",
        lede: "",
        body: "",
        byline: "",
        signed_by: "",
    };
    assert!(render(&empty, 0, false).is_empty());
}
