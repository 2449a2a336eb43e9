//! Errors of the command line put in words of both languages, their causes kept: what
//! every command returns for the reporter to print.

use std::error::Error;

use crate::i18n::{Localized, Msg};

/// An error of the command line in both languages, with what caused it: the reporter prints
/// each link of the chain in the user's language.
#[derive(Debug)]
pub struct Said {
    msg: Msg,
    source: Option<Box<dyn Error + Send + Sync>>,
}

impl Said {
    pub fn new(msg: Msg) -> Said {
        Said { msg, source: None }
    }

    pub fn because(msg: Msg, source: impl Into<Box<dyn Error + Send + Sync>>) -> Said {
        Said {
            msg,
            source: Some(source.into()),
        }
    }
}

crate::in_english!(Said);

impl Localized for Said {
    fn message(&self) -> Msg {
        self.msg.clone()
    }
}

impl Error for Said {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn Error + 'static))
    }
}

/// `.said(|| msg!(…))`: an error put in words of the command line, its cause kept.
pub trait Saying<T> {
    fn said(self, msg: impl FnOnce() -> Msg) -> Result<T, Said>;
}

impl<T, E: Into<Box<dyn Error + Send + Sync>>> Saying<T> for Result<T, E> {
    fn said(self, msg: impl FnOnce() -> Msg) -> Result<T, Said> {
        self.map_err(|e| Said::because(msg(), e))
    }
}
