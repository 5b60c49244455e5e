//! Site export errors worded for the editor in their language (see `describe`).

use crate::i18n::Lang;
use crate::site::publish::Occupant;
use crate::site::{DateField, IoAction, PageProblem, RefProblem, SiteError, ValueProblem};

pub fn describe_site(err: &SiteError, lang: Lang) -> String {
    if lang == Lang::En {
        return err.to_string();
    }
    match err {
        SiteError::UnknownKey { key, known } => {
            format!("không có thiết lập trang “{key}”: các thiết lập là {known}")
        }
        SiteError::BadValue {
            key,
            value,
            reason,
            stored,
        } => {
            let fix = if *stored {
                format!(" (sửa bằng `newsdesk site set {key} GIÁ_TRỊ`)")
            } else {
                String::new()
            };
            format!(
                "thiết lập {key} = “{value}” bị từ chối: {}{fix}",
                reason_vi(*reason)
            )
        }
        SiteError::Template { name, line, detail } => format!(
            "mẫu {name}{}: {detail}; hãy sửa mẫu (xem `newsdesk site get templates_dir`)",
            line.map(|l| format!(", dòng {l}")).unwrap_or_default()
        ),
        SiteError::Io {
            action,
            path,
            source,
        } => format!(
            "không {} được {}: {source}",
            action_vi(*action),
            path.display()
        ),
        SiteError::Read(e) => format!("không đọc được các bài đã đăng: {e}"),
        SiteError::NoOutDir => "chưa có thư mục xuất: hãy đặt một thư mục bằng `newsdesk site set export_dir THƯ_MỤC`".to_string(),
        SiteError::NotOurs { path } => format!(
            "{} là thư mục không do newsdesk tạo (newsdesk đăng trang qua một liên kết tới thư mục bản dựng): hãy chuyển nó đi hoặc xuất ra chỗ khác",
            path.display()
        ),
        SiteError::Busy { path } => format!(
            "một lần xuất {} khác đang chạy; hãy thử lại khi nó xong",
            path.display()
        ),
        SiteError::NoPrevious { path } => format!(
            "không có bản dựng nào trước đó của {} để quay lại",
            path.display()
        ),
        SiteError::UnsafePath(p) => format!(
            "đường dẫn ra “{p}” không an toàn nên bị từ chối (nó sẽ ra ngoài thư mục xuất)"
        ),
        SiteError::Media {
            title,
            path,
            file,
            reason,
        } => format!(
            "không xuất được “{title}” ({path}): ảnh {} của bài: {reason}; chưa có gì được đăng và trang đang chạy không đổi: hãy khôi phục tệp, hoặc gỡ ảnh khỏi bài",
            file.display()
        ),
        SiteError::MediaRef {
            title,
            path,
            reference,
            problem,
        } => format!(
            "không xuất được “{title}” ({path}): nội dung bài hiển thị media:{reference}, {}; hãy sửa nội dung; chưa có gì được đăng và trang đang chạy không đổi",
            ref_problem_vi(*problem)
        ),
        SiteError::NoMediaFolder => {
            "ảnh được giữ trong một thư mục cạnh cơ sở dữ liệu, mà cơ sở dữ liệu này nằm trong bộ nhớ"
                .to_string()
        }
        SiteError::Occupied { path, by } => format!(
            "{} {}: newsdesk biến đường dẫn xuất thành một liên kết tới thư mục bản dựng và không thay thế thứ gì khác; hãy chuyển nó đi hoặc xuất ra chỗ khác",
            path.display(),
            occupant_vi(by)
        ),
        SiteError::Page {
            page,
            article,
            problem,
        } => {
            let what = match article {
                Some(a) => format!("“{}” (bài {}, {}; trang {page})", a.title, a.id, a.slug),
                None => format!("trang {page}"),
            };
            format!(
                "không xuất được {what}: {}; trang đang chạy không đổi",
                page_problem_vi(problem)
            )
        }
    }
}

fn occupant_vi(by: &Occupant) -> String {
    match by {
        Occupant::File => "là một tệp, không phải thư mục".into(),
        Occupant::Link(t) => format!(
            "là một liên kết không do newsdesk tạo (tới {})",
            t.display()
        ),
        Occupant::Special => "không phải thư mục (là thiết bị, socket hoặc ống dẫn)".into(),
    }
}

