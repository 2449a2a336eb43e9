//! The bulletin's five typefaces and the families that may set each: the official fonts by
//! name, then free ones a Linux machine can install, then Noto CJK; one table for the
//! templates, the Word document, the fontconfig file and the warning of a stand-in.

use serde::Serialize;

use crate::i18n::Msg;

/// One of the typefaces GB/T 9704 sets a bulletin in.
#[derive(Debug, PartialEq, Eq)]
pub struct Face {
    /// The name templates know it by: `fonts.fangsong`.
    pub key: &'static str,
    /// What a clerk calls it: 仿宋.
    pub name: &'static str,
    /// The official fonts, as Windows, WPS and macOS name them, most usual first. The first
    /// is the name a Word document gives, the second its Latin name.
    pub official: &'static [&'static str],
    /// Free fonts of the same kind (Debian: fonts-lxgw-wenkai; FandolFang from
    /// texlive-lang-chinese), used where none of the official ones is installed.
    pub free: &'static [&'static str],
    /// A 黑体 is a sans: Noto Sans CJK SC stands in for it before Noto Serif CJK SC.
    pub sans: bool,
    /// The Word document's font table: family kind and PANOSE, which tell Word and WPS what
    /// to put in the place of a missing font.
    pub panose: &'static str,
}

const SERIF: &str = "Noto Serif CJK SC";
const SANS: &str = "Noto Sans CJK SC";

/// The body.
pub const FANGSONG: Face = Face {
    key: "fangsong",
    name: "仿宋",
    official: &[
        "仿宋_GB2312",
        "FangSong_GB2312",
        "FangSong",
        "仿宋",
        "STFangsong",
    ],
    // Typst knows FandolFang by its style's name, FandolFang R.
    free: &["FandolFang", "FandolFang R"],
    sans: false,
    panose: "02010609030101010101",
};

/// First-level headings (一、).
pub const HEITI: Face = Face {
    key: "heiti",
    name: "黑体",
    official: &["黑体", "SimHei", "STHeiti"],
    free: &[],
    sans: true,
    panose: "02010609060101010101",
};

/// Second-level headings (（一）).
pub const KAITI: Face = Face {
    key: "kaiti",
    name: "楷体",
    official: &["楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti"],
    free: &["LXGW WenKai", "FandolKai", "FandolKai R"],
    sans: false,
    panose: "02010609030101010101",
};

/// The title.
pub const XIAOBIAOSONG: Face = Face {
    key: "xiaobiaosong",
    name: "小标宋",
    official: &["方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong"],
    free: &[],
    sans: false,
    panose: "02000000000000000000",
};

/// Page numbers.
pub const SONG: Face = Face {
    key: "song",
    name: "宋体",
    official: &["宋体", "SimSun", "STSong"],
    free: &[],
    sans: false,
    panose: "02010600030101010101",
};

/// Every face, in the order the fontconfig file lists them.
pub const FACES: [&Face; 5] = [&FANGSONG, &HEITI, &KAITI, &XIAOBIAOSONG, &SONG];

impl Face {
    /// Every family that may set the face, in the order they are tried: the official ones,
    /// the free ones, then Noto CJK SC (serif or sans as the face is, the other last, so that
    /// a machine with either sets Chinese glyphs rather than another region's).
    pub fn families(&self) -> Vec<&'static str> {
        let noto = if self.sans {
            [SANS, SERIF]
        } else {
            [SERIF, SANS]
        };
        let mut all = self.official.to_vec();
        all.extend(self.free);
        all.extend(noto);
        all
    }

    /// The name a Word document gives the face.
    pub const fn word(&self) -> &'static str {
        self.official[0]
    }

    /// Its Latin name, which a Word document gives as the other name of the font.
    pub const fn latin(&self) -> &'static str {
        self.official[1]
    }

    /// The family that sets the face where `installed` says which are; `None` when one of
    /// the official ones is, or none at all.
    pub fn stand_in(&self, installed: impl Fn(&str) -> bool) -> Option<&'static str> {
        if self.official.iter().any(|f| installed(f)) {
            return None;
        }
        self.families().into_iter().find(|f| installed(f))
    }
}

