//! The finding codes: every code weekly reports, its severity, its subject, and what it
//! means and how to fix it in both languages.

use std::fmt;
use std::str::FromStr;

pub use super::subject::Subject;
use crate::i18n::{Lang, Word};

/// How bad a finding is: errors make the input invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// What the table says of one code, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct About {
    pub subject: Subject,
    /// What a finding with the code means, in a few words.
    pub meaning: Word,
    /// A typical cause, as a clerk would type it.
    pub example: Word,
    /// Why it matters and how to fix it.
    pub explain: Word,
}

/// Declares the finding codes: the enum, its list, and what the table says of each.
macro_rules! codes {
    ($($code:ident $subject:ident {
        meaning: $meaning_en:literal, $meaning_zh:literal;
        example: $example_en:literal, $example_zh:literal;
        explain: $explain_en:literal, $explain_zh:literal;
    })*) => {
        /// Every code weekly reports. `E` codes are errors, `W` codes warnings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code,)*
        }

        impl Code {
            pub const ALL: &[Code] = &[$(Code::$code,)*];

            /// `E012`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            /// The code's row of the table.
            pub fn about(self) -> About {
                match self {
                    $(Code::$code => About {
                        subject: Subject::$subject,
                        meaning: Word { en: $meaning_en, zh: $meaning_zh },
                        example: Word { en: $example_en, zh: $example_zh },
                        explain: Word { en: $explain_en, zh: $explain_zh },
                    },)*
                }
            }
        }
    };
}