fn page_problem_vi(problem: &PageProblem) -> String {
    match problem {
        PageProblem::Date {
            field: DateField::Published,
            year,
        } => format!(
            "ngày đăng của bài ở năm {year}, ngoài khoảng năm 1000–9999 mà trang hiển thị được; hãy sửa ngày đăng"
        ),
        PageProblem::Date {
            field: DateField::Updated,
            year,
        } => format!(
            "lần sửa cuối của bài ghi năm {year}, ngoài khoảng năm 1000–9999 mà trang hiển thị được; hãy lưu lại bài để ghi ngày sửa là hôm nay"
        ),
        PageProblem::OutOfFuel { template, fuel } => format!(
            "mẫu {template} chạy lâu hơn mọi trang của trang web này cần ({fuel} bước): có vòng lặp không dừng? hãy sửa mẫu (xem `newsdesk site get templates_dir`)"
        ),
        PageProblem::Panicked(message) => {
            format!("việc dựng trang dừng vì một lỗi bên trong ({message}); hãy báo lỗi này")
        }
    }
}

/// Why a setting's value is refused, in Vietnamese.
fn reason_vi(reason: ValueProblem) -> &'static str {
    match reason {
        ValueProblem::NotHttp => {
            "hãy nhập một địa chỉ http:// hoặc https://, ví dụ https://tin.example.vn"
        }
        ValueProblem::UnsafeAddress => "địa chỉ không có dấu cách, dấu nháy hay dấu ngoặc nhọn",
        ValueProblem::QueryOrFragment => "hãy nhập địa chỉ trang không có ? hay #",
        ValueProblem::NotALanguage => "hãy chọn vi hoặc en",
        ValueProblem::PerPage => "hãy nhập một số nguyên từ 1 đến 500",
        ValueProblem::MediaMaxMb => "hãy nhập số megabyte nguyên từ 1 đến 1000",
        ValueProblem::SyncTimeout => {
            "hãy nhập một khoảng thời gian từ 1 giây đến 24 giờ: 90, 90s, 10m hoặc 2h"
        }
        ValueProblem::NotAnOffset => "hãy nhập độ lệch giờ như +07:00 hoặc -05:30",
        ValueProblem::NoTitle => "trang cần có tên",
        ValueProblem::NotOneLine => "chỉ nhập một dòng",
    }
}

/// What the export was doing when the file system refused.
fn action_vi(action: IoAction) -> &'static str {
    match action {
        IoAction::Read => "đọc",
        IoAction::Write => "ghi",
        IoAction::Copy => "sao chép",
        IoAction::Replace => "thay",
        IoAction::Link => "liên kết",
        IoAction::LookAt => "xem",
        IoAction::SetTime => "đặt thời gian cho",
        IoAction::CreateFolder => "tạo thư mục",
        IoAction::CreateBuildsFolder => "tạo thư mục chứa các bản dựng",
        IoAction::CreateBuildFolder => "tạo thư mục bản dựng",
        IoAction::FinishBuildFolder => "hoàn tất thư mục bản dựng",
        IoAction::CreateLockFile => "tạo tệp khóa",
        IoAction::ReadLink => "đọc liên kết",
        IoAction::CreateLink => "tạo liên kết",
        IoAction::SwitchLink => "chuyển liên kết của trang đang chạy",
        IoAction::ReadTemplate => "đọc mẫu",
        IoAction::ReadTemplatesFolder => "đọc thư mục mẫu",
        IoAction::RunSync => "chạy lệnh đồng bộ bằng",
        IoAction::ShareSyncLog => "chia sẻ nhật ký đồng bộ với",
        IoAction::MakeDurable => "đồng bộ xuống đĩa",
        IoAction::CreateCompletionMark => "tạo dấu hoàn tất",
    }
}

fn ref_problem_vi(problem: RefProblem) -> &'static str {
    match problem {
        RefProblem::NotInLibrary => "mã này không có trong thư viện ảnh",
        RefProblem::Ambiguous => "mã này là phần đầu mã băm của nhiều ảnh (hãy nhập dài hơn)",
    }
}

