//! The two languages weekly speaks, English and Chinese: every message is a [`Msg`] in both.

use std::fmt;
use std::str::FromStr;

/// The languages findings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Chinese when the locale (`LC_ALL`, else `LC_MESSAGES`, else `LANG`) begins with `zh`;
    /// where none is set, as on Windows, when the system's language (`system`, e.g. `zh-CN`)
    /// does.
    pub fn from_locale(
        lookup: impl Fn(&str) -> Option<String>,
        system: impl FnOnce() -> Option<String>,
    ) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| lookup(v).filter(|s| !s.is_empty()))
            .or_else(system);
        match locale {
            Some(l) if l.starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::ALL
            .into_iter()
            .find(|l| l.name() == s)
            .ok_or_else(|| format!("`{s}` is not a language (en, zh)"))
    }
}

/// A text in English and in Chinese; every message and help line of a finding is one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Msg {
    pub en: String,
    pub zh: String,
}

impl Msg {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// In English where no language is chosen; an error can carry a message in both languages
/// (`io::Error::new(kind, msg)`) for the reader to pick from.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Msg {}

/// An error that says itself in both languages. Every error weekly returns is one: the
/// command line prints each link of an error's chain through it, in the user's language, and
/// a link's causes are its `source()`, links of their own.
pub trait Localized: std::error::Error {
    fn message(&self) -> Msg;
}

/// `Display` for [`Localized`] errors: each reads in English where no language is chosen.
#[macro_export]
macro_rules! in_english {
    ($($error:ty),* $(,)?) => {$(
        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::Localized::message(self).en)
            }
        }
    )*};
}

impl Localized for Msg {
    fn message(&self) -> Msg {
        self.clone()
    }
}

impl Localized for std::io::Error {
    fn message(&self) -> Msg {
        io_message(self)
    }
}

/// A word or phrase in English and in Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Word {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// An I/O error in both languages: the system's words in English, the usual kinds put in
/// Chinese, with the system's error number kept for a search; a [`Msg`] carried inside as is.
pub fn io_message(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    if let Some(m) = e.get_ref().and_then(|inner| inner.downcast_ref::<Msg>()) {
        return m.clone();
    }
    let (en, zh) = match e.kind() {
        K::NotFound => ("No such file or directory", "找不到该文件或文件夹"),
        K::PermissionDenied => ("Permission denied", "没有权限"),
        K::AlreadyExists => ("File exists", "已经存在"),
        K::StorageFull => ("No space left on device", "磁盘空间已满"),
        K::FileTooLarge => ("File too large", "文件超过了允许的大小"),
        K::IsADirectory => ("Is a directory", "这是一个文件夹"),
        K::NotADirectory => ("Not a directory", "路径中有一段不是文件夹"),
        K::ReadOnlyFilesystem => ("Read-only file system", "文件系统只读"),
        K::BrokenPipe => ("Broken pipe", "管道已关闭"),
        K::InvalidData => ("", "内容不是有效的文字"),
        K::Interrupted => ("", "操作被中断"),
        _ => {
            return Msg {
                en: e.to_string(),
                zh: format!("系统错误：{e}"),
            };
        }
    };
    match e.raw_os_error() {
        // Unix says these as the texts above; Windows in words of its own, and in the
        // system's language: the same English everywhere keeps messages and docs alike.
        Some(n) => Msg {
            en: match cfg!(unix) || en.is_empty() {
                true => e.to_string(),
                false => format!("{en} (os error {n})"),
            },
            zh: format!("{zh}（os error {n}）"),
        },
        None => Msg {
            en: e.to_string(),
            zh: zh.to_owned(),
        },
    }
}

/// `msg!("found {n}", "发现 {n}")`: a [`Msg`] from two format strings over the same values.
#[macro_export]
macro_rules! msg {
    ($en:literal, $zh:literal $(, $arg:expr)* $(,)?) => {
        $crate::i18n::Msg {
            en: format!($en $(, $arg)*),
            zh: format!($zh $(, $arg)*),
        }
    };
}

/// The system's code for a full disk: ENOSPC, or Windows' ERROR_DISK_FULL.
#[cfg(test)]
pub const DISK_FULL: i32 = if cfg!(windows) { 112 } else { 28 };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_set_decides_and_else_the_system_language() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |v: &str| {
                vars.iter()
                    .find(|(k, _)| *k == v)
                    .map(|(_, x)| x.to_string())
            }
        };
        let zh = || Some("zh-CN".to_string());
        let en = || Some("en-US".to_string());
        assert_eq!(Lang::from_locale(env(&[]), zh), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[]), en), Lang::En);
        assert_eq!(Lang::from_locale(env(&[]), || None), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "")]), zh), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")]), zh), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")]), en),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_locale(
                env(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")]),
                zh
            ),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_MESSAGES", "en"), ("LC_ALL", "zh_TW")]), en),
            Lang::Zh
        );
    }

    #[test]
    fn io_errors_read_in_both_languages() {
        let gone = std::io::Error::from_raw_os_error(2);
        let m = io_message(&gone);
        assert_eq!(m.en, "No such file or directory (os error 2)");
        assert_eq!(m.zh, "找不到该文件或文件夹（os error 2）");
        let full = io_message(&std::io::Error::from_raw_os_error(DISK_FULL));
        assert_eq!(
            full.en,
            format!("No space left on device (os error {DISK_FULL})")
        );
        assert_eq!(full.zh, format!("磁盘空间已满（os error {DISK_FULL}）"));
        let ours = std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            Msg {
                en: "it is a folder".into(),
                zh: "这是一个文件夹".into(),
            },
        );
        assert_eq!(io_message(&ours).zh, "这是一个文件夹");
        let odd = io_message(&std::io::Error::other("odd"));
        assert_eq!((odd.en.as_str(), odd.zh.as_str()), ("odd", "系统错误：odd"));
    }
}
