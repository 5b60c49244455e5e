use super::*;
use unicode_normalization::is_nfc;

/// One value of every domain and store variant, with Vietnamese samples inside.
pub(crate) fn samples() -> (Vec<DomainError>, Vec<StoreError>) {
    let t = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 26, 3, 42, 0).unwrap();
    let rules = [
        MoveRule::SameStatus,
        MoveRule::FromArchived,
        MoveRule::FromPublished,
        MoveRule::NotInWorkflow,
        MoveRule::EmptyTitle,
        MoveRule::NeedsTime,
        MoveRule::EmptyBody,
        MoveRule::PastTime,
    ];
    let mut domain: Vec<DomainError> = rules
        .into_iter()
        .map(|rule| DomainError::MoveRefused {
            from: "published",
            to: "review",
            rule,
        })
        .collect();
    domain.extend([
        DomainError::UnknownStatus("đăng".into()),
        DomainError::BadSlug("Việt".into()),
        DomainError::EmptyTitle,
        DomainError::EmptyBody("scheduled"),
        DomainError::NoPublishTime,
        DomainError::SlugTooLong { len: 250, max: 200 },
        DomainError::SlugAllDigits("2023".into()),
        DomainError::TimeOutOfRange("+10000-01-01".into()),
    ]);
    domain.extend(
        super::super::import::samples()
            .into_iter()
            .map(DomainError::BadFrontMatter),
    );
    let title = "Thẩm định mô hình".to_string();
    let store = vec![
        StoreError::NotNewsdesk {
            path: "a.db".into(),
        },
        StoreError::TooNew {
            path: "a.db".into(),
            found: 9,
            known: 8,
        },
        StoreError::Open {
            path: "a.db".into(),
            reason: "x".into(),
        },
        StoreError::CannotOpen {
            path: "a.db".into(),
            problem: OpenProblem::FolderReadOnly,
        },
        StoreError::CannotOpen {
            path: "a.db".into(),
            problem: OpenProblem::FileDenied,
        },
        StoreError::CannotOpen {
            path: "a.db".into(),
            problem: OpenProblem::DiskFull,
        },
        StoreError::CannotOpen {
            path: "a.db".into(),
            problem: OpenProblem::Damaged,
        },
        StoreError::NotFound("khong-co".into()),
        StoreError::NoRevision { id: 1, rev: 2 },
        StoreError::SlugTaken("viet-nam".into()),
        StoreError::SlugOfOtherFile {
            slug: "viet-nam".into(),
            file: "tin/việt-nam.md".into(),
        },
        StoreError::Conflict {
            id: 1,
            title: title.clone(),
            saved_by: "lan".into(),
            saved_at: t,
            version: 3,
            kept_rev: 4,
        },
        StoreError::Locked {
            id: 1,
            user: "lan".into(),
            host: "may".into(),
            since: t,
        },
        StoreError::MediaNotFound("abc".into()),
        StoreError::MediaAmbiguous {
            key: "abc".into(),
            count: 2,
        },
        StoreError::MediaInUse {
            hash: "abc".into(),
            uses: vec![
                crate::store::MediaUse {
                    article_id: 1,
                    slug: "tham-dinh".into(),
                    title: title.clone(),
                    status: crate::domain::Status::Published,
                    role: crate::store::Role::Lead,
                },
                crate::store::MediaUse {
                    article_id: 1,
                    slug: "tham-dinh".into(),
                    title: title.clone(),
                    status: crate::domain::Status::Published,
                    role: crate::store::Role::Gallery(2),
                },
            ],
        },
        StoreError::NotInGallery {
            title: title.clone(),
            hash: "abc".into(),
        },
        StoreError::Busy,
        StoreError::Rule {
            title: title.clone(),
            source: DomainError::EmptyTitle,
        },
        StoreError::Domain(DomainError::NoPublishTime),
    ];
    (domain, store)
}

#[test]
fn vietnamese_descriptions_are_nfc_and_differ_from_english() {
    let (domain, store) = samples();
    for e in &domain {
        let vi = describe_domain(e, Lang::Vi);
        assert!(is_nfc(&vi), "{vi}");
        assert_ne!(vi, describe_domain(e, Lang::En));
        assert_eq!(describe_domain(e, Lang::En), e.to_string());
    }
    for e in &store {
        let vi = describe_store(e, Lang::Vi);
        assert!(is_nfc(&vi), "{vi}");
        assert_ne!(vi, describe_store(e, Lang::En));
    }
}

#[test]
fn every_photo_refusal_is_worded_in_vietnamese() {
    use crate::media::Format;
    // A JPEG cut short after its header: the inspector's own reason.
    let truncated = [
        0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03, 0x01, 0x22, 0x00,
        0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    ];
    let cut = crate::media::inspect(&truncated, 10).unwrap_err();
    let mut refusals = vec![
        Refusal::Empty,
        Refusal::Svg,
        Refusal::TooLarge {
            bytes: 12_345_678,
            limit_mb: 10,
        },
        Refusal::TooManyPixels {
            width: 30_000,
            height: 20_000,
        },
        Refusal::BadHeader(Format::Png),
        Refusal::Undecodable {
            format: Format::Webp,
            detail: "x".into(),
        },
    ];
    use crate::media::LooksLike;
    for kind in [
        LooksLike::Heif,
        LooksLike::Avif,
        LooksLike::Video,
        LooksLike::TiffOrRaw,
        LooksLike::Bmp,
        LooksLike::Pdf,
        LooksLike::HtmlOrXml,
        LooksLike::Unknown,
    ] {
        refusals.push(Refusal::NotAnImage(kind));
    }
    refusals.push(cut.clone());
    for r in &refusals {
        let vi = describe_refusal(r, Lang::Vi);
        assert!(is_nfc(&vi), "{vi}");
        assert_ne!(vi, r.to_string());
        assert_eq!(describe_refusal(r, Lang::En), r.to_string());
    }
    // The words a file kind is named by are translated, except names (HEIC, PDF).
    for kind in [
        LooksLike::Video,
        LooksLike::TiffOrRaw,
        LooksLike::HtmlOrXml,
        LooksLike::Unknown,
    ] {
        assert_ne!(looks_like_vi(kind), kind.to_string());
    }
    assert_eq!(cut, Refusal::Truncated(Format::Jpeg));
    assert_eq!(
        describe_refusal(&refusals[2], Lang::Vi),
        "12,3 MB vượt giới hạn 10 MB (thiết lập trang media_max_mb)"
    );
}

#[test]
fn move_refusals_name_statuses_in_vietnamese() {
    let e = DomainError::MoveRefused {
        from: "published",
        to: "review",
        rule: MoveRule::FromPublished,
    };
    assert_eq!(
        describe_domain(&e, Lang::Vi),
        "không chuyển được từ đã đăng sang chờ duyệt: bài đã đăng chỉ có thể gỡ xuống (về nháp) hoặc lưu trữ"
    );
}