// One row a code: its subject, then what it means, a typical cause and how to fix it, each in
// English and in Chinese. `weekly explain`, the SARIF rules and docs/codes.md are made from it.
codes! {
    E001 File {
        meaning: "the file is not valid YAML", "文件不是有效的 YAML";
        example: "an unclosed `{`", "`{` 没有闭合";
        explain: "weekly cannot read a file that is not valid YAML, so nothing of the issue is checked or printed until it is mended. The finding points at the slip and names it: a full-width colon `：` after a key, a key without its colon, a tab or a full-width space in the indentation, `: ` inside a text, a `{` or `[` not closed on its line, or a text that starts with a mark YAML reads there (`*`, `&`, `!`, `|`, `>`, `[`, `{`, `@`, `` ` ``, `%`). Type a half-width colon and a space after each key (`title: 窗口工作周报`), indent with half-width spaces only, put a text that holds `: ` in quotes or type the full-width `：`, and close every `{` and `[` on the line that opens it.", "文件不是有效的 YAML 时，weekly 无法读取，整期内容既不能检查也不能生成，必须先改正。提示会指出出错的位置和原因：字段名后用了全角冒号“：”、字段名后缺少冒号、缩进中有 Tab 或全角空格、文字中含有“: ”，或 `{`、`[` 在本行没有闭合。字段名后请用半角冒号加一个空格（如 `title: 窗口工作周报`），缩进只用半角空格；文字中含有“: ”时，请给整段文字加引号，或改用全角冒号“：”；`{` 和 `[` 须在同一行内闭合。文字以 `*`、`&`、`!`、`|`、`>`、`[`、`{`、`@`、`` ` ``、`%` 开头时，YAML 会把开头的符号当作特殊标记，请给整段文字加引号。";
    }
    E002 Values {
        meaning: "a value has the wrong type", "取值类型有误";
        example: "`week: '540'` (a quoted number), `week: 2,903`, `week: 2903人次`", "`week: '540'`（数字加了引号）、`week: 2,903`、`week: 2903人次`";
        explain: "Each key takes one kind of value (a number, a date, a text or a list), and weekly computes the year-to-date figures and shares from the numbers, so a figure must be a whole number and nothing else. Type it in half-width digits without quotes, thousands separators, a unit, `万` or a full stop: `week: 2903`, with `人次` in `unit`; the help under the finding gives the number meant. A text holding `: ` that YAML read as a key and its value is reported here too: put the text in quotes, or type the full-width `：`.", "每个字段只接受一种值（数字、日期、文字或列表）。累计数和占比都由 weekly 根据数字计算，所以数字处只能填一个整数，不能带别的内容。请用半角数字填写，不加引号、千分位逗号、单位、“万”或句号，如 `week: 2903`，“人次”写在 `unit` 里；提示下方的帮助会给出应填的数字。文字中含有“: ”、被读成了“字段: 值”的，也报此错误，请给整段文字加引号，或改用全角冒号“：”。";
    }
    E003 File {
        meaning: "a key that the format does not have", "格式中没有该字段";
        example: "`directive:` for `directives:` (with a suggestion)", "把 `directives:` 写成了 `directive:`（附有建议）";
        explain: "weekly prints nothing from a key it does not know, so whatever stands under it would be missing from the bulletin; the file is refused instead. Keys are the English names of the format, spelt exactly (`directives`, `year_to_date`): when a key is close to one of them the help asks `did you mean …?`, otherwise it lists the keys allowed there. A right key indented under the wrong parent is reported the same way: line it up with the keys beside it. `weekly schema` gives an editor such as VS Code the keys to complete as you type.", "weekly 不认识的字段不会印出，其下的内容会从周报中漏掉，因此整个文件不予通过。字段名是格式规定的英文名称，须一字不差（如 `directives`、`year_to_date`）：与某个字段名相近时，帮助会提示“是不是 `…`？”，否则列出该处可用的字段。字段名没错、但缩进错了而落到别的字段下面，也报此错误，请与同级字段对齐。用 `weekly schema` 输出的格式说明，可让 VS Code 等编辑器在输入时自动补全字段名。";
    }
    E004 File {
        meaning: "a required key is missing", "缺少必填字段";
        example: "a masthead without `total`", "报头中没有 `total`";
        explain: "The bulletin is printed from the keys the format requires: the masthead's title, year, number, running total, period, publisher and date, each section's title, the parts of each entry, and the footer. The finding lists what is missing, at the mapping that lacks it: add each key with its value, as `examples/2023-39.yaml` has them. Only `previous`, `lint`, a section's content, `year_to_date`, `done`, a progress entry's `dept`, an item's `lead` and `visit_purpose` may be left out.", "周报要根据格式规定的必填字段排印：报头的刊名、年份、期号、总期号、周期、编发单位和印发日期，各栏目的标题，每条内容的各个部分，以及版记。提示会在缺少字段的那一层列出缺了哪些：请照 `examples/2023-39.yaml` 的写法逐一补上字段和值。只有 `previous`、`lint`、栏目的内容、`year_to_date`、`done`、进度的 `dept`、条目的 `lead` 和 `visit_purpose` 可以不写。";
    }
    E005 File {
        meaning: "a key appears twice in one mapping", "同一层中字段重复";
        example: "`number:` twice in the masthead", "报头中出现了两次 `number:`";
        explain: "When a key is written twice at one level, YAML keeps only one of the two values without a word, and the bulletin could print the one not meant; weekly refuses the file instead. Keep the key once: decide which value is right and delete the other line. The second is usually a line copied to be edited and left in.", "同一层中一个字段写了两次，YAML 只会悄悄保留其中一个值，周报可能印出并非本意的那个，因此 weekly 不予通过。请只保留一处：核对哪个值正确，删去另一行。这多是复制一行来修改、却忘了删去原来那一行。";
    }
    E006 Values {
        meaning: "not a date, or a date that does not exist", "日期格式有误或日期不存在";
        example: "`2023-09-31`, `10月9日`", "`2023-09-31`、`10月9日`";
        explain: "weekly writes every date the Chinese way itself and checks the dates against each other, so each must be a real day written `YYYY-MM-DD`. Write `published: 2023-10-20`, not `10月20日` or `2023.10.20`, and check the day against the calendar: September has no 31st, and February 29 comes only in a leap year.", "周报中的日期由 weekly 自动写成“2023 年 10 月 20 日”的形式，并据此核对前后日期，因此每个日期都须按“年-月-日”（YYYY-MM-DD）填写，而且确有这一天。请写作 `published: 2023-10-20`，不要写成 `10月20日` 或 `2023.10.20`；并对照日历核对：9 月没有 31 日，2 月 29 日只有闰年才有。";
    }
    E007 Content {
        meaning: "the period ends before it starts", "周期结束日早于开始日";
        example: "`start: 2023-10-14`, `end: 2023-10-07`", "`start: 2023-10-14`、`end: 2023-10-07`";
        explain: "The week printed under the title, `（10 月 7 日—10 月 13 日）`, would run backwards. The two dates are usually swapped, or one is left from last week: `start` is the first day of the week reported on and `end` the last, as in `period: { start: 2023-10-07, end: 2023-10-13 }`.", "刊名下印出的周期（如“（10 月 7 日—10 月 13 日）”）会变成倒序。这通常是两个日期填反了，或其中一个还是上周的：`start` 填本期所报一周的第一天，`end` 填最后一天，如 `period: { start: 2023-10-07, end: 2023-10-13 }`。";
    }
    E008 Content {
        meaning: "the publication date is before the period ends", "印发日期早于周期结束日";
        example: "`published: 2023-10-12` for a week ending 10-13", "周期截至 10 月 13 日，却填了 `published: 2023-10-12`";
        explain: "A bulletin reports on a week that is over, so it cannot be published before the week's last day. Check `published` and the `end` of `period`: `weekly new` moves both a week on, and for an issue that goes out on another day, `weekly new 2023-39.yaml --date 2023-10-26` sets the new issue's publication date.", "周报报道的是已经结束的一周，印发日期不能早于这一周的最后一天。请核对 `published` 和 `period` 中的 `end`：`weekly new` 会把两者都顺延一周；如某期不在常规日期印发，可在生成时指定印发日期，如 `weekly new 2023-39.yaml --date 2023-10-26`。";
    }
    E009 Content {
        meaning: "a year-to-date figure is below this week's figure", "累计数小于本周数";
        example: "`week: 540, year_to_date: 500`", "`week: 540, year_to_date: 500`";
        explain: "The year-to-date figure counts this week too, so it can never be below the week's figure; the two are usually swapped, or the year-to-date figure is last week's. Write this week's figure as `week` and the year so far, this week included, as `year_to_date`; or leave `year_to_date` out, and weekly computes it from the previous issue.", "累计数包含本周，不可能小于本周数；出现这种情况，多是两个数填反了，或累计数填的还是上周的。请在 `week` 填本周数，在 `year_to_date` 填含本周在内的全年累计数；也可以不写 `year_to_date`，由 weekly 根据上一期推算。";
    }
    E010 Content {
        meaning: "progress figures contradict each other", "工作进度的数字相互矛盾";
        example: "`done: 1700` of `total: 1650`", "`total: 1650`，却填了 `done: 1700`";
        explain: "The bulletin prints the share `done ÷ total`, which cannot pass 100%, and the work done so far includes this week's, so `done` is at least `week` and at most `total`. Check the three figures of the progress entry: `week` is what was finished this week, `done` everything finished so far, `total` the whole of the work. When `done` is left out it is the previous issue's plus `week`, and this error then means that `week` or `total` is wrong.", "周报印出的占比是 `done ÷ total`，不能超过 100%；累计完成数又包含本周，所以 `done` 应不小于 `week`、不大于 `total`。请核对这项进度的三个数：`week` 是本周完成数，`done` 是截至目前的累计完成数，`total` 是工作总数。没有写 `done` 时，它等于上一期的累计完成数加本周完成数，这时报此错误，说明 `week` 或 `total` 有误。";
    }
    E011 Values {
        meaning: "a value is blank: empty text, a figure not filled in, or an empty list where entries are needed", "内容为空：文字为空、数字未填，或应有条目的列表为空";
        example: "`week:` left blank by `weekly new`, `text: \"  \"`, `people: []`", "`weekly new` 留空的 `week:`、`text: \"  \"`、`people: []`";
        explain: "A blank would print as a gap in a sentence, so every text and figure the bulletin prints must be filled in. `weekly new` leaves this week's figures blank, with last week's in a comment beside them: type the figure after the colon (`week: 2760`, or `week: 0` for a week with none). A visit needs at least one person and a department item at least one department; for a section with nothing this week, write its whole list empty instead (`items: []`, `visits: []`).", "留空的内容印出来会在句子中留下空缺，因此周报要印的每段文字、每个数字都必须填写。`weekly new` 会把本周的数字留空，并在旁边的注释中注明上周的数：请在冒号后填上数字（如 `week: 2760`，本周没有则填 `week: 0`）。每次来访至少要有一位人员，按部门列出的条目至少要有一个部门；某个栏目本周确实没有内容的，请把它的整个列表写成空列表（如 `items: []`、`visits: []`）。";
    }
    E012 File {
        meaning: "a section holds more than one kind of content", "同一栏目中有多种内容";
        example: "`items:` and `directives:` in one section", "同一栏目中同时有 `items:` 和 `directives:`";
        explain: "A section or subsection is printed as one kind of content, numbered as one list, so it holds only one of `directives`, `counters`, `progress`, `items` and `visits`, and a section with `subsections` holds its content only in them. Give each kind a subsection of its own, each with its `title`; `visit_purpose` goes only beside `visits`.", "每个栏目或子栏目只按一种内容排印、统一编号，因此 `directives`、`counters`、`progress`、`items`、`visits` 中只能有一种；含有 `subsections` 的栏目，内容只能放在各子栏目中。请把不同种类的内容分别放进各自的子栏目，每个子栏目各写一个 `title`；`visit_purpose` 只能与 `visits` 放在一起。";
    }
    E013 Values {
        meaning: "a number is out of range", "数值超出范围";
        example: "`copies: 0`, `year: 23`", "`copies: 0`、`year: 23`";
        explain: "Some numbers have a range the bulletin needs: the year has four digits (`2023`, not `23`), the issue number, the running total and the copies are at least 1, and no figure is negative. Type the number in full; the finding says what it must be.", "有些数字有取值范围：年份须写四位（`2023`，不能写成 `23`），期号、总期号和印数至少为 1，各项数字都不能是负数。请写出完整的数字；提示会说明应满足的范围。";
    }
    E014 File {
        meaning: "the file is not UTF-8 text", "文件不是 UTF-8 编码";
        example: "a file saved as GBK", "以 GBK 编码保存的文件";
        explain: "weekly reads issue files as UTF-8 only, the encoding every editor and tool shares; read that way, a file saved as GBK (Notepad's ANSI on a Chinese Windows) or UTF-16 (Notepad's Unicode) would have its Chinese garbled, so it is refused. Open the file in Notepad, choose Save As, set Encoding to UTF-8 (with or without BOM) and save over it; in another editor, save it with the encoding UTF-8. A file in GBK or GB18030 is said to be one, with its line as that encoding reads it. A Word document, a PDF or a Word 97–2003 file given in place of an issue file is named as what it is: a printed bulletin is read back into an issue file with `weekly import`.", "weekly 只读取 UTF-8 编码的文件，这是各种编辑器和软件通用的编码；以 GBK 编码（中文 Windows 记事本中的“ANSI”）或 UTF-16 编码（记事本中的“Unicode”）保存的文件，按 UTF-8 读出来中文全是乱码，因此不予读取。请用记事本打开文件，点“另存为”，在“编码”中选择 UTF-8（带不带 BOM 均可），覆盖原文件保存；用其他编辑器时，也请以 UTF-8 编码保存。以 GBK 或 GB18030 编码保存的文件，提示会说明这一点，并给出按该编码读出的那一行。误把 Word 文档、PDF 或 Word 97–2003 文件当作周报文件时，提示会说明文件的类型：已印发的周报可用 `weekly import` 读回为周报文件。";
    }
    E015 File {
        meaning: "the file uses a YAML feature a bulletin does not need", "文件使用了周报用不到的 YAML 功能";
        example: "`!include`, `&anchor`, a second `---`", "`!include`、`&anchor`、第二个 `---`";
        explain: "Tags, anchors and aliases, merge keys (`<<`), several documents in one file and very deep nesting let a file mean something other than what it shows, and a bulletin needs none of them. Write each value out in full where it is used, remove the tag, and keep one issue per file, with no second `---`.", "标签、锚点和别名、合并键（`<<`）、一个文件中放多个文档以及过深的嵌套，都会让文件的实际含义与表面看到的不一致，而周报用不到其中任何一种。请在用到的地方把值完整写出，删去标签；每个文件只放一期，不要第二个 `---`。";
    }
    E016 File {
        meaning: "a control character in the file or a text", "文件或文字中含有控制字符";
        example: "a stray `ESC` or NUL byte, `\"\\e[31m\"`", "混入的 `ESC` 或 NUL 字节、`\"\\e[31m\"`";
        explain: "Control characters do not show in an editor but can upset a terminal, a printer or another program that reads the file, and a bulletin is plain text. They usually come with text pasted from a web page, a PDF or a terminal: go to the line and column given, delete the character (if it cannot be seen, delete the words around it and type them again), and in double quotes remove escapes such as `\\e` or `\\u0000`.", "控制字符在编辑器中看不见，却可能扰乱终端、打印机或读取文件的其他程序，而周报是纯文本，用不到它们。这类字符多随从网页、PDF 或终端复制的文字混入：请按提示的行号和列号找到并删去（看不见时，可删去前后几个字重新输入）；双引号中的 `\\e`、`\\u0000` 等转义也请删去。";
    }
    E017 File {
        meaning: "the file is too large to be a bulletin", "文件过大，不可能是一期周报";
        example: "a file over 4 MiB, `weekly check - < /dev/zero`", "超过 4 MB 的文件、`weekly check - < /dev/zero`";
        explain: "An issue file is a few kilobytes, so one over 4 MiB is refused unread: it is almost always the wrong file, such as a Word document, a PDF or a log given by mistake. Check the path; to bring in a past bulletin, use `weekly import`, which reads Word documents of up to 64 MiB.", "一期周报的文件只有几 KB，超过 4 MB 的文件不予读取：这几乎总是选错了文件，如误把 Word 文档、PDF 或日志当成了周报文件。请核对路径；要把往期周报转成周报文件，请用 `weekly import`，它可以读取 64 MB 以内的 Word 文档。";
    }
    E018 Content {
        meaning: "the running total is below the issue number", "总期号小于当年期号";
        example: "`number: 39`, `total: 30`", "`number: 39`、`total: 30`";
        explain: "The running total (总第 N 期) counts every issue since the first and the number (第 N 期) only this year's, so the running total is never the smaller; the two are usually swapped or mistyped. Check the masthead line `2023 年第 39 期（总第 459 期）` against last week's: `number` one more (1 in a new year), `total` one more.", "总期号（总第 N 期）从创刊起累计，期号（第 N 期）只计当年，总期号不可能小于期号；出现这种情况，多是两者填反或录错。请对照上一期核对报头中“2023 年第 39 期（总第 459 期）”这一行：`number` 比上一期加一（新的一年从 1 开始），`total` 也比上一期加一。";
    }
    E019 Content {
        meaning: "a directive dated before the year its week starts in, or after publication", "批示日期早于本期周期开始那一年，或晚于印发日期";
        example: "a directive of 2022 in an issue of 2023", "2023 年的周报中出现 2022 年的批示";
        explain: "A directive reported in an issue was given between January 1 of the year its week starts in and the day the issue is published; a date outside that is usually a mistyped year or month. Check `date` against the directive itself; one given after this issue is published goes in the next issue.", "周报所载批示的日期，应在本期周期开始那一年的 1 月 1 日至本期印发日期之间；超出这个范围，多是年份或月份录错了。请对照批示原件核对 `date`；本期印发之后才作出的批示，请编入下一期。";
    }
    E020 Content {
        meaning: "a counter is listed twice", "统计项重复";
        example: "two counters named `受理`", "两个统计项都叫 `受理`";
        explain: "The counters' sentence would print the same counter twice, and next week's issue would compute its year-to-date figure from the first of the two only. Keep one entry for each counter: merge the two, or, if they count different things, rename one.", "统计句中会把同一统计项印两遍，下一期推算累计数时也只取其中第一条。每个统计项只保留一条：请把两条合并；如果统计的其实是两回事，请把其中一条改名。";
    }
    E021 Values {
        meaning: "`lint.allow` names something that cannot be allowed", "`lint: { allow: [...] }` 中有写错或不能关闭的项";
        example: "`allow: [W999]`", "`allow: [W999]`";
        explain: "Only warnings can be switched off, so each entry of `lint: { allow: [...] }` is a warning code that exists, such as `W012`. Some take a name after them, for that one only: W019 and W028 a counter's (`W028 咨询`), W029 a department's, W027 a section's title. Two errors may be accepted, each for one name only: E036 for a counter whose written year-to-date figure is to stand as printed (`E036 咨询`), and E037 for a piece of work (`E037 <work>`, with the progress entry's `work`). Correct the code (the help suggests a close one) or remove the entry; any other error cannot be allowed, only mended. `weekly explain` lists every code.", "只有警告可以关闭，因此 `lint: { allow: [...] }` 中的每一项都应是确实存在的警告代码（如 `W012`）。有些代码后面可以加名称，只对该项关闭：W019、W028 加统计项名称（如 `W028 咨询`），W029 加单位名称，W027 加栏目名。有两种错误可以认可，但须写明名称：E036 认可某统计项写明的累计数保持印发时的数字（如 `E036 咨询`），E037 认可某项工作写明的累计完成数（如 `E037 <工作>`，写该项进度的 `work`）。请改正代码（帮助会提示相近的代码），或删去这一项；其他错误不能关闭，只能改正。运行 `weekly explain` 可列出全部代码。";
    }
    E022 Series {
        meaning: "the issue number does not follow the previous issue's", "期号与上一期不衔接";
        example: "`number: 41` after 第 39 期", "上一期为第 39 期，本期却是 `number: 41`";
        explain: "Each issue's number is the previous issue's plus one, and 1 in the first issue of a new year; a gap or a repeat would show on the printed masthead. Correct `number` to the one the message gives, or, if it is right, check that `previous:` names last week's file. `weekly new` moves the number on by itself.", "每期的期号都比上一期加一，新的一年第一期为 1；跳号或重号会直接印在报头上。请把 `number` 改为提示中给出的期号；如期号无误，请核对 `previous:` 指向的是不是上一周的文件。用 `weekly new` 生成下一期，期号会自动顺延。";
    }
    E023 Series {
        meaning: "the running total does not follow the previous issue's", "总期号与上一期不衔接";
        example: "`total: 462` after 总第 459 期", "上一期为总第 459 期，本期却是 `total: 462`";
        explain: "The running total goes up by one with every issue and, unlike the number, runs on across years; a gap or a repeat would show on the printed masthead. Correct `total` to the one the message gives, or, if it is right, check that `previous:` names last week's file. `weekly new` moves the running total on by itself.", "总期号每期加一，与期号不同，跨年也不从头算；跳号或重号会直接印在报头上。请把 `total` 改为提示中给出的总期号；如总期号无误，请核对 `previous:` 指向的是不是上一周的文件。用 `weekly new` 生成下一期，总期号会自动顺延。";
    }
    E024 Series {
        meaning: "the period does not start the day after the previous period ends", "周期未从上一期结束日的次日开始";
        example: "a week starting 10-16 after one ending 10-13", "上一期截至 10 月 13 日，本期却从 10 月 16 日开始";
        explain: "Week after week the bulletin reports every day once: a gap leaves days unreported and an overlap reports them twice, and the year-to-date figures with them. Set `start` in `period` to the day the message gives, the day after the previous issue's `end`, and `end` six days after it; if the dates are right, check that `previous:` names last week's file.", "周报一周接一周，每一天都应报到且只报一次：中间空了几天，这几天就漏报了；前后重叠，这几天就报了两次，累计数也随之出错。请把 `period` 中的 `start` 改为提示中给出的日期（上一期 `end` 的次日），`end` 为其后第六天；如日期无误，请核对 `previous:` 指向的是不是上一周的文件。";
    }
    E025 Series {
        meaning: "the previous issue cannot be read or is invalid", "上一期无法读取或有错误";
        example: "`previous: 2023-39.yaml` and no such file", "写了 `previous: 2023-39.yaml`，但没有这个文件";
        explain: "This issue leaves year-to-date figures or work done so far to be computed from the previous issue, so without that issue it cannot be printed. The path in `previous:` is relative to this file's folder: correct the name, or put last week's file back beside this one; if the previous issue has errors, mend it first (`weekly check` on it shows where). Where the previous issue cannot be had, write the figures into this issue (`year_to_date`, `done`): it then builds without it, with the warning W009.", "本期有累计数或累计完成数要根据上一期推算，读不到上一期，本期就无法生成。`previous:` 中的路径从本文件所在的文件夹算起：请核对文件名，或把上一周的文件放回本文件旁边；如上一期本身有错误，请先对它运行 `weekly check` 并改正。确实找不到上一期时，请在本期写明各项数字（`year_to_date`、`done`），这样不靠上一期也能生成，只给出 W009 警告。";
    }
    E026 Series {
        meaning: "a running figure is left out and cannot be computed", "累计数未填写，且无法推算";
        example: "no `previous`, or a counter the previous issue lacks", "没有写 `previous`，或上一期没有这个统计项";
        explain: "A counter's `year_to_date` or a progress entry's `done` left out is computed from the previous issue's, found by the same `name` or `work`; with no `previous:`, or nothing of that name in the previous issue (a counter added or renamed this week), there is nothing to compute from. Write the figure into this issue, add `previous:` with last week's file, or make the name the same as last week's. The first issue of a year needs nothing from before: its year-to-date figures are its week's.", "没有写的 `year_to_date`（累计数）或 `done`（累计完成数），要根据上一期同一 `name` 或同一 `work` 的数推算；本期没有写 `previous:`，或上一期没有同名的项（如本周新增或改了名称），就无从推算。请在本期直接写明这个数，或加上 `previous:` 指向上一周的文件，或把名称改得与上一期完全一致。每年第 1 期不需要上一期，其累计数就是本周数。";
    }
    E027 Folder {
        meaning: "two issues in a folder have the same number in the same year", "同一文件夹中有两期的年份和期号都相同";
        example: "two files of 2023 年第 39 期", "两个文件都是 2023 年第 39 期";
        explain: "In a series each number is used once a year, so two issues with the same one are a copy left in the folder or a number not moved on. Delete or move the extra copy (such as `2023-39 - 副本.yaml`), or correct `number` in the file the finding points at. It is checked when a folder is given to `weekly check` or `weekly stats`.", "同一系列中，每年的每个期号只能用一次；两期期号相同，多是文件夹里留了副本，或期号没有顺延。请删去或移走多余的副本（如 `2023-39 - 副本.yaml`），或改正提示所指文件中的 `number`。对文件夹运行 `weekly check` 或 `weekly stats` 时会做此项检查。";
    }
    E028 Folder {
        meaning: "two issues in a folder have the same running total", "同一文件夹中有两期的总期号相同";
        example: "two files of 总第 459 期", "两个文件都是总第 459 期";
        explain: "Every issue has a running total of its own, so two with the same one are a copy left in the folder or a running total not moved on. Delete or move the extra copy, or correct `total` in the file the finding points at, and run `weekly check` on the folder again.", "每一期的总期号各不相同；两期总期号相同，多是文件夹里留了副本，或总期号没有顺延。请删去或移走多余的副本，或改正提示所指文件中的 `total`，再对文件夹运行 `weekly check` 复查。";
    }
    E029 Series {
        meaning: "`previous` names the wrong week's issue", "`previous` 指向了别的一周的周报";
        example: "第 41 期 with `previous: 2023-39.yaml`: number, running total and week all one week off", "第 41 期写了 `previous: 2023-39.yaml`：期号、总期号和周期都差了一周";
        explain: "When the number, the running total and the week are all off by the same number of weeks, the issue is right and its link is wrong: it names an earlier or a later issue than last week's, as happens when a file is copied by hand rather than begun with `weekly new`. Point `previous:` at last week's file; the help names it when it is in the same folder. Until then no figure is compared with or computed from the wrong issue.", "期号、总期号和周期都差了相同的周数，说明本期本身没错，是 `previous:` 指错了：它指向的不是上一周的周报，而是更早或更晚的一期；手工复制文件、没有用 `weekly new` 生成时，常会这样。请让 `previous:` 指向上一周的文件；该文件在同一文件夹中时，帮助会给出它的文件名。在改正之前，weekly 不会拿指错的那一期核对或推算任何数字。";
    }
    E030 Import {
        meaning: "an imported file is not a whole bulletin: its masthead, sections or closing block are missing", "导入的文件不是完整的周报：缺少报头、栏目或版记";
        example: "`weekly import` of a file cut off before `送：`, or of a letter with no `2023 年第 39 期（总第 459 期）` line", "导入的文件在“送：”之前就断了，或导入的是一封没有“2023 年第 39 期（总第 459 期）”一行的信函";
        explain: "`weekly import` reads a bulletin by its printed frame: the masthead (the line `2023 年第 39 期（总第 459 期）`, the title, the week, the publisher and the date), section headings `一、…`, and the closing block `送：…`, `发：…`, `（共印91份）`; without one of them it cannot tell what the file holds. Check that the file is a bulletin and is whole: text taken out of a PDF must cover every page. If a line of the original is worded otherwise, edit it in the text to the printed form and import again.", "`weekly import` 依据周报固定的版式来读取：报头（“2023 年第 39 期（总第 459 期）”一行、刊名、周期、编发单位和印发日期）、“一、……”这样的栏目标题，以及版记中的“送：……”“发：……”“（共印91份）”；缺少其中任何一项，就无法判断文件的内容。请确认这确是一期周报，而且内容完整，从 PDF 提取的文字须包含每一页。如原稿某一行的写法与此不同，请在文本中把它改成上述格式，再重新导入。";
    }
    E031 Import {
        meaning: "a Word document that cannot be read: not a .docx, damaged, or too large unpacked", "Word 文档无法读取：不是 .docx、已损坏，或解压后过大";
        example: "a `.docx` cut short by a failed copy; a zip that unpacks to gigabytes", "复制中断而不完整的 `.docx`；解压后多达几 GB 的压缩包";
        explain: "A .docx file is a zip package of XML parts; one that is cut short, damaged or not a zip at all cannot be read, and one that unpacks to more than 64 MB or 10,000 files, or whose document holds more than 200,000 XML elements or 60,000 paragraphs, is not read, as a guard against zip bombs (a bulletin has a few hundred paragraphs). Open it in Word or WPS: if it opens, Save As .docx and import the new copy; if not, import another copy of the issue, or the text taken out of its PDF with `pdftotext`.", ".docx 文件实际上是一个装有若干 XML 部件的压缩包：文件不完整、已损坏或根本不是压缩包的，无法读取；解压后超过 64 MB 或 10000 个文件的，或正文含有超过 200000 个 XML 元素或 60000 个段落的（一期周报只有几百个段落），为防范“压缩炸弹”也不予读取。请先用 Word 或 WPS 打开：能打开的，“另存为” .docx 后导入新存的文件；打不开的，请改为导入这一期的其他副本，或导入用 `pdftotext` 从该期 PDF 中提取的文字。";
    }
    E032 Import {
        meaning: "an imported file is a PDF, an OFD, a Word 97–2003 or WPS document, or encrypted: convert it first", "导入的文件是 PDF、OFD、Word 97–2003 或 WPS 文档，或已加密：请先转换";
        example: "`weekly import 2023-39.pdf`; a `.doc` from Word 2003, whatever its name; a `.docx` with a password", "`weekly import 2023-39.pdf`；Word 2003 保存的 `.doc`（无论文件名如何）；设置了密码的 `.docx`";
        explain: "`weekly import` reads Word documents saved as .docx, Markdown and text, and tells the other formats by their content, whatever the file is called. Convert first: a PDF with `pdftotext FILE.pdf FILE.txt` (poppler-utils), then import the .txt; a .doc or .wps with Save As .docx in Word or WPS, or a whole folder with `soffice --headless --convert-to docx *.doc`; an encrypted document by opening it with its password and saving a copy without one; an OFD by exporting it to PDF in an OFD reader.", "`weekly import` 只读取 .docx 格式的 Word 文档、Markdown 和文本文件，其他格式按文件内容识别，与文件名无关。请先转换：PDF 用 `pdftotext 文件.pdf 文件.txt`（poppler-utils 软件包）提取文字，再导入 .txt 文件；.doc 或 .wps 文件用 Word 或 WPS“另存为” .docx，整个文件夹可用 `soffice --headless --convert-to docx *.doc` 一次转换；加密的文档请输入密码打开，取消密码后另存一份；OFD 文件请用 OFD 阅读器导出为 PDF，再按 PDF 处理。";
    }
    E033 Folder {
        meaning: "the running totals of a folder's issues do not go up with their numbers", "同一文件夹中各期的总期号没有随期号递增";
        example: "2023 年第 40 期 as 总第 457 期 beside 第 39 期 as 总第 459 期", "2023 年第 40 期为总第 457 期，而第 39 期为总第 459 期";
        explain: "The running total goes up by one with every issue, as the number does within a year, so in a folder taken in the order of the numbers each issue's running total is the one before's plus the step between their numbers, and a new year's issues come after the last year's. One that does not is a `total` mistyped, or left as it was when the file was copied. Correct `total` in the file the finding points at, or in the issue before it if that is the wrong one, and run `weekly check` on the folder again.", "总期号每期加一，与同一年内的期号一样递增；按期号排列同一文件夹中的各期，每期的总期号应等于前一期的总期号加上两期期号之差，新一年各期的总期号也应排在上一年之后。不符的，多是 `total` 录错，或复制文件后没有改。请改正提示所指文件中的 `total`（如错的是前一期，则改前一期），再对文件夹运行 `weekly check` 复查。";
    }
    E034 Values {
        meaning: "text is cut at a ` #`, which YAML reads as the start of a comment", "文字在“ #”处被截断：YAML 把“#”及其后的内容当作注释";
        example: "`- 本周开展 #政务服务我来评# 话题活动。` prints `本周开展`", "`- 本周开展 #政务服务我来评# 话题活动。` 只印出“本周开展”";
        explain: "In YAML a `#` after a space begins a comment, and the rest of its line is not part of the value: a Weibo topic (`#话题#`) or a `#` typed after a space cuts the text there, and only the words before it would be printed. weekly reports it in any text where a word follows the `#` at once, and after the text of an item, a directive or a department's entry whatever follows, since a paragraph has no room for a note. Put the whole text in quotes, `- '本周开展 #政务服务我来评# 话题活动。'`, so that the `#` is part of it; a note of your own goes on a line of its own, above the text.", "在 YAML 中，空格后的“#”表示注释开始，这一行其后的内容都不属于字段的值：微博话题（`#话题#`）或空格后输入的“#”会把文字截断，只印出“#”前面的部分。凡“#”后紧跟文字的，在任何文字中都报此错误；条目、批示和按部门列出的条目的文字后面，无论“#”后是什么都报此错误，因为成段的文字后不应有备注。请给整段文字加上引号，如 `- '本周开展 #政务服务我来评# 话题活动。'`，使“#”成为文字的一部分；如是您自己的备注，请单独写在文字的上一行。";
    }
    E035 Values {
        meaning: "a stand-in of the draft left in the text", "文字中留有草稿的占位内容";
        example: "`leader: 某某副省长` or `- 本周，……。` uncommented and not filled in", "取消注释后没有改写的 `leader: 某某副省长` 或 `- 本周，……。`";
        explain: "`weekly new` shows the shape of each section's content in comments, with stand-ins where the week's facts go: `某某`, `某厅`, `某部门`, `某项`, `《文件名称》`, `批示内容。` and an ellipsis `……。`. Uncommented and not written over, they would be printed as they are. Write this week's facts in their place; for a section with nothing this week, write its list empty (`items: []`).", "`weekly new` 会在注释中给出各栏目内容的填写格式，并用占位文字代替本周的实际内容：`某某`、`某厅`、`某部门`、`某项`、`《文件名称》`、`批示内容。` 和省略号 `……。`。取消注释后如不改写，这些文字会原样印出。请在原处写上本周的实际内容；某个栏目本周确实没有内容的，请写成空列表（如 `items: []`）。";
    }
    E036 Series {
        meaning: "a written year-to-date figure is not the previous one plus this week's", "写明的累计数不等于上一期累计数加本周数";
        example: "`year_to_date: 15780` where 15288 + 512 = 15800", "`year_to_date: 15780`，而 15288 + 512 = 15800";
        explain: "The year-to-date figure is last week's plus this week's, so a written one that differs means one of the three figures is wrong, or a figure of this issue or a past one was changed after this one was printed; the bulletin would print a year-to-date figure that is not last week's plus this week's. Correct whichever figure is wrong, or leave `year_to_date` out and weekly computes it. When a past week was corrected and this issue's printed figure is to stay, `lint: { allow: [E036 咨询] }` in its file accepts the figure for that counter only (the older spelling `W005 咨询` is read the same way).", "累计数等于上一期的累计数加本周数；写明的累计数与此不符，说明三个数中有一个有误，或者这个累计数印发之后，本期或往期的数字又做过更正；照此印出，累计数就与上期累计数加本周数对不上。请改正有误的数字，也可以删去 `year_to_date`，由 weekly 自动推算。如确系更正了往期数字、本期已印发的累计数保持不变，可在本期文件中加上 `lint: { allow: [E036 咨询] }`，只对该统计项认可这个数字（旧写法 `W005 咨询` 同样有效）。";
    }
    E037 Series {
        meaning: "written work done so far is not the previous issue's plus this week's", "写明的累计完成数不等于上一期累计完成数加本周完成数";
        example: "`week: 25`, `done: 1171` after 1151", "上一期累计完成 1151，本期却写了 `week: 25`、`done: 1171`（应为 1176）";
        explain: "Work done so far is last week's plus this week's `week`, so a written `done` that differs means one of the three figures is wrong, or the `week` of this issue or a past one was changed after this figure was printed (printed with `week: 20`, later changed to 25): the bulletin would print `完成 25 个…共完成 1171 个` after 1151. Correct whichever figure is wrong, or leave `done` out and weekly computes it. When a count was revised on purpose and this issue's printed figure is to stay, `lint: { allow: [E037 <work>] }` in its file, with the entry's `work` for `<work>`, accepts the figure for that entry only (the older spelling `W006 <work>` is read the same way).", "累计完成数等于上一期的累计完成数加本周完成数 `week`；写明的 `done` 与此不符，说明三个数中有一个有误，或者这个数字印发之后，本期或往期的 `week` 又改过（如本期印发时 `week` 为 20，后来改成 25）：照此印出，就是“完成 25 个……共完成 1171 个”，而上一期印的是共完成 1151 个，前后对不上。请改正有误的数字，也可以删去 `done`，由 weekly 自动推算。如数字确系有意调整、本期已印发的累计完成数保持不变，可在本期文件中加上 `lint: { allow: [E037 <工作>] }`（把 `<工作>` 换成该项进度的 `work`），只对这项工作认可这个数字（旧写法 `W006 <工作>` 同样有效）。";
    }
    E038 Content {
        meaning: "a section's content is still blank, as the draft left it", "栏目内容仍是草稿留下的空白";
        example: "`items:` left blank by `weekly new` under its commented examples", "`weekly new` 在注释示例下留空的 `items:`";
        explain: "`weekly new` leaves each section's content key blank (`items:`, `visits:`) under comments that show its shape, to be filled in. Built as it is, the bulletin would leave the section out and number the sections after it one less, so a blank key is an error, as the draft's other stand-ins are. Write this week's content under the key; for a week with nothing to report write an empty list (`items: []`): the section is then left out on purpose, and next week's draft still has it.", "`weekly new` 会把每个栏目的内容字段（如 `items:`、`visits:`）留空，并在注释中给出填写格式，等待填写。照此生成，周报会漏掉这个栏目，其后各栏目的编号也会依次提前，因此与草稿中的其他占位内容一样，留空的字段按错误处理。请在该字段下填写本周内容；本周确实没有的，请写成空列表（如 `items: []`）：这样该栏目有意不印出，下一期的草稿中仍保留。";
    }
    W001 Content {
        meaning: "the period is not seven days", "周期不是七天";
        example: "`start: 2023-10-07`, `end: 2023-10-12`", "`start: 2023-10-07`、`end: 2023-10-12`";
        explain: "A weekly issue covers seven days, Saturday to Friday in the example; a shorter or longer period is usually a mistyped `start` or `end`, and the week printed under the title would be wrong with it. Check both dates. When an issue covers another span on purpose, over a holiday say, `lint: { allow: [W001] }` in its file switches the warning off, or `--allow W001` for one run.", "周报每期覆盖七天，如示例中的周六至下周五；周期长了或短了，多是 `start` 或 `end` 录错，刊名下印出的周期也会跟着出错。请核对这两个日期。如因节假日等原因本期确实不是七天，可在本期文件中加上 `lint: { allow: [W001] }` 关闭此警告，或在运行时加 `--allow W001`。";
    }
    W002 Content {
        meaning: "published more than two weeks after the period ends", "印发日期比周期结束日晚两周以上";
        example: "a week ending 10-13 published 11-01", "周期截至 10 月 13 日，11 月 1 日才印发";
        explain: "A bulletin usually goes out within a week of the week it reports, so a publication date more than 14 days after the period's `end` is most likely a mistyped month or day, or a period left from an older issue. Check `published` and the period. If the issue really went out late, `lint: { allow: [W002] }` in its file switches the warning off.", "周报一般在所报一周结束后的一周内印发，印发日期比周期结束日晚两周以上，多是月份或日期录错，或周期还是更早一期的。请核对 `published` 和周期。如本期确实推迟印发，可在本期文件中加上 `lint: { allow: [W002] }` 关闭此警告。";
    }
    W003 Typography {
        meaning: "a paragraph does not end with terminal punctuation", "段末缺少句末标点";
        example: "an item ending in `，` or with no mark", "条目以 `，` 结尾，或末尾没有标点";
        explain: "Each item and directive is printed as a paragraph of its own, and official prose ends a paragraph with `。`, `？` or `！`: one that stops on `，` or on nothing looks cut off on the page. Add the full stop `。` at the end of the text in the file, or put it in place of a half-width `.`; weekly adds no punctuation to items and directives. For a paragraph that ends otherwise on purpose, `lint: { allow: [W003] }` in the issue's file switches the warning off.", "每个条目、每条批示都单独成段印出，公文的段末应有句号、问号或叹号；以“，”结尾或没有标点的段落，印出来像是没写完。请在文件中该段文字末尾加上句号“。”，末尾是半角“.”的改为“。”；weekly 不会替条目和批示补标点。如某段确需以其他方式结尾，可在本期文件中加上 `lint: { allow: [W003] }`。";
    }
    W004 Content {
        meaning: "a department appears twice among the visits", "来访单位重复";
        example: "`水利厅` in two visits", "两条来访都写了 `水利厅`";
        explain: "The visits are printed as one sentence that names each department before its people, and a department named twice in it reads as a slip. Merge the two visits into one: one `dept`, with every person under its `people`. If the department did come twice and the two are to be told apart, `lint: { allow: [W004] }` in the issue's file switches the warning off.", "来访情况印成一句话，每个单位后面列出其来访人员，同一单位在句中出现两次，读来像是笔误。请把两条合并为一条：只写一个 `dept`，把所有人员都列在它的 `people` 下。如该单位确实来访两次、需要分开写，可在本期文件中加上 `lint: { allow: [W004] }`。";
    }
    W007 Content {
        meaning: "a section or subsection has no content yet", "栏目或子栏目尚无内容";
        example: "a section with a `title` and no content key under it", "栏目只有 `title`，下面没有内容字段";
        explain: "A section (or subsection) with a title and no content key under it (no `items`, `visits`, …) has nothing to print, and is left out of the bulletin, number and all. Add its content in the form the other issues show, or delete a section that is gone for good. A section with nothing to report this week is written as an empty list (`visits: []`): it is then left out without a warning, and next week's draft still has it. A content key that `weekly new` left blank is an error, E038.", "只有标题、下面没有任何内容字段（`items`、`visits` 等）的栏目或子栏目，没有可印的内容，不会印出，也不占编号。请按其他各期的格式补上内容；不再需要的栏目，请从文件中删去。本周确实没有内容的栏目，请写成空列表（如 `visits: []`）：这样不印出、不再提示，下一期的草稿中仍保留。`weekly new` 留空的内容字段按错误处理，见 E038。";
    }
    W008 Folder {
        meaning: "issue numbers are missing between the issues of a folder", "同一文件夹中各期之间有缺号";
        example: "第 39 期 and 第 42 期 in one folder", "同一文件夹中有第 39 期和第 42 期";
        explain: "A folder checked as a series should hold every issue of a year between its first and its last; a gap means a file is missing or kept in another folder, or a number is mistyped, and `weekly stats` has no figures for those weeks. Add the missing issues (`weekly import` reads past bulletins back), or correct the number. For an archive that lacks them for good, run with `--allow W008`.", "作为一个系列检查的文件夹，应包含每年从最早一期到最晚一期之间的各期；中间缺号，说明有文件缺失或放错了位置，或期号录错，`weekly stats` 也会缺少这几周的数字。请补上缺少的各期（往期周报可用 `weekly import` 转成周报文件），或改正期号。如档案中确实没有这几期，可在运行时加 `--allow W008`。";
    }
    W009 Series {
        meaning: "the previous issue cannot be read, so continuity with it is not checked", "无法读取上一期，未检查与上一期的衔接";
        example: "an archive that starts at 第 41 期, whose `previous` is elsewhere", "档案从第 41 期开始，该期 `previous` 指向的文件不在这里";
        explain: "Every figure of this issue is written, so it still builds, but its number, running total, week and year-to-date figures are not checked against the week before. Correct the path in `previous:` (relative to this file's folder), or put last week's file beside this one. In an archive trimmed on purpose, the first issue's link leads nowhere as expected: `lint: { allow: [W009] }` in that file switches the warning off.", "本期的数字都已写明，仍可生成，但期号、总期号、周期和累计数都没能与上一期核对。请改正 `previous:` 中的路径（从本文件所在的文件夹算起），或把上一周的文件放到本文件旁边。如档案有意只保留近几期，最早一期的 `previous` 找不到文件属于正常情况，可在该期文件中加上 `lint: { allow: [W009] }` 关闭此警告。";
    }
    W010 Typography {
        meaning: "half-width punctuation in Chinese text", "中文里用了半角标点";
        example: "`通知,明确` → `通知，明确`", "`通知,明确` → `通知，明确`";
        explain: "GB/T 15834 sets the punctuation of Chinese text full-width; a half-width `,` `;` `:` `?` `!` `(` `)` or `.` among Chinese characters prints cramped and out of place. Type it with the input method in Chinese punctuation mode (`，；：？！（）` and `。`); brackets are full-width around Latin text too (`生产总值（GDP）`), while figures and Latin text keep their own (`9:30`, `GB/T 9704-2012`). For a text quoted as written, `lint: { allow: [W010] }` in the issue's file switches the warning off.", "按 GB/T 15834，中文里的标点用全角；半角的 `,` `;` `:` `?` `!` `(` `)` `.` 夹在汉字中间，印出来显得局促、不协调。请在输入法的中文标点状态下输入“，；：？！（）”和“。”；括号里即使是外文，也用全角括号（如“生产总值（GDP）”），而数字和外文内部的标点保持半角（如 `9:30`、`GB/T 9704-2012`）。如需照录原文，可在本期文件中加上 `lint: { allow: [W010] }`。";
    }
    W011 Typography {
        meaning: "unbalanced or misnested quotation marks or brackets", "引号、书名号或括号不成对或嵌套错误";
        example: "`《“通知》”`, a `“` never closed", "`《“通知》”`、`“` 没有对应的 `”`";
        explain: "Quotation marks, title marks and brackets come in pairs, and an inner pair closes before the outer one; an unmatched or crossed mark leaves the reader unsure where a title or a quotation ends. Add the missing mark or remove the stray one, and close the inner pair first: `“《通知》”`, not `《“通知》”`, with `‘’` for a quotation inside `“”`. If a text is quoted with its marks as they stand, `lint: { allow: [W011] }` in the issue's file switches the warning off.", "引号、书名号和括号都应成对使用，里层先闭合、外层后闭合；不成对或交叉嵌套，读者就分不清书名或引文到哪里为止。请补上缺少的符号或删去多余的符号，并先闭合里层，如写作 `“《通知》”`，不要写成 `《“通知》”`；引号里再用引号时，里层改用单引号 `‘’`。如需照录原文的标点，可在本期文件中加上 `lint: { allow: [W011] }`。";
    }
    W012 Typography {
        meaning: "doubled punctuation", "标点重复";
        example: "`。。`, `，，`", "`。。`、`，，`";
        explain: "A mark typed twice, usually a key pressed twice or two texts pasted together, is a plain slip on the page of a formal bulletin. Keep one of them. If a document quoted as written doubles its punctuation, `lint: { allow: [W012] }` in the issue's file switches the warning off.", "同一个标点连打两次，多是按键重复或两段文字拼接造成的，印在正式的周报上十分显眼。请只保留一个。如所引文件原文如此，可在本期文件中加上 `lint: { allow: [W012] }`。";
    }
    W013 Typography {
        meaning: "an ellipsis typed as `...` or `。。。`", "省略号写成了 `...` 或 `。。。`";
        example: "`优化营商环境...` → `优化营商环境……`", "`优化营商环境...` → `优化营商环境……`";
        explain: "The Chinese ellipsis is `……`, two U+2026 characters filling two character widths; `...` is three low, narrow dots and `。。。` three full stops. Type it with Shift+6 in a Chinese input method, or replace the marks with `……`, and add no 等 or 等等 after it, which would say the same twice. For a text quoted as written, `lint: { allow: [W013] }` in the issue's file switches the warning off.", "中文的省略号是“……”，由两个 U+2026 组成，占两个字的位置；`...` 是三个又低又窄的点，`。。。` 则是三个句号。在中文输入法下按 Shift+6 即可输入“……”，也可直接把原来的符号替换为“……”；省略号后不再加“等”“等等”，以免重复。如需照录原文，可在本期文件中加上 `lint: { allow: [W013] }`。";
    }
    W014 Typography {
        meaning: "a range written with `-`, `－`, `~`, `–` or `——`, or `－` as a connecting mark", "范围误用 `-`、`－`、`~`、`–` 或 `——` 连接，或误用 `－` 作连接号";
        example: "`7日~9日` → `7日—9日`, `30-40岁` → `30～40岁`, `中国－东盟` → `中国-东盟`", "`7日~9日` → `7日—9日`、`30-40岁` → `30～40岁`、`中国－东盟` → `中国-东盟`";
        explain: "GB/T 15834 has three connecting marks: the dash `—` (U+2014) from one date, year or time to another (`2011—2020年`, `7—9日`), the wave `～` (U+FF5E) for a range of values (`30～40岁`, `5%～8%`), and the hyphen `-` inside a name or a number (`中国-东盟`, `GB/T 9704-2012`). Replace the mark the finding points at with the one its help names, or write 至; a dash in a sentence is `——`, not `－－`. For a text quoted as written, `lint: { allow: [W014] }` in the issue's file switches the warning off.", "GB/T 15834 规定了三种连接号：日期、年份、时间的起止用一字线 `—`（U+2014，如“2011—2020年”“7—9日”），数值范围用浪纹线 `～`（U+FF5E，如“30～40岁”“5%～8%”），复合名词和编号内部用短横线 `-`（如“中国-东盟”“GB/T 9704-2012”）。请把提示所指的符号换成帮助中给出的那一种，也可改用“至”；句中的破折号是“——”，不是“－－”。如需照录原文，可在本期文件中加上 `lint: { allow: [W014] }`。";
    }
    W015 Typography {
        meaning: "a zero-padded month or day", "月、日前面多了 0";
        example: "`10月07日` → `10月7日`", "`10月07日` → `10月7日`";
        explain: "GB/T 15835 writes months and days in Chinese text without a leading zero, as the bulletin writes its own dates (`10 月 7 日`). Delete the `0`: `10月7日`. Dates written as values (`2023-10-07`) keep their zeros; this is about text only. For a text quoted as written, `lint: { allow: [W015] }` in the issue's file switches the warning off.", "按 GB/T 15835，中文行文中的月、日前面不加 0，周报自动生成的日期（如“10 月 7 日”）也是这样。请删去多余的 0，写作“10月7日”。字段中的日期（如 `2023-10-07`）照常补 0，此警告只针对文字。如需照录原文，可在本期文件中加上 `lint: { allow: [W015] }`。";
    }
    W016 Typography {
        meaning: "full-width digits or percent sign", "使用了全角数字或全角百分号";
        example: "`２８８１` → `2881`, `61.76％` → `61.76%`", "`２８８１` → `2881`、`61.76％` → `61.76%`";
        explain: "Figures in Chinese text are half-width digits (GB/T 15835), and the bulletin prints its own figures and shares that way (`61.76%`), so a full-width `２８８１` or `％` would not match them on the page. Switch the input method to half-width (in most, Shift+Space) and type the figure again, or replace it. For a text quoted as written, `lint: { allow: [W016] }` in the issue's file switches the warning off.", "按 GB/T 15835，行文中的数字用半角阿拉伯数字，周报自动生成的数字和占比（如“61.76%”）也是半角，全角的“２８８１”或“％”印出来会与之不一致。请把输入法切换到半角状态（多数输入法按 Shift+空格切换）后重新输入，或直接替换。如需照录原文，可在本期文件中加上 `lint: { allow: [W016] }`。";
    }
    W017 Typography {
        meaning: "numbering typed into a title or paragraph", "标题或段落开头手工输入了编号";
        example: "`一、领导批示`, `1、本周`, `106.本周`, `4.2.3　概况`", "`一、领导批示`、`1、本周`、`106.本周`、`4.2.3　概况`";
        explain: "weekly numbers sections (一、), subsections (（一）) and items (1.) itself, so a number typed at the start of a title or a paragraph is printed as well and doubles it: `一、一、领导批示`. Delete the typed number with the mark or space after it. When a text does begin with a number, such as a clause quoted from a standard, `lint: { allow: [W017] }` in the issue's file switches the warning off.", "栏目编号“一、”、子栏目编号“（一）”和条目编号“1.”都由 weekly 自动生成，标题或段落开头手工输入的编号会一并印出，造成重复，如“一、一、领导批示”。请删去手工输入的编号及其后的标点或空格。如某段文字本来就以编号开头（如引用标准的条文），可在本期文件中加上 `lint: { allow: [W017] }`。";
    }
    W018 Typography {
        meaning: "a stray space: between Chinese characters, beside full-width punctuation, or an unusual space character", "多余的空格：汉字之间、全角标点前后有空格，或混入了特殊空格字符";
        example: "`水利 厅`, `关切， 持续`, an en space (U+2002) from a word processor", "`水利 厅`、`关切， 持续`、从文字处理软件带来的特殊空格（U+2002）";
        explain: "Chinese text has no spaces between characters, and a full-width mark carries its own spacing, so a space there prints as a visible gap; unusual spaces copied from a word processor or a web page look like ordinary ones but are not. Delete the space, and type an ordinary one where a space belongs. The usual correct spaces raise no warning (`第四条　根据……` at the start of a line, `《中共中央 国务院关于……》`); for another kept on purpose, `lint: { allow: [W018] }` in the issue's file switches the warning off.", "中文的汉字之间不留空格，全角标点本身已占一个字的位置，这些地方多出的空格印出来就是明显的空隙；从文字处理软件或网页复制来的特殊空格，看上去与普通空格无异，实则不同。请删去这些空格，确需空格处改用普通空格。常见的规范用法不会报警告（如行首的“第四条　根据……”、联合发文的“《中共中央 国务院关于……》”）；其他有意保留的空格，可在本期文件中加上 `lint: { allow: [W018] }`。";
    }
    W019 Folder {
        meaning: "a year's weekly figures do not add up to its last year-to-date figure", "全年各周数字之和与最后一期的累计数不符";
        example: "`weekly stats` over 第 1–39 期 whose 咨询 figures sum to 59019 where 第 39 期 prints 59029", "`weekly stats` 统计第 1—39 期，“咨询”各周合计 59019，而第 39 期印的累计数是 59029";
        explain: "Where the archive holds a year from 第 1 期, `weekly stats` adds up its weekly figures, and the sum must equal the year-to-date figure the last issue prints; a difference means a week's figure was changed after its year-to-date figure was printed, or a figure is mistyped. Link the issues with `previous:` and run `weekly check` on them: the week in question shows E036, and that file is the one to correct. Once a difference is accepted, `lint: { allow: [W019 咨询] }` in the issue the warning points at switches it off for that counter.", "档案中存有某年自第 1 期起的各期时，`weekly stats` 会把各周的本周数相加，合计应等于最后一期印出的累计数；不相等，说明某周的本周数在累计数印出后改过，或有数字录错。请用 `previous:` 把各期链接起来，再运行 `weekly check`：出错的那一周会给出 E036，改正该期文件即可。如差异已确认无误，可在提示所指的那一期文件中加上 `lint: { allow: [W019 咨询] }`，只对该统计项关闭此警告。";
    }
    W020 Import {
        meaning: "imported text that is not where a bulletin has it, or reads like a sentence weekly builds but does not match it: kept as a text item", "导入的文字不在周报应有的位置，或看似 weekly 生成的句子却对不上：已作为文字条目保留";
        example: "`内部资料` under the masthead; `杨兴平副省长在《……》上批示：…` with no date before it", "报头下方的 `内部资料`；前面没有日期的 `杨兴平副省长在《……》上批示：…`";
        explain: "Import drops nothing: a masthead line weekly does not print, or a line after the closing block, becomes a text item of a last section, `导入时未识别的内容`, and a paragraph that reads like a directive, the counters' sentence or a progress sentence but does not match it stays a text item where it stood. In the issue file, move such a line where it belongs or delete it, and rewrite a near-miss sentence as the data it states (a directive's `date`, `leader`, `source` and `text`) so that weekly builds it. The warning comes from the import only; `weekly import --allow W020` leaves it out.", "导入时不会丢弃任何内容：weekly 不印的报头行或版记之后的文字，会作为文字条目放进最后一个栏目“导入时未识别的内容”；看似领导批示、办件统计或工作进度、却与 weekly 生成的句子对不上的段落，会在原处保留为文字条目。请在生成的周报文件中把这些文字移到合适的位置或删去；对不上的句子，可按其内容改填为相应的数据（如批示的 `date`、`leader`、`source`、`text`），由 weekly 重新生成。此警告只在导入时给出，不需要时可运行 `weekly import --allow W020`。";
    }
    W021 Import {
        meaning: "an imported page break with the same character on both sides: perhaps repeated, kept as found", "导入时分页处前后是同一个字：可能重复，已原样保留";
        example: "a PDF's page ending `…推动经` and the next beginning `经济发展`", "PDF 某页以 `…推动经` 结尾，下一页以 `经济发展` 开头";
        explain: "A character on both sides of a page break may be doubled by mistake, or be a word that repeats it (天天), which weekly cannot tell apart, so it keeps both and joins the paragraph. Compare the paragraph with the printed issue and, if a character is doubled, delete one in the imported issue file. Once checked, `weekly import --allow W021` leaves the warning out.", "分页处前后出现同一个字，可能是重复了，也可能本来就是叠字（如“天天”），weekly 无法判断，因此原样保留，并把前后接成一段。请对照印发的周报核对这一段；如确实多了一个字，请在生成的周报文件中删去。核对无误后，可运行 `weekly import --allow W021` 不再显示此警告。";
    }
    W022 Import {
        meaning: "an imported share that no whole total, or more than one, gives back", "导入的占比推算不出唯一的总数：没有或有多个整数总数与之相符";
        example: "`共完成 1 项，占比 0.10%`: every total from 953 to 1052 prints it", "`共完成 1 项，占比 0.10%`：总数为 953 至 1052 之间的任何数，印出的都是这个占比";
        explain: "A progress sentence prints the work done and its share but not the total, so the import works the total back from `done ÷ share`: when several totals give the printed share it takes the nearest, and when none does (a share typed by hand) it takes one that prints another share. Write the real `total` from the records of the work into that progress entry of the imported issue file, so the share prints as before. Once corrected, `weekly import --allow W022` leaves the warning out.", "工作进度的句子只印出完成数和占比，不印总数，导入时只能按“完成数 ÷ 占比”反推总数：有多个总数都能算出所印的占比时，取最接近的一个；没有任何整数总数相符时（如占比是手工填写的），只能暂填一个，重新生成后印出的占比会与原周报不同。请根据这项工作的台账，在生成的周报文件中把该项进度的 `total` 改为实际总数，使占比与原周报一致。改正后，可运行 `weekly import --allow W022` 不再显示此警告。";
    }
    W023 Import {
        meaning: "imported from plain text, which has no bold: department items become text items", "从纯文本导入，没有粗体：按部门列出的条目成了文字条目";
        example: "`weekly import 2023-39.txt`", "`weekly import 2023-39.txt`";
        explain: "The departments of an item are told by their bold, which plain text and text taken out of a PDF do not keep, so such an item is imported as one text item: the bulletin built from it reads the same, with the department names no longer in bold. Import the Markdown or Word version of the same issue to keep the departments, or split the item by hand into `lead` and `departments`, each with `dept` and `text`. To import the text as it is, `weekly import --allow W023` leaves the warning out.", "条目中的部门名称是靠粗体识别的，而纯文本和从 PDF 提取的文字都不保留粗体，这类条目只能整段导入为一个文字条目：重新生成的周报文字不变，但部门名称不再是粗体。如需按部门列出，请改为导入同一期的 Markdown 或 Word 版本，或在生成的周报文件中手工拆分为 `lead` 和 `departments`（每个部门各有 `dept` 和 `text`）。如就按纯文本导入，可运行 `weekly import --allow W023` 不再显示此警告。";
    }
    W024 Import {
        meaning: "an imported PDF's text with a space between a Chinese character and a figure or letter: perhaps the typesetter's gap, kept as found", "导入的 PDF 文字中汉字与数字或字母之间有空格：可能是排版留出的间隙，已原样保留";
        example: "`首批 50 个` in the text of a PDF that LibreOffice or Typst set", "从 LibreOffice 或 Typst 排版的 PDF 中提取出的 `首批 50 个`";
        explain: "LibreOffice, Word and Typst leave a gap between a Chinese character and a figure or Latin letter whether or not a space was typed, and the text taken out of the PDF shows that gap as a space, so the import cannot tell which spaces the original had. Compare the paragraph with the original and delete, in the imported issue file, the spaces it did not have; or import the Word version of the issue, which leaves no such doubt. Once checked, `weekly import --allow W024` leaves the warning out.", "LibreOffice、Word 和 Typst 排版时，会在汉字与数字、字母之间自动留出间隙，从 PDF 提取文字时，这种间隙也会变成空格，因此导入时无法判断哪些空格是原稿本来就有的。请对照原稿，在生成的周报文件中删去原稿没有的空格；如有同一期的 Word 版本，改为导入 Word 版本即可避免此问题。核对无误后，可运行 `weekly import --allow W024` 不再显示此警告。";
    }
    W025 File {
        meaning: "a symbolic link in a folder that leads outside it, or to something that is not a file: not read", "文件夹中的符号链接指向文件夹之外，或指向的不是文件：未读取";
        example: "`issues/2023-39.yaml` linking to `/etc/passwd` or to `../../secrets.yaml`", "`issues/2023-39.yaml` 链接到 `/etc/passwd` 或 `../../secrets.yaml`";
        explain: "`weekly check` and `weekly stats` read every issue file of a folder, and a link there could make them read, and print in their findings, a file that is not an issue at all: a credentials file, `/proc/self/environ`, a device. So a link is read only when it leads to a file inside the folder. Copy the issue into the folder instead, or, if the link is meant, give its path to `weekly check` by name, which reads it. Switch the warning off with `--allow W025`.", "`weekly check` 和 `weekly stats` 会读取文件夹中的每个周报文件；文件夹里的符号链接可能让它们读取并在提示中印出根本不是周报的文件，如密码文件、`/proc/self/environ` 或设备。因此只有指向本文件夹内文件的链接才会被读取。请把该期周报复制到文件夹中；如确实需要这个链接，可把它的路径直接交给 `weekly check`，这样会读取。如需关闭此警告，可用 `--allow W025`。";
    }
    W026 Typography {
        meaning: "a text begins or ends with a space, or holds a tab or an invisible character", "文字首尾有空格，或含有 Tab、看不见的字符";
        example: "`- 　　本周，完成轮训。` typed with Word's indent, or a U+FEFF copied from a web page", "照 Word 习惯输入的 `- 　　本周，完成轮训。`，或从网页复制来的 U+FEFF";
        explain: "weekly lays every paragraph out itself, indent included, so spaces typed before a text (`　　`, as in Word) print as a second indent, and spaces after it as a gap; a tab prints at a width no one chose. Characters that take no room, a byte-order mark (U+FEFF), a line or paragraph separator (U+2028, U+2029), a soft hyphen (U+00AD), joiners, come with text copied from web pages and Word, print as nothing or as a stray mark, and split a word for search. Remove them; where a space belongs, type an ordinary one.", "weekly 会自行排版每一段，包括首行缩进，因此文字前照 Word 习惯输入的空格（如 `　　`）会印成第二层缩进，文字后的空格会印成多余的空白；Tab 的宽度则无法预料。看不见的字符，如字节顺序标记（U+FEFF）、行分隔符和段分隔符（U+2028、U+2029）、软连字符（U+00AD）、连接符等，多随从网页或 Word 复制的文字混入，印出来或者没有，或者是乱码，还会妨碍检索。请删去；确需空格处改用普通空格。";
    }
    W027 Series {
        meaning: "a section of the previous issue is left out", "上一期的栏目本期没有";
        example: "`政务资讯` in 2023-39, deleted from 2023-40", "2023-39 有“政务资讯”，2023-40 把它删了";
        explain: "`weekly new` begins each issue with the sections of the one before, so a section deleted for a week with nothing to report is gone from every later draft as well, and the bulletin's numbering of the sections after it changes. Keep the section and write its content as an empty list (`items: []`, `visits: []`): it is left out of the print and stays in the next draft. If the section is gone for good, `lint: { allow: [W027 <title>] }` in the issue that drops it says so; the next issue no longer has it to compare.", "`weekly new` 以上一期的栏目为基础生成新一期，因此某一周因没有内容而删去的栏目，以后各期的草稿中也都不会再有，其后各栏目的编号也会随之改变。请保留该栏目，把内容写成空列表（如 `items: []`、`visits: []`）：这样本期不印出，下一期的草稿中仍有这个栏目。如该栏目确已取消，可在删去它的这一期中加上 `lint: { allow: [W027 <栏目名>] }`；再下一期就不再比较了。";
    }
    W028 Series {
        meaning: "a counter's week is far from its last weeks", "统计项的本周数与此前几周相差悬殊";
        example: "`week: 298` where the median of the 12 weeks before is 2987 (a digit dropped)", "此前 12 周的中位数为 2987，本周却填了 `week: 298`（少打了一位数）";
        explain: "A digit dropped or typed twice changes a figure tenfold, and the year-to-date figure adds it up all the same. weekly follows `previous:` back up to 26 issues and measures each counter's week against the median of its latest 12 weeks before (fewer where there are fewer, and not at all under 4): under a quarter of it, or over four times it, is reported with the weeks it was measured against. A week of public holidays usually stays well within that (the National Day week of 2023 handled about two thirds of the next week's 咨询); a week the hall was closed does not, and is accepted once checked. Check the figure against the source; if the week truly was so, `lint: { allow: [W028 咨询] }` in the issue's file accepts it for that counter.", "少打或多打一位数，数字就差了十倍，而累计数照加不误，看不出问题。weekly 会沿 `previous:` 往前最多查 26 期，把每个统计项的本周数与它此前最近 12 周的中位数比较（不足 12 周的按实有周数计算，少于 4 周的不比较）：不到中位数的四分之一或超过其 4 倍的，连同比较用的各周数字一并报出。一般节假日所在的周不会相差这么多（如 2023 年国庆假期那一周的咨询量约为下一周的三分之二）；如大厅整周停止对外办理，数字远低于平常属正常情况，核实后认可即可。请对照原始数据核对；如本周确实如此，可在本期文件中加上 `lint: { allow: [W028 咨询] }`，只对该统计项认可。";
    }
    W029 Series {
        meaning: "a department's name is close to one the series printed, but not it", "单位名称与往期印过的某个名称相近但不同";
        example: "`自然资源听` where earlier issues print `自然资源厅`; `省市场监督局` for `省市场监督管理局`", "往期印的是 `自然资源厅`，本期打成 `自然资源听`；`省市场监督管理局` 写成 `省市场监督局`";
        explain: "The names of departments and units are printed as typed, and an input method slips on them easily: a character wrong (`自然资源听`) or one or two left out (`省市场监督局`). weekly follows `previous:` back up to 26 issues and compares each name typed as a `dept` (in the hall's news, the visits and the progress) with the names they printed: a name they did not print that is one character away from one they did, or that leaves one or two characters of it out, is reported with the name meant and the issue that printed it. A leading 省 is not counted (`省自然资源厅` and `自然资源厅` are one department), and names with two characters different are not taken for a slip, since `成都市…` and `德阳市…` are different units. Correct the name; if it is another department, `lint: { allow: [W029 <name>] }` in the issue's file accepts that name.", "单位名称原样印出，用输入法输入时容易出错：错一个字（`自然资源听`），或漏掉一两个字（`省市场监督管理局` 写成 `省市场监督局`）。weekly 会沿 `previous:` 往前最多查 26 期，把本期各处 `dept` 所写的单位名称（大厅工作动态、厅（局）长进大厅、工作进度）与往期印过的名称比较：往期没有印过、但与某个印过的名称只差一个字，或比它少一两个字的，会报出，并给出相近的名称和印过它的那一期。开头的“省”字不计（`省自然资源厅` 与 `自然资源厅` 视为同一单位）；有两个字写得不同的，不算笔误，因为“成都市……”和“德阳市……”是不同的单位。请改正名称；如确是另一个单位，可在本期文件中加上 `lint: { allow: [W029 <名称>] }`，认可这个名称。";
    }
    W030 Import {
        meaning: "the bulletin's issue line has no running total (总第 … 期)", "期号行未印总期号（总第……期）";
        example: "`2023 年第 39 期` printed without `（总第 459 期）`", "只印了 `2023 年第 39 期`，没有 `（总第 459 期）`";
        explain: "weekly numbers an issue twice, in its year and since the first issue, and checks that each issue follows the one before by both. When the bulletin printed only the number in its year, the import takes the running total from an issue of the week before or after, imported with it or already in the folder `--dir` writes to (its total plus or minus one); failing that, it leaves `total:` blank in the issue file for you to write, and `weekly check` asks for it until you do. Write it as last week's plus one.", "weekly 为每期编两个号：当年的期号和自创刊以来的总期号，并据此检查各期是否前后相接。原周报只印了当年期号时，导入会从一同导入的、或 `--dir` 所指文件夹中已有的前一周或后一周那一期推算总期号（其总期号加一或减一）；无从推算时，在生成的周报文件中把 `total:` 留空，由你填写，填写之前 `weekly check` 会一直提示。请按上一期的总期号加一填写。";
    }
    W031 Import {
        meaning: "the bulletin's masthead prints no week: the week before it was published is taken", "报头未印周期（统计起止日期）：按印发日期的前一周计";
        example: "a masthead of `2023 年第 39 期（总第 459 期）`, the title, the publisher and `2023 年 10 月 20 日`, without `（10 月 7 日—10 月 13 日）`", "报头有 `2023 年第 39 期（总第 459 期）`、刊名、编发单位和 `2023 年 10 月 20 日`，但没有 `（10 月 7 日—10 月 13 日）`";
        explain: "An issue reports on a week, and weekly checks that each week begins the day after the one before ended. A bulletin whose masthead did not print its week is imported with the week weekly itself would draft: the seven days ending on the same weekday one week before the date it was published (a bulletin of Friday 20 October reports on 7–13 October). Check `period:` against the records of that week and correct it if the bulletin reported on another.", "每期周报报告一周的情况，weekly 会检查每一周是否从上一周结束的次日开始。报头没有印周期的周报，导入时按 weekly 起草时的算法取周期：截至印发日期前一周同一天的七天（10 月 20 日星期五印发的，报告 10 月 7 日至 13 日）。请对照当周的记录核对 `period:`，如原周报报告的是另一周，请改正。";
    }
    W032 Import {
        meaning: "figures read from a sentence in the clerk's own words: weekly prints them in its own", "办件统计按原文句子中的数字导入：weekly 将改用固定句式印出";
        example: "`本周咨询2881人次，受理540件。今年以来累计咨询59029人次，受理15288件。`, read as two counters", "`本周咨询2881人次，受理540件。今年以来累计咨询59029人次，受理15288件。` 读作两个统计项";
        explain: "A bulletin typed by hand often states the counters in words of its own, with commas or in two sentences. The import reads the figures when both lists name the same counters in the same units and order, so that `weekly check` can follow the year-to-date figures and `weekly stats` count them, and the issue file then prints weekly's sentence (`本周，共计咨询 2881 人次、…；今年以来，累计…`). If the printed words must stay as they were, replace the counters in the issue file with an item of text holding the original sentence; the figures are then no longer checked or counted.", "手工编排的周报常用自己的措辞写办件统计，如用逗号分隔，或分成两句。只要前后两组列出的统计项名称、单位和顺序都一致，导入就会读出其中的数字，以便 `weekly check` 核对累计数、`weekly stats` 进行统计；生成的周报文件将按 weekly 的句式印出（`本周，共计咨询 2881 人次、……；今年以来，累计……`）。如必须保留原来的措辞，请在生成的周报文件中把这些统计项改为一个文字条目，写入原句；这样其中的数字将不再核对和统计。";
    }
}

