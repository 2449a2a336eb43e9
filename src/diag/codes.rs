//! The finding codes: every code weekly reports, its severity, its subject, and what it
//! means and how to fix it in both languages.

use std::fmt;
use std::str::FromStr;

use crate::i18n::{Lang, Word};

/// How bad a finding is: errors make the input invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// What a finding is about: the headings of the list of codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// The file as a whole: its encoding, its size, its YAML and its keys.
    File,
    /// One value: its type, its range, its form.
    Values,
    /// What the issue says: dates, figures and text that contradict each other.
    Content,
    /// One issue against the one before it.
    Series,
    /// The issues of one folder together.
    Folder,
    /// The typography of Chinese text (GB/T 15834, GB/T 15835).
    Typography,
    /// A printed bulletin read back by `weekly import`.
    Import,
}

impl Subject {
    pub const ALL: [Subject; 7] = [
        Subject::File,
        Subject::Values,
        Subject::Content,
        Subject::Series,
        Subject::Folder,
        Subject::Typography,
        Subject::Import,
    ];

    pub fn name(self) -> Word {
        let (en, zh) = match self {
            Subject::File => ("the file", "文件"),
            Subject::Values => ("values", "字段取值"),
            Subject::Content => ("content", "内容"),
            Subject::Series => ("the issue before", "与上一期衔接"),
            Subject::Folder => ("a folder of issues", "同一文件夹中的各期"),
            Subject::Typography => ("typography", "书写规范"),
            Subject::Import => ("import", "导入"),
        };
        Word { en, zh }
    }
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
        explain: "weekly cannot read a file that is not valid YAML, so nothing of the issue is checked or printed until it is mended. The finding points at the slip and names it: a full-width colon `：` after a key, a key without its colon, a tab or a full-width space in the indentation, `: ` inside a text, or a `{` or `[` not closed on its line. Type a half-width colon and a space after each key (`title: 窗口工作周报`), indent with half-width spaces only, put a text that holds `: ` in quotes or type the full-width `：`, and close every `{` and `[` on the line that opens it.", "文件不是有效的 YAML 时，weekly 无法读取，整期内容既不能检查也不能生成，必须先改正。提示会指出出错的位置和原因：字段名后用了全角冒号“：”、字段名后缺少冒号、缩进中有 Tab 或全角空格、文字中含有“: ”，或 `{`、`[` 在本行没有闭合。字段名后请用半角冒号加一个空格（如 `title: 窗口工作周报`），缩进只用半角空格；文字中含有“: ”时，请给整段文字加引号，或改用全角冒号“：”；`{` 和 `[` 须在同一行内闭合。";
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
        explain: "weekly reads issue files as UTF-8 only, the encoding every editor and tool shares; read that way, a file saved as GBK (Notepad's ANSI on a Chinese Windows) or UTF-16 (Notepad's Unicode) would have its Chinese garbled, so it is refused. Open the file in Notepad, choose Save As, set Encoding to UTF-8 (with or without BOM) and save over it; in another editor, save it with the encoding UTF-8.", "weekly 只读取 UTF-8 编码的文件，这是各种编辑器和软件通用的编码；以 GBK 编码（中文 Windows 记事本中的“ANSI”）或 UTF-16 编码（记事本中的“Unicode”）保存的文件，按 UTF-8 读出来中文全是乱码，因此不予读取。请用记事本打开文件，点“另存为”，在“编码”中选择 UTF-8（带不带 BOM 均可），覆盖原文件保存；用其他编辑器时，也请以 UTF-8 编码保存。";
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
        meaning: "`lint.allow` names something that is not a warning code", "`lint.allow` 中有不是警告代码的内容";
        example: "`allow: [W999]`", "`allow: [W999]`";
        explain: "Only warnings can be switched off, so each entry of `lint: { allow: [...] }` is a warning code that exists, such as `W012`, and only W005, W006 and W019 may be followed by the name of a counter or a piece of work (`W005 咨询`). Correct the code (the help suggests a close one) or remove the entry; an error cannot be allowed, only mended. `weekly explain` lists every code.", "只有警告可以关闭，因此 `lint: { allow: [...] }` 中的每一项都应是确实存在的警告代码（如 `W012`），而且只有 W005、W006 和 W019 后面可以加统计项或工作的名称（如 `W005 咨询`）。请改正代码（帮助会提示相近的代码），或删去这一项；错误不能关闭，只能改正。运行 `weekly explain` 可列出全部代码。";
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
        explain: "A .docx file is a zip package of XML parts; one that is cut short, damaged or not a zip at all cannot be read, and one that unpacks to more than 64 MB or 10,000 files is not read, as a guard against zip bombs. Open it in Word or WPS: if it opens, Save As .docx and import the new copy; if not, import another copy of the issue, or the text taken out of its PDF with `pdftotext`.", ".docx 文件实际上是一个装有若干 XML 部件的压缩包：文件不完整、已损坏或根本不是压缩包的，无法读取；解压后超过 64 MB 或 10000 个文件的，为防范“压缩炸弹”也不予读取。请先用 Word 或 WPS 打开：能打开的，“另存为” .docx 后导入新存的文件；打不开的，请改为导入这一期的其他副本，或导入用 `pdftotext` 从该期 PDF 中提取的文字。";
    }
    E032 Import {
        meaning: "an imported file is a PDF, an OFD, a Word 97–2003 or WPS document, or encrypted: convert it first", "导入的文件是 PDF、OFD、Word 97–2003 或 WPS 文档，或已加密：请先转换";
        example: "`weekly import 2023-39.pdf`; a `.doc` from Word 2003, whatever its name; a `.docx` with a password", "`weekly import 2023-39.pdf`；Word 2003 保存的 `.doc`（无论文件名如何）；设置了密码的 `.docx`";
        explain: "`weekly import` reads Word documents saved as .docx, Markdown and text, and tells the other formats by their content, whatever the file is called. Convert first: a PDF with `pdftotext FILE.pdf FILE.txt` (poppler-utils), then import the .txt; a .doc or .wps with Save As .docx in Word or WPS, or a whole folder with `soffice --headless --convert-to docx *.doc`; an encrypted document by opening it with its password and saving a copy without one; an OFD by exporting it to PDF in an OFD reader.", "`weekly import` 只读取 .docx 格式的 Word 文档、Markdown 和文本文件，其他格式按文件内容识别，与文件名无关。请先转换：PDF 用 `pdftotext 文件.pdf 文件.txt`（poppler-utils 软件包）提取文字，再导入 .txt 文件；.doc 或 .wps 文件用 Word 或 WPS“另存为” .docx，整个文件夹可用 `soffice --headless --convert-to docx *.doc` 一次转换；加密的文档请输入密码打开，取消密码后另存一份；OFD 文件请用 OFD 阅读器导出为 PDF，再按 PDF 处理。";
    }
    W001 Content {
        meaning: "the period is not seven days", "TODO";
        example: "`start: 2023-10-07`, `end: 2023-10-12`", "TODO";
        explain: "TODO", "TODO";
    }
    W002 Content {
        meaning: "published more than two weeks after the period ends", "TODO";
        example: "a week ending 10-13 published 11-01", "TODO";
        explain: "TODO", "TODO";
    }
    W003 Typography {
        meaning: "a paragraph does not end with terminal punctuation", "TODO";
        example: "an item ending in `，` or with no mark", "TODO";
        explain: "TODO", "TODO";
    }
    W004 Content {
        meaning: "a department appears twice among the visits", "TODO";
        example: "`水利厅` in two visits", "TODO";
        explain: "TODO", "TODO";
    }
    W005 Series {
        meaning: "a year-to-date figure is not the previous one plus this week's", "TODO";
        example: "`year_to_date: 15780` where 15288 + 512 = 15800", "TODO";
        explain: "TODO", "TODO";
    }
    W006 Series {
        meaning: "work done so far is below the previous issue's", "TODO";
        example: "`done: 1010` after 1019", "TODO";
        explain: "TODO", "TODO";
    }
    W007 Content {
        meaning: "a section or subsection has no content yet", "TODO";
        example: "`items:` left blank by `weekly new`", "TODO";
        explain: "TODO", "TODO";
    }
    W008 Folder {
        meaning: "issue numbers are missing between the issues of a folder", "TODO";
        example: "第 39 期 and 第 42 期 in one folder", "TODO";
        explain: "TODO", "TODO";
    }
    W009 Series {
        meaning: "the previous issue cannot be read, so continuity with it is not checked", "TODO";
        example: "an archive that starts at 第 41 期, whose `previous` is elsewhere", "TODO";
        explain: "TODO", "TODO";
    }
    W010 Typography {
        meaning: "half-width punctuation in Chinese text", "TODO";
        example: "`通知,明确` → `通知，明确`", "TODO";
        explain: "TODO", "TODO";
    }
    W011 Typography {
        meaning: "unbalanced or misnested quotation marks or brackets", "TODO";
        example: "`《“通知》”`, a `“` never closed", "TODO";
        explain: "TODO", "TODO";
    }
    W012 Typography {
        meaning: "doubled punctuation", "TODO";
        example: "`。。`, `，，`", "TODO";
        explain: "TODO", "TODO";
    }
    W013 Typography {
        meaning: "an ellipsis typed as `...` or `。。。`", "TODO";
        example: "`优化营商环境...` → `优化营商环境……`", "TODO";
        explain: "TODO", "TODO";
    }
    W014 Typography {
        meaning: "a range written with `-`, `－`, `~`, `–` or `——`, or `－` as a connecting mark", "TODO";
        example: "`7日~9日` → `7日—9日`, `30-40岁` → `30～40岁`, `中国－东盟` → `中国-东盟`", "TODO";
        explain: "TODO", "TODO";
    }
    W015 Typography {
        meaning: "a zero-padded month or day", "TODO";
        example: "`10月07日` → `10月7日`", "TODO";
        explain: "TODO", "TODO";
    }
    W016 Typography {
        meaning: "full-width digits or percent sign", "TODO";
        example: "`２８８１` → `2881`, `61.76％` → `61.76%`", "TODO";
        explain: "TODO", "TODO";
    }
    W017 Typography {
        meaning: "numbering typed into a title or paragraph", "TODO";
        example: "`一、领导批示`, `1、本周`, `106.本周`, `4.2.3　概况`", "TODO";
        explain: "TODO", "TODO";
    }
    W018 Typography {
        meaning: "a stray space: between Chinese characters, beside full-width punctuation, or an unusual space character", "TODO";
        example: "`水利 厅`, `关切， 持续`, an en space (U+2002) from a word processor", "TODO";
        explain: "TODO", "TODO";
    }
    W019 Folder {
        meaning: "a year's weekly figures do not add up to its last year-to-date figure", "TODO";
        example: "`weekly stats` over 第 1–39 期 whose 咨询 figures sum to 59019 where 第 39 期 prints 59029", "TODO";
        explain: "TODO", "TODO";
    }
    W020 Import {
        meaning: "imported text that is not where a bulletin has it, or reads like a sentence weekly builds but does not match it: kept as a text item", "TODO";
        example: "`内部资料` under the masthead; `杨兴平副省长在《……》上批示：…` with no date before it", "TODO";
        explain: "TODO", "TODO";
    }
    W021 Import {
        meaning: "an imported page break with the same character on both sides: perhaps repeated, kept as found", "TODO";
        example: "a PDF's page ending `…推动经` and the next beginning `经济发展`", "TODO";
        explain: "TODO", "TODO";
    }
    W022 Import {
        meaning: "an imported share that no whole total, or more than one, gives back", "TODO";
        example: "`共完成 1 项，占比 0.10%`: every total from 953 to 1052 prints it", "TODO";
        explain: "TODO", "TODO";
    }
    W023 Import {
        meaning: "imported from plain text, which has no bold: department items become text items", "TODO";
        example: "`weekly import 2023-39.txt`", "TODO";
        explain: "TODO", "TODO";
    }
    W024 Import {
        meaning: "an imported PDF's text with a space between a Chinese character and a figure or letter: perhaps the typesetter's gap, kept as found", "TODO";
        example: "`首批 50 个` in the text of a PDF that LibreOffice or Typst set", "TODO";
        explain: "TODO", "TODO";
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
