//! What a finding is about: the headings under which the codes are listed.

use crate::i18n::Word;

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