impl Code {
    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('E') {
            Severity::Error
        } else {
            Severity::Warning
        }
    }
}

impl Severity {
    pub fn name(self) -> Word {
        match self {
            Severity::Error => Word {
                en: "error",
                zh: "错误",
            },
            Severity::Warning => Word {
                en: "warning",
                zh: "警告",
            },
        }
    }
}

/// `weekly explain CODE`: the code's row of the table as a page to read.
pub fn explanation(code: Code, lang: Lang) -> String {
    let about = code.about();
    let (severity, subject) = (
        code.severity().name().get(lang),
        about.subject.name().get(lang),
    );
    let (meaning, example, explain) = (
        about.meaning.get(lang),
        about.example.get(lang),
        about.explain.get(lang),
    );
    match lang {
        Lang::En => format!(
            "{code}: {meaning}\n{severity} · {subject}\n\nExample: {example}\n\n{explain}\n"
        ),
        Lang::Zh => {
            format!("{code}：{meaning}\n{severity} · {subject}\n\n例如：{example}\n\n{explain}\n")
        }
    }
}

/// `weekly explain`: every code, its severity and what it means, a line each.
pub fn listing(lang: Lang) -> String {
    let width = Code::ALL
        .iter()
        .map(|c| c.severity().name().get(lang).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for code in Code::ALL {
        let severity = code.severity().name().get(lang);
        let pad = width - severity.chars().count();
        let meaning = code.about().meaning.get(lang);
        out += &format!("{code}  {severity}{:pad$}  {meaning}\n", "");
    }
    out
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Code {
    type Err = ();

    /// A code as typed: `W012`, or `w012` with spaces around.
    fn from_str(s: &str) -> Result<Code, ()> {
        let s = s.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_know_their_severity_and_read_back() {
        assert_eq!(Code::E001.severity(), Severity::Error);
        assert_eq!(Code::W018.severity(), Severity::Warning);
        for code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(*code));
        }
        assert_eq!(" w012 ".parse::<Code>(), Ok(Code::W012));
        assert_eq!("W099".parse::<Code>(), Err(()));
    }

    /// Every row says something in both languages: no placeholder, Chinese where Chinese is
    /// due, and each explanation a whole sentence.
    #[test]
    fn every_code_is_explained_in_both_languages() {
        let han = |s: &str| s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        for code in Code::ALL {
            let about = code.about();
            for (what, word) in [
                ("meaning", about.meaning),
                ("example", about.example),
                ("explanation", about.explain),
            ] {
                for (lang, text) in [("en", word.en), ("zh", word.zh)] {
                    assert!(
                        !text.trim().is_empty() && !text.contains("TODO"),
                        "{code}: no {what} in {lang}"
                    );
                }
            }
            assert!(
                han(about.meaning.zh),
                "{code}: its meaning is not in Chinese"
            );
            assert!(
                han(about.explain.zh),
                "{code}: its explanation is not in Chinese"
            );
            assert!(
                about.explain.en.ends_with('.'),
                "{code}: the explanation ends a sentence"
            );
            assert!(
                about.explain.zh.ends_with('。'),
                "{code}: the Chinese explanation ends a sentence"
            );
        }
    }

    #[test]
    fn an_explanation_names_the_code_its_severity_and_subject() {
        let page = explanation(Code::W013, Lang::Zh);
        assert!(page.starts_with("W013："), "{page}");
        assert!(page.contains("警告 · 书写规范"), "{page}");
        let page = explanation(Code::E002, Lang::En);
        assert!(
            page.starts_with("E002: a value has the wrong type\nerror · values\n"),
            "{page}"
        );
        let list = listing(Lang::En);
        assert_eq!(list.lines().count(), Code::ALL.len());
        assert!(
            list.starts_with("E001  error    the file is not valid YAML\n"),
            "{list}"
        );
    }

    #[test]
    fn codes_are_listed_in_order_once() {
        let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(names, sorted);
    }
}
