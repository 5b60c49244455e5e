use chrono::{DateTime, Utc};

use super::article::ArticleFields;
use super::error::{DomainError, MoveRule};

/// Where an article is in the newsroom's workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Draft,
    Review,
    Scheduled,
    Published,
    Archived,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::Review,
        Status::Scheduled,
        Status::Published,
        Status::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Scheduled => "scheduled",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    pub fn parse(s: &str) -> Result<Status, DomainError> {
        let key = s.trim().to_lowercase();
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == key)
            .ok_or_else(|| DomainError::UnknownStatus(s.to_string()))
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The workflow as data: every allowed move. Anything not listed is refused.
const MOVES: &[(Status, Status)] = {
    use Status::*;
    &[
        (Draft, Review),
        (Draft, Scheduled),
        (Draft, Published),
        (Draft, Archived),
        (Review, Draft),
        (Review, Scheduled),
        (Review, Published),
        (Review, Archived),
        (Scheduled, Draft),
        (Scheduled, Review),
        (Scheduled, Published),
        (Scheduled, Archived),
        (Published, Draft),
        (Published, Archived),
        (Archived, Draft),
    ]
};

/// The statuses an article may move to from `from`, in workflow order.
pub fn allowed_moves(from: Status) -> Vec<Status> {
    MOVES
        .iter()
        .filter(|(f, _)| *f == from)
        .map(|(_, t)| *t)
        .collect()
}

/// Content rules that hold in a status whatever the route: every article has a title, and
/// what is published or scheduled has a body too.
pub fn check_content(status: Status, fields: &ArticleFields) -> Result<(), DomainError> {
    if fields.title.trim().is_empty() {
        return Err(DomainError::EmptyTitle);
    }
    if matches!(status, Status::Published | Status::Scheduled) && fields.body.trim().is_empty() {
        return Err(DomainError::EmptyBody(status.as_str()));
    }
    if status == Status::Scheduled && fields.publish_at.is_none() {
        return Err(DomainError::NoPublishTime);
    }
    Ok(())
}

/// Checks a status move against the workflow table and the content rules.
/// `publish_at` is the time the move would record (for scheduling it must be in the future).
pub fn check_move(
    from: Status,
    to: Status,
    fields: &ArticleFields,
    publish_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    let refuse = |rule: MoveRule| DomainError::MoveRefused {
        from: from.as_str(),
        to: to.as_str(),
        rule,
    };
    if from == to {
        return Err(refuse(MoveRule::SameStatus));
    }
    if !MOVES.contains(&(from, to)) {
        return Err(refuse(match from {
            Status::Archived => MoveRule::FromArchived,
            Status::Published => MoveRule::FromPublished,
            _ => MoveRule::NotInWorkflow,
        }));
    }
    let mut with_time = fields.clone();
    with_time.publish_at = publish_at;
    check_content(to, &with_time).map_err(|e| {
        refuse(match e {
            DomainError::EmptyTitle => MoveRule::EmptyTitle,
            DomainError::NoPublishTime => MoveRule::NeedsTime,
            _ => MoveRule::EmptyBody,
        })
    })?;
    if to == Status::Scheduled {
        match publish_at {
            None => return Err(refuse(MoveRule::NeedsTime)),
            Some(at) if at <= now => return Err(refuse(MoveRule::PastTime)),
            Some(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn ready() -> ArticleFields {
        ArticleFields {
            title: "Hội nghị".into(),
            body: "Nội dung.".into(),
            ..Default::default()
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
    }

    #[test]
    fn table_of_moves() {
        use Status::*;
        let cases = [
            (Draft, Review, true),
            (Review, Published, true),
            (Published, Archived, true),
            (Archived, Draft, true),
            (Archived, Published, false),
            (Published, Review, false),
            (Draft, Draft, false),
        ];
        for (from, to, ok) in cases {
            let r = check_move(from, to, &ready(), None, now());
            assert_eq!(r.is_ok(), ok, "{from} → {to}: {r:?}");
        }
    }

    #[test]
    fn publishing_needs_title_and_body() {
        let mut f = ready();
        f.body = "  ".into();
        let err = check_move(Status::Draft, Status::Published, &f, None, now()).unwrap_err();
        assert!(err.to_string().contains("body is empty"), "{err}");
        f = ready();
        f.title.clear();
        let err = check_move(Status::Review, Status::Published, &f, None, now()).unwrap_err();
        assert!(err.to_string().contains("title is empty"), "{err}");
    }

    #[test]
    fn scheduling_needs_a_future_time() {
        let past = now() - chrono::Duration::hours(1);
        let future = now() + chrono::Duration::hours(1);
        let f = ready();
        assert!(check_move(Status::Draft, Status::Scheduled, &f, None, now()).is_err());
        let err = check_move(Status::Draft, Status::Scheduled, &f, Some(past), now()).unwrap_err();
        assert!(err.to_string().contains("future"), "{err}");
        assert!(check_move(Status::Draft, Status::Scheduled, &f, Some(future), now()).is_ok());
    }

    #[test]
    fn allowed_moves_follow_the_table() {
        assert_eq!(allowed_moves(Status::Archived), vec![Status::Draft]);
        assert!(allowed_moves(Status::Draft).contains(&Status::Review));
    }
}