/// A face as templates get it: its key, its families in order, and the generic family of its
/// kind (CSS `serif` or `sans-serif`) to end a list with.
#[derive(Serialize)]
struct Stack {
    key: &'static str,
    families: Vec<&'static str>,
    generic: &'static str,
}

/// What the templates get as `fonts`: each face, in the table's order.
pub fn stacks() -> impl Serialize {
    FACES
        .iter()
        .map(|f| Stack {
            key: f.key,
            families: f.families(),
            generic: if f.sans { "sans-serif" } else { "serif" },
        })
        .collect::<Vec<_>>()
}

/// The faces a document set in a stand-in, and the family that stood in: those for which no
/// official font is installed and whose stand-in is among `used`, the families the document
/// was set in.
pub fn stand_ins(
    installed: impl Fn(&str) -> bool,
    used: &[String],
) -> Vec<(&'static Face, &'static str)> {
    FACES
        .iter()
        .filter_map(|&face| Some((face, face.stand_in(&installed)?)))
        .filter(|(_, family)| used.iter().any(|u| u == family))
        .collect()
}

/// The warning that `output` was set in stand-ins: each face, the official font it stands
/// for and the family that set it; and, where 楷体 and 仿宋 fell to the same family, that the
/// second-level headings then look like the body.
pub fn stand_in_warning(output: &str, stand_ins: &[(&Face, &str)]) -> Msg {
    let list = |each: fn(&Face, &str) -> String, sep: &str| {
        stand_ins
            .iter()
            .map(|(face, family)| each(face, family))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let en_list = list(|f, s| format!("{} ({}) in {s}", f.name, f.word()), ", ");
    let zh_list = list(|f, s| format!("{}（{}）用 {s}", f.name, f.word()), "，");
    let family_of = |key| {
        stand_ins
            .iter()
            .find(|(f, _)| f.key == key)
            .map(|(_, s)| *s)
    };
    let alike = family_of("kaiti").is_some() && family_of("kaiti") == family_of("fangsong");
    let (en_alike, zh_alike) = if alike {
        (
            "; the （一） headings are then set as the body is: install a 楷体 (Debian: apt-get install fonts-lxgw-wenkai)",
            "；（一）级标题因此与正文字体相同：请安装一种楷体（Debian：apt-get install fonts-lxgw-wenkai）",
        )
    } else {
        ("", "")
    };
    crate::msg!(
        "warning: `{output}` is set in stand-ins, for this machine has none of the official fonts: {en_list}{en_alike}; to print in the official fonts, install them or give --font-path DIR",
        "警告：本机没有公文规定的字体，`{output}` 改用以下字体排印：{zh_list}{zh_alike}；如需使用规定字体，请安装后重新生成，或用 --font-path 指定字体文件夹"
    )
}

/// The fontconfig file (docs/60-weekly-fonts.conf) that lets LibreOffice and browsers on
/// Linux set each official name in the families that stand in for it.
pub fn fontconfig() -> String {
    let mut text = String::from(concat!(
        "<?xml version=\"1.0\"?>\n",
        "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n",
        "<!-- The bulletin's official fonts, for a Linux machine that does not have them: each\n",
        "     name set in the free fonts of its kind where installed (仿宋: FandolFang, from\n",
        "     Debian's texlive-lang-chinese; 楷体: LXGW WenKai, fonts-lxgw-wenkai), then in\n",
        "     Noto Serif CJK SC or, for 黑体, Noto Sans CJK SC (fonts-noto-cjk), as in weekly's\n",
        "     own PDF. Without it LibreOffice sets every one of them in fontconfig's first font\n",
        "     for Chinese, a sans. Copy to ~/.config/fontconfig/conf.d/ (one user) or\n",
        "     /etc/fonts/conf.d/ (every user). A font installed under its own name is used\n",
        "     first: these only come after it. -->\n",
        "<fontconfig>\n",
    ));
    for face in FACES {
        let accept: String = face.families()[face.official.len()..]
            .iter()
            .map(|f| format!("<family>{f}</family>"))
            .collect();
        for name in face.official {
            text.push_str(&format!(
                "  <alias binding=\"same\"><family>{name}</family><accept>{accept}</accept></alias>\n"
            ));
        }
    }
    text.push_str("</fontconfig>\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_face_is_tried_official_free_then_noto_of_its_kind() {
        assert_eq!(
            KAITI.families(),
            [
                "楷体_GB2312",
                "KaiTi_GB2312",
                "KaiTi",
                "楷体",
                "STKaiti",
                "LXGW WenKai",
                "FandolKai",
                "FandolKai R",
                "Noto Serif CJK SC",
                "Noto Sans CJK SC"
            ]
        );
        assert_eq!(
            HEITI.families(),
            [
                "黑体",
                "SimHei",
                "STHeiti",
                "Noto Sans CJK SC",
                "Noto Serif CJK SC"
            ]
        );
        assert_eq!(FANGSONG.word(), "仿宋_GB2312");
    }

    #[test]
    fn a_stand_in_is_the_first_family_installed_where_no_official_one_is() {
        let kaiti = &KAITI;
        let only = |names: &'static [&'static str]| move |f: &str| names.contains(&f);
        assert_eq!(kaiti.stand_in(only(&["KaiTi", "LXGW WenKai"])), None);
        assert_eq!(
            kaiti.stand_in(only(&["FandolKai", "LXGW WenKai", SERIF])),
            Some("LXGW WenKai")
        );
        assert_eq!(kaiti.stand_in(only(&[SANS])), Some(SANS));
        assert_eq!(kaiti.stand_in(only(&[])), None);
    }

    #[test]
    fn only_the_faces_the_document_used_are_said_to_stand_in() {
        let installed = |f: &str| ["FandolFang", SERIF, SANS, "黑体"].contains(&f);
        let used = vec!["FandolFang".to_owned(), SERIF.to_owned()];
        let said: Vec<(&str, &str)> = stand_ins(installed, &used)
            .into_iter()
            .map(|(face, family)| (face.key, family))
            .collect();
        // 黑体 is installed; 楷体, 小标宋 and 宋体 stand in Noto Serif, which the PDF used.
        assert_eq!(
            said,
            [
                ("fangsong", "FandolFang"),
                ("kaiti", SERIF),
                ("xiaobiaosong", SERIF),
                ("song", SERIF)
            ]
        );
        assert!(stand_ins(installed, &[]).is_empty());
    }

    #[test]
    fn the_warning_names_each_stand_in_and_says_when_headings_look_like_the_body() {
        let (fangsong, kaiti) = (&FANGSONG, &KAITI);
        let apart = stand_in_warning("a.pdf", &[(fangsong, "FandolFang"), (kaiti, "LXGW WenKai")]);
        assert_eq!(
            apart.en,
            "warning: `a.pdf` is set in stand-ins, for this machine has none of the official fonts: 仿宋 (仿宋_GB2312) in FandolFang, 楷体 (楷体_GB2312) in LXGW WenKai; to print in the official fonts, install them or give --font-path DIR"
        );
        assert_eq!(
            apart.zh,
            "警告：本机没有公文规定的字体，`a.pdf` 改用以下字体排印：仿宋（仿宋_GB2312）用 FandolFang，楷体（楷体_GB2312）用 LXGW WenKai；如需使用规定字体，请安装后重新生成，或用 --font-path 指定字体文件夹"
        );
        let alike = stand_in_warning("a.pdf", &[(fangsong, SERIF), (kaiti, SERIF)]);
        assert!(
            alike
                .en
                .contains("the （一） headings are then set as the body is"),
            "{}",
            alike.en
        );
        assert!(
            alike.zh.contains("（一）级标题因此与正文字体相同"),
            "{}",
            alike.zh
        );
        let one = stand_in_warning("a.pdf", &[(kaiti, SERIF)]);
        assert!(!one.en.contains("（一）"), "{}", one.en);
    }

    #[test]
    fn the_fontconfig_file_is_made_from_the_table() {
        let conf = fontconfig();
        assert!(conf.contains(
            "<alias binding=\"same\"><family>仿宋_GB2312</family><accept><family>FandolFang</family><family>FandolFang R</family><family>Noto Serif CJK SC</family><family>Noto Sans CJK SC</family></accept></alias>"
        ));
        assert!(conf.contains(
            "<alias binding=\"same\"><family>SimHei</family><accept><family>Noto Sans CJK SC</family><family>Noto Serif CJK SC</family></accept></alias>"
        ));
        let aliases = FACES.iter().map(|f| f.official.len()).sum::<usize>();
        assert_eq!(conf.matches("<alias ").count(), aliases);
    }
}
