//! The checks of numbers and dates: counts, years and `YYYY-MM-DD` dates, each with the help
//! for the ways such values are mistyped.

use chrono::NaiveDate;

use super::node::{Checker, Fields, kind, looks_like_iso_date};
use super::slips;
use crate::diag::Code;
use crate::i18n::Msg;
use crate::input::yaml::Value;
use crate::issue::Sp;
use crate::msg;
use crate::text::quote::excerpt;

impl Checker<'_> {
    pub(super) fn count(&mut self, f: &Fields, key: &str) -> Option<Sp<u64>> {
        let node = f.get(key)?;
        let span = node.span.clone();
        match &node.value {
            Value::Int(n) => match u64::try_from(*n) {
                Ok(value) => Some(Sp { value, span }),
                Err(_) => {
                    self.report(
                        Code::E013,
                        span,
                        msg!(
                            "`{key}` must be a whole number from 0 up, found {n}",
                            "`{key}` 应为 0 或正整数，实际为 {n}"
                        ),
                    );
                    None
                }
            },
            Value::Null => {
                self.report(
                    Code::E011,
                    span,
                    msg!(
                        "`{key}` is blank: fill in the figure",
                        "`{key}` 还没有填写：请填上数字"
                    ),
                );
                None
            }
            Value::Str(s) if s.trim().parse::<f64>().is_ok() => {
                let s = excerpt(s);
                self.report_with_help(
                    Code::E002,
                    span,
                    msg!(
                        "expected a number for `{key}`, found the text `{s}`",
                        "`{key}` 应为数字，实际为文字 `{s}`"
                    ),
                    msg!(
                        "remove the quotes around the number",
                        "请去掉数字两边的引号"
                    ),
                );
                None
            }
            Value::Float(x) if x.abs() >= u64::MAX as f64 => {
                self.report(
                    Code::E013,
                    span,
                    msg!("`{key}` is too large", "`{key}` 过大"),
                );
                None
            }
            Value::Float(_) => {
                let raw = excerpt(self.source.get(span.clone()).unwrap_or_default()).into_owned();
                self.report_maybe_help(
                    Code::E002,
                    span,
                    msg!(
                        "expected a whole number for `{key}`, found `{raw}`",
                        "`{key}` 应为整数，实际为 `{raw}`"
                    ),
                    slips::number_help(&raw, f.get("unit").is_some()),
                );
                None
            }
            _ => {
                let Msg { en: kn, zh: kz } = kind(node);
                let help = match &node.value {
                    Value::Str(s) => slips::number_help(s, f.get("unit").is_some()),
                    _ => None,
                };
                self.report_maybe_help(
                    Code::E002,
                    span,
                    msg!(
                        "expected a number for `{key}`, found {kn}",
                        "`{key}` 应为数字，实际为{kz}"
                    ),
                    help,
                );
                None
            }
        }
    }

    pub(super) fn positive(&mut self, f: &Fields, key: &str) -> Option<Sp<u64>> {
        let n = self.count(f, key)?;
        if n.value == 0 {
            self.report(
                Code::E013,
                n.span.clone(),
                msg!("`{key}` must be at least 1", "`{key}` 至少为 1"),
            );
            return None;
        }
        Some(n)
    }

    pub(super) fn date(&mut self, f: &Fields, key: &str) -> Option<Sp<NaiveDate>> {
        let node = f.get(key)?;
        let span = node.span.clone();
        let Value::Str(s) = &node.value else {
            self.report_with_help(
                Code::E002,
                span,
                {
                    let Msg { en: kn, zh: kz } = kind(node);
                    msg!(
                        "expected a date for `{key}`, found {kn}",
                        "`{key}` 应为日期，实际为{kz}"
                    )
                },
                msg!(
                    "write dates as YYYY-MM-DD, e.g. 2023-10-20",
                    "日期请写成“年-月-日”（YYYY-MM-DD），如 2023-10-20"
                ),
            );
            return None;
        };
        match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(value) => Some(Sp { value, span }),
            Err(_) if looks_like_iso_date(s) => {
                self.report(
                    Code::E006,
                    span,
                    msg!(
                        "`{s}` is not a date: there is no such day",
                        "`{s}` 不是有效日期：没有这一天"
                    ),
                );
                None
            }
            Err(_) => {
                let s = excerpt(s);
                self.report_with_help(
                    Code::E006,
                    span,
                    msg!(
                        "expected a date for `{key}`, found `{s}`",
                        "`{key}` 应为日期，实际为 `{s}`"
                    ),
                    msg!(
                        "write dates as YYYY-MM-DD, e.g. 2023-10-20",
                        "日期请写成“年-月-日”（YYYY-MM-DD），如 2023-10-20"
                    ),
                );
                None
            }
        }
    }

    pub(super) fn year(&mut self, y: Sp<u64>) -> Option<Sp<i32>> {
        match i32::try_from(y.value) {
            Ok(value @ 1900..=9999) => Some(Sp {
                value,
                span: y.span,
            }),
            _ => {
                self.report(
                    Code::E013,
                    y.span,
                    msg!(
                        "`year` must be a four-digit year, found {}",
                        "`year` 应为四位年份，实际为 {}",
                        y.value
                    ),
                );
                None
            }
        }
    }
}
