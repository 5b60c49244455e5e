//! Setting up: where the database lives, the demo folder, and `site get/set`.

use crate::i18n::Lang::{self, En, Vi};

counted_enum! {
    #[derive(Debug, Clone, PartialEq)]
    pub enum SetupMsg {
        NoHomeFolder,
        DemoFolder { path: String, err: String },
        /// A site setting's value, when it has none.
        NotSet,
        /// After a site setting's default value.
        Default,
        BackToDefault(String),
    }
}

impl SetupMsg {
    pub fn text(&self, lang: Lang) -> String {
        use SetupMsg::*;
        match self {
            NoHomeFolder => match lang {
                En => "cannot find a home folder for the database: pass --db PATH".into(),
                Vi => "không tìm thấy thư mục nhà để đặt cơ sở dữ liệu: hãy thêm --db ĐƯỜNG_DẪN"
                    .into(),
            },
            DemoFolder { path, err } => match lang {
                En => format!("cannot create the demo folder {path}: {err}"),
                Vi => format!("không tạo được thư mục dùng thử {path}: {err}"),
            },
            NotSet => match lang {
                En => "(not set)".into(),
                Vi => "(chưa đặt)".into(),
            },
            Default => match lang {
                En => "(default)".into(),
                Vi => "(mặc định)".into(),
            },
            BackToDefault(key) => match lang {
                En => format!("{key} is back to its default"),
                Vi => format!("{key} đã trở về giá trị mặc định"),
            },
        }
    }
}

/// One value of every message.
#[cfg(test)]
pub(super) fn samples() -> Vec<SetupMsg> {
    use super::sample::{err, path};
    use SetupMsg::*;
    vec![
        NoHomeFolder,
        DemoFolder {
            path: path(),
            err: err(),
        },
        NotSet,
        Default,
        BackToDefault("title".into()),
    ]
}
