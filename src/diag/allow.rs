//! Warnings switched off: by an issue's `lint: { allow: [...] }`, for the whole issue or for
//! one counter or section (`W019 咨询`), and by `--allow` for a whole run. Errors are never
//! switched off, but for the two that accept a written running figure by name (`E036 咨询`).

use std::collections::{BTreeMap, BTreeSet};

use super::{Code, Diagnostic, Severity};

/// The codes that may be switched off for one counter, piece of work or section, by its
/// name: the two errors among them only so.
pub const BY_NAME: [Code; 6] = [
    Code::E036,
    Code::E037,
    Code::W019,
    Code::W027,
    Code::W028,
    Code::W029,
];

/// The codes an older `lint.allow` may name by the number they had as warnings: a file
/// that accepted a figure then still accepts it.
pub fn renamed(typed: &str) -> Option<Code> {
    match typed {
        "W005" => Some(Code::E036),
        "W006" => Some(Code::E037),
        _ => None,
    }
}

/// The warnings switched off, looked up in sets: many findings may be checked against a long
/// list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allowed {
    whole: BTreeSet<Code>,
    named: BTreeMap<Code, BTreeSet<String>>,
}

impl Allowed {
    /// `code` switched off for the whole issue or run, or only for `subject`.
    pub fn add(&mut self, code: Code, subject: Option<String>) {
        match subject {
            None => {
                self.whole.insert(code);
            }
            Some(name) => {
                self.named.entry(code).or_default().insert(name);
            }
        }
    }

    /// Whether a finding of `code` about `subject` is switched off: a warning whole or by
    /// name, one of the errors of `BY_NAME` by name only.
    pub fn allows(&self, code: Code, subject: Option<&str>) -> bool {
        let named =
            || subject.is_some_and(|s| self.named.get(&code).is_some_and(|n| n.contains(s)));
        match code.severity() {
            Severity::Warning => self.whole.contains(&code) || named(),
            Severity::Error => BY_NAME.contains(&code) && named(),
        }
    }

    /// Leaves out the findings switched off for the whole issue or run. A warning switched
    /// off for one name is left to the checks that know which name a finding is about.
    pub fn retain(&self, diagnostics: &mut Vec<Diagnostic>) {
        if !self.whole.is_empty() {
            diagnostics.retain(|d| !self.allows(d.code, None));
        }
    }
}

impl FromIterator<Code> for Allowed {
    fn from_iter<I: IntoIterator<Item = Code>>(codes: I) -> Allowed {
        Allowed {
            whole: codes.into_iter().collect(),
            named: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_is_allowed_whole_or_by_name_and_an_error_only_by_name() {
        let mut allowed = Allowed::default();
        allowed.add(Code::W013, None);
        allowed.add(Code::W019, Some("咨询".to_owned()));
        allowed.add(Code::E036, Some("咨询".to_owned()));
        allowed.add(Code::E009, None);
        allowed.add(Code::E037, None);
        allowed.add(Code::E010, Some("咨询".to_owned()));
        assert!(allowed.allows(Code::W013, None));
        assert!(allowed.allows(Code::W013, Some("受理")));
        assert!(allowed.allows(Code::W019, Some("咨询")));
        assert!(!allowed.allows(Code::W019, Some("受理")));
        assert!(!allowed.allows(Code::W019, None));
        assert!(allowed.allows(Code::E036, Some("咨询")));
        assert!(!allowed.allows(Code::E036, Some("受理")));
        assert!(!allowed.allows(Code::W012, None));
        assert!(
            !allowed.allows(Code::E009, None) && !allowed.allows(Code::E037, Some("x")),
            "an error is never allowed whole"
        );
        assert!(
            !allowed.allows(Code::E010, Some("咨询")),
            "nor by name unless it is one of BY_NAME"
        );
        let mut found = vec![
            Diagnostic::new(Code::W013, 0..1, crate::msg!("a", "a")),
            Diagnostic::new(Code::W019, 1..2, crate::msg!("b", "b")),
            Diagnostic::new(Code::E009, 2..3, crate::msg!("c", "c")),
        ];
        allowed.retain(&mut found);
        let left: Vec<Code> = found.iter().map(|d| d.code).collect();
        assert_eq!(left, [Code::W019, Code::E009]);
        assert_eq!(renamed("W005"), Some(Code::E036));
        assert_eq!(renamed("W006"), Some(Code::E037));
        assert_eq!(renamed("W007"), None);
        let run: Allowed = [Code::W012].into_iter().collect();
        assert!(run.allows(Code::W012, None) && !run.allows(Code::W013, None));
    }
}