/// One value of every site error, for the wording tests.
#[cfg(test)]
pub(super) fn samples() -> Vec<SiteError> {
    let p = std::path::PathBuf::from("/srv/tin");
    let io = || std::io::Error::other("x");
    vec![
        SiteError::UnknownKey {
            key: "tiêu_đề".into(),
            known: "title".into(),
        },
        crate::site::settings::validate("per_page", "nhiều").unwrap_err(),
        crate::site::settings::validate("language", "fr").unwrap_err(),
        SiteError::Template {
            name: "article.html".into(),
            line: Some(3),
            detail: "x".into(),
        },
        SiteError::io(IoAction::Write, &p, io()),
        SiteError::io(IoAction::SwitchLink, &p, io()),
        SiteError::Read("x".into()),
        SiteError::NoOutDir,
        SiteError::NotOurs { path: p.clone() },
        SiteError::Busy { path: p.clone() },
        SiteError::NoPrevious { path: p.clone() },
        SiteError::UnsafePath("../x".into()),
        SiteError::Media {
            title: "Thẩm định".into(),
            path: "a/b.html".into(),
            file: p.clone(),
            reason: "missing".into(),
        },
        SiteError::MediaRef {
            title: "Thẩm định".into(),
            path: "a/b.html".into(),
            reference: "abc".into(),
            problem: RefProblem::NotInLibrary,
        },
        SiteError::NoMediaFolder,
        SiteError::Occupied {
            path: p.clone(),
            by: Occupant::File,
        },
        SiteError::Occupied {
            path: p.clone(),
            by: Occupant::Link(p.clone()),
        },
        SiteError::Occupied {
            path: p.clone(),
            by: Occupant::Special,
        },
        SiteError::io(IoAction::MakeDurable, &p, io()),
        SiteError::io(IoAction::CreateCompletionMark, &p, io()),
        SiteError::Page {
            page: "dan-van/tham-dinh/index.html".into(),
            article: Some(crate::site::PageArticle {
                id: 7,
                slug: "tham-dinh".into(),
                title: "Thẩm định".into(),
            }),
            problem: PageProblem::Date {
                field: DateField::Published,
                year: 10000,
            },
        },
        SiteError::Page {
            page: "a/index.html".into(),
            article: None,
            problem: PageProblem::Date {
                field: DateField::Updated,
                year: -1,
            },
        },
        SiteError::Page {
            page: "index.html".into(),
            article: None,
            problem: PageProblem::OutOfFuel {
                template: "list.html".into(),
                fuel: 1000,
            },
        },
        SiteError::Page {
            page: "index.html".into(),
            article: None,
            problem: PageProblem::Panicked("x".into()),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn every_variant_has_a_vietnamese_nfc_wording() {
        let errors = samples();
        for e in &errors {
            let vi = describe_site(e, Lang::Vi);
            assert!(is_nfc(&vi), "{vi}");
            assert_ne!(vi, e.to_string());
            assert_eq!(describe_site(e, Lang::En), e.to_string());
        }
        assert_eq!(
            describe_site(&errors[1], Lang::Vi),
            "thiết lập per_page = “nhiều” bị từ chối: hãy nhập một số nguyên từ 1 đến 500"
        );
        assert!(describe_site(&errors[5], Lang::Vi).starts_with("không chuyển liên kết"));
    }

    #[test]
    fn every_setting_reason_is_translated() {
        let cases = [
            ("base_url", "ftp://x"),
            ("base_url", "https://a b"),
            ("base_url", "https://a?b"),
            ("language", "fr"),
            ("per_page", "0"),
            ("media_max_mb", "0"),
            ("timezone", "x"),
            ("title", ""),
            ("tagline", "a\nb"),
            ("sync_timeout", "0"),
        ];
        for (key, value) in cases {
            let Err(SiteError::BadValue { reason, .. }) =
                crate::site::settings::validate(key, value)
            else {
                panic!("{key} = {value} passed");
            };
            assert_ne!(reason_vi(reason), reason.to_string(), "{reason}");
        }
    }
}
