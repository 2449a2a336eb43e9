//! `--message-format short`: one line a finding, `file:line:col: error[E012]: message`.

use super::finding::Finding;
use crate::text::quote::printable;

pub fn short(f: &Finding) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {}",
        f.path,
        f.at.line,
        f.at.column,
        f.d.severity().name().en,
        f.d.code,
        printable(f.message())
    )
}
