//! The YAML parser's own messages, for a syntax error that is none of the input method's
//! slips: the usual ones in both languages, the others framed in Chinese.

use crate::diag::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::msg;

/// The parser's own message, in both languages where it is one of the usual ones.
pub fn parser_message(at: usize, message: &str) -> Diagnostic {
    let known: &[(&str, &str, &str, &str)] = &[
        (
            "unclosed quote",
            "引号不成对",
            "close the quote at the end of the text, or remove the opening one",
            "请在文字末尾补上同样的引号，或删去开头的引号",
        ),
        (
            "did not find expected ',' or '}'",
            "“{”没有对应的“}”",
            "close the mapping with `}` on the same line",
            "请在同一行的末尾补上“}”",
        ),
        (
            "did not find expected ',' or ']'",
            "“[”没有对应的“]”",
            "close the list with `]` on the same line",
            "请在同一行的末尾补上“]”",
        ),
        (
            "mapping values are not allowed",
            "这里不能出现“字段: 值”",
            "check this line and the one before: a colon inside text needs quotes",
            "请检查这一行和上一行：文字中如有冒号，须给整段文字加引号",
        ),
        (
            "did not find expected key",
            "这里应当是一个字段名",
            "check the indentation: keys of one mapping start in the same column",
            "请检查缩进：同一层的字段要从同一列开始",
        ),
        (
            "only valid inside a block",
            "“-”不能用在这里",
            "a list item `- ` starts its own line, indented under its key",
            "列表项“- ”要另起一行，缩进在所属字段之下",
        ),
        (
            "block sequence entries are not allowed",
            "这里不能出现列表项“- ”",
            "check the indentation of the list",
            "请检查列表的缩进",
        ),
        (
            "found a tab",
            "出现了 Tab 字符",
            "use spaces instead of tabs",
            "请用空格代替 Tab",
        ),
        (
            "cannot start any token",
            "这个字符不能放在内容开头",
            "put the text in quotes",
            "请给文字加引号",
        ),
        (
            "could not find expected ':'",
            "缺少冒号“:”",
            "write each key as `key: value`, with a half-width colon and a space",
            "每个字段都写成“字段: 值”，用半角冒号加空格",
        ),
        (
            "comment intercepting the multiline text",
            "多行文字被注释打断",
            "check the indentation of the lines above; text runs on only when indented",
            "请检查上面几行的缩进；文字换行续写时要缩进",
        ),
    ];
    let hit = known.iter().find(|(pattern, ..)| message.contains(pattern));
    match hit {
        Some((_, zh, help_en, help_zh)) => Diagnostic::new(
            Code::E001,
            at..at,
            Msg {
                en: message.to_owned(),
                zh: (*zh).to_owned(),
            },
        )
        .with_help(Msg {
            en: (*help_en).to_owned(),
            zh: (*help_zh).to_owned(),
        }),
        None => Diagnostic::new(
            Code::E001,
            at..at,
            msg!("{message}", "文件格式有误（原始提示：{message}）"),
        )
        .with_help(msg!(
            "check the indentation, colons and quotes of this line and the one before",
            "请检查这一行和上一行的缩进、冒号和引号"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_parser_messages_are_put_in_chinese_or_framed() {
        let d = parser_message(0, "unclosed quote");
        assert_eq!(d.message.zh, "引号不成对");
        let d = parser_message(0, "something new");
        assert_eq!(d.message.zh, "文件格式有误（原始提示：something new）");
        assert!(d.help.is_some());
    }
}
