//! Why a previous issue cannot be used, and what to do about it.

use std::io;

use crate::i18n::Msg;
use crate::msg;

/// Why a previous issue cannot be used, what to do about it, and whether the message
/// already names the `previous:` that led to it.
#[derive(Debug, Clone)]
pub(super) struct Failure {
    pub message: Msg,
    pub help: Msg,
    /// The file is not there (as opposed to there but of no use).
    missing: bool,
    located: bool,
}

impl Failure {
    /// A previous issue that is not there to read.
    pub(super) fn missing(message: Msg) -> Failure {
        Failure {
            message,
            help: msg!(
                "the path is relative to this file; check the name",
                "`previous` 中的路径从本文件所在的文件夹算起；请核对文件名"
            ),
            missing: true,
            located: false,
        }
    }

    /// A previous issue that cannot be read: missing (check the name), or there but
    /// unreadable (a folder, no permission), each with its own way out.
    pub(super) fn io(shown: &str, e: &io::Error) -> Failure {
        let Msg { en, zh } = crate::i18n::io_message(e);
        let message = msg!(
            "cannot read the previous issue `{shown}`: {en}",
            "无法读取上一期 `{shown}`：{zh}"
        );
        match e.kind() {
            io::ErrorKind::NotFound => Failure::missing(message),
            io::ErrorKind::PermissionDenied => Failure::unusable(message).with_help(msg!(
                "check that you have permission to read it",
                "请确认有权限读取该文件"
            )),
            _ => Failure::unusable(message).with_help(msg!(
                "point `previous` at last week's issue file",
                "请让 `previous` 指向上一周的周报文件"
            )),
        }
    }

    /// A previous issue that is there but cannot be used as it is.
    pub(super) fn unusable(message: Msg) -> Failure {
        Failure {
            message,
            help: msg!(
                "mend that issue first: this one's figures follow from it",
                "请先改正该期，因为本期的数字要根据它推算"
            ),
            missing: false,
            located: false,
        }
    }

    pub(super) fn with_help(self, help: Msg) -> Failure {
        Failure { help, ..self }
    }

    /// The failure of an issue further back, named by the `previous:` on `line` of `file`.
    pub(super) fn named_in(self, file: &str, line: usize) -> Failure {
        if self.located {
            return self;
        }
        let Msg { en, zh } = self.message;
        let help = if self.missing {
            msg!(
                "put that file back, or write the figures into `{file}`, which names it",
                "请恢复该文件，或在指向它的 `{file}` 中写明各项数字"
            )
        } else {
            self.help
        };
        Failure {
            message: msg!(
                "{en} (named by `previous` on line {line} of `{file}`)",
                "{zh}（由 `{file}` 第 {line} 行的 `previous` 指向）"
            ),
            help,
            missing: self.missing,
            located: true,
        }
    }
}
