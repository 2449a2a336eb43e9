//! `--format pdf` and `--format typst`: the bulletin typeset by Typst in-process, the same
//! bytes from two builds, text typed in an issue never read as markup, and a clear error
//! without a Chinese font.

#[cfg(feature = "pdf")]
use std::fs;
#[cfg(feature = "pdf")]
use std::path::Path;

#[cfg(feature = "pdf")]
use crate::util::{TestOutput, in_ci, notice, series_copy};
use crate::util::{assert_golden, root, weekly};

/// Whether this machine has a Chinese font for the PDF; in CI it must.
#[cfg(feature = "pdf")]
pub fn chinese_fonts() -> bool {
    let found = std::process::Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .is_ok_and(|o| !o.stdout.is_empty());
    assert!(
        found || !in_ci(),
        "CI installs fonts-noto-cjk before the tests"
    );
    if !found {
        notice("no Chinese font here (apt-get install fonts-noto-cjk): PDF cases skipped");
    }
    found
}

#[cfg(feature = "pdf")]
fn build(dir: &Path, args: &[&str]) -> TestOutput {
    weekly()
        .current_dir(dir)
        .args(["build", "2023-39.yaml"])
        .args(args)
        .env("LANG", "C")
        .run()
}

#[test]
fn the_typst_source_is_the_template_filled_in() {
    let out = weekly()
        .args(["build", "--format", "typst"])
        .arg(root().join("examples/2023-39.yaml"))
        .run();
    out.success();
    assert_golden(&root().join("tests/golden/2023-39.typ"), &out.stdout_text());
}

// The PDF is typeset only with the `pdf` feature (scripts/mutants.sh builds without it).
#[cfg(feature = "pdf")]
#[test]
fn a_pdf_is_typeset_and_two_builds_are_the_same_bytes() {
    if !chinese_fonts() {
        return;
    }
    let tmp = series_copy();
    let dir = tmp.path();
    let out = build(dir, &["-o", "a.pdf", "-o", "b.pdf", "--verbose"]);
    out.success();
    let a = fs::read(dir.join("a.pdf")).unwrap();
    assert!(a.starts_with(b"%PDF-"), "a PDF");
    assert!(
        a == fs::read(dir.join("b.pdf")).unwrap(),
        "two builds differ"
    );
    let says = |what: &[u8]| a.windows(what.len()).any(|w| w == what);
    assert!(
        says(b"/Creator(weekly)"),
        "the PDF names weekly as its creator"
    );
    // The font files are counted, and the fonts it was set in named, a line per output.
    let stderr = out.stderr_text();
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(lines[0].starts_with("fonts: "), "{stderr}");
    assert!(lines[1].starts_with("a.pdf: set in "), "{stderr}");
    assert!(lines[1].contains("CJK"), "{stderr}");
}

/// The font index: a second build reads no font file to know what the fonts hold, one
/// written since is read again, a damaged index is read no further and written anew, a
/// folder in its place is left alone, and `--no-font-cache` neither reads nor writes one.
/// `--verbose` says which, and the PDF is the same bytes each time.
// The PDF is typeset only with the `pdf` feature (scripts/mutants.sh builds without it).
#[cfg(feature = "pdf")]
#[test]
fn the_font_index_spares_reading_fonts_and_follows_their_changes() {
    if !chinese_fonts() {
        return;
    }
    let tmp = series_copy();
    let dir = tmp.path();
    // The smallest Chinese font of the machine, copied so that the test may change it.
    let listed = std::process::Command::new("fc-list")
        .args(["--format", "%{file}\n", ":lang=zh"])
        .output()
        .unwrap();
    let smallest = String::from_utf8(listed.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .min_by_key(|f| fs::metadata(f).map_or(u64::MAX, |m| m.len()))
        .unwrap();
    fs::create_dir(dir.join("fonts")).unwrap();
    let font = dir
        .join("fonts")
        .join(Path::new(&smallest).file_name().unwrap());
    fs::copy(&smallest, &font).unwrap();
    fs::write(dir.join("fonts/cut.ttf"), [0, 1, 0, 0, 0]).unwrap();
    let cache = dir.join("cache");
    let index = cache.join("weekly/fonts.json");
    let run = |pdf: &str, extra: &[&str]| {
        let mut args = vec![
            "-o",
            pdf,
            "-v",
            "--ignore-system-fonts",
            "--font-path",
            "fonts",
        ];
        args.extend(extra);
        let out = weekly()
            .current_dir(dir)
            .args(["build", "2023-39.yaml"])
            .args(&args)
            .env("XDG_CACHE_HOME", &cache)
            .run();
        out.success();
        let stderr = out.stderr_text();
        let line = stderr
            .lines()
            .find(|l| l.starts_with("fonts: "))
            .unwrap_or_default();
        let bytes = fs::read(dir.join(pdf)).unwrap();
        (line.to_owned(), bytes)
    };
    let shown = weekly::text::quote::path(&index);
    let indexed = |read: usize| match read {
        0 => format!("fonts: 2 font files, all known from `{shown}`"),
        2 => format!("fonts: 2 font files, all read, and kept in `{shown}`"),
        _ => format!("fonts: 2 font files, {read} of them read, the others known from `{shown}`"),
    };
    let (said, first) = run("a.pdf", &[]);
    assert_eq!(said, indexed(2));
    assert!(index.is_file());
    // The damaged font is read every time, to be named every time.
    let (said, again) = run("b.pdf", &[]);
    assert_eq!(said, indexed(1));
    assert!(first == again, "the PDF changed with the index");
    let file = fs::File::options().write(true).open(&font).unwrap();
    file.set_modified(std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30))
        .unwrap();
    drop(file);
    assert_eq!(run("c.pdf", &[]).0, indexed(2));
    assert_eq!(run("d.pdf", &[]).0, indexed(1));
    let good = fs::read(&index).unwrap();
    fs::write(&index, &good[..good.len() / 2]).unwrap();
    assert_eq!(run("e.pdf", &[]).0, indexed(2));
    assert_eq!(fs::read(&index).unwrap(), good, "the index written anew");
    // A folder where the index belongs is left alone, and the note says so.
    fs::remove_file(&index).unwrap();
    fs::create_dir(&index).unwrap();
    let (said, _) = run("i.pdf", &[]);
    assert_eq!(
        said,
        format!("fonts: 2 font files, all read; the font index `{shown}` could not be written")
    );
    assert!(index.is_dir());
    fs::remove_dir(&index).unwrap();
    let (said, bypassed) = run("f.pdf", &["--no-font-cache"]);
    assert_eq!(said, "fonts: 2 font files, all read (no font index)");
    assert!(!index.exists(), "--no-font-cache wrote an index");
    assert!(first == bypassed, "the PDF changed without the index");
    // Without the damaged font, every file is known from the index.
    fs::remove_file(dir.join("fonts/cut.ttf")).unwrap();
    run("g.pdf", &[]);
    let (said, last) = run("h.pdf", &[]);
    assert_eq!(
        said,
        format!("fonts: 1 font file, all known from `{shown}`")
    );
    assert!(first == last, "the PDF changed with the index");
}

/// Text with Typst's markup characters prints as typed: the source holds it as strings, and
/// Typst compiles it.
// The PDF is typeset only with the `pdf` feature (scripts/mutants.sh builds without it).
#[cfg(feature = "pdf")]
#[test]
fn markup_typed_in_an_issue_stays_text() {
    let tmp = series_copy();
    let dir = tmp.path();
    let source = fs::read_to_string(dir.join("2023-39.yaml")).unwrap();
    let typed =
        r##"本周，#set text(red) *粗* _斜_ $x$ [链接] <标签> @引用 \ "引号" // 注释 = 标题。"##;
    let item = format!(
        "        items:\n          - '{}'\n",
        typed.replace('\'', "''")
    );
    fs::write(
        dir.join("2023-39.yaml"),
        source.replacen("        items:\n", &item, 1),
    )
    .unwrap();
    let out = build(dir, &["--format", "typst"]);
    out.success();
    let expected = format!("#par[#\"1.\"#{}]", weekly::text::typst_text(typed));
    assert!(
        out.stdout_text().contains(&expected),
        "{}",
        out.stdout_text()
    );
    if chinese_fonts() {
        let out = build(dir, &["-o", "a.pdf"]);
        out.success();
    }
}

/// A paragraph of thousands of punctuation marks, of every kind the template sets in a cell
/// of its own, is typeset: a show rule matching them stopped at 512 in one paragraph.
// The PDF is typeset only with the `pdf` feature (scripts/mutants.sh builds without it).
#[cfg(feature = "pdf")]
#[test]
fn a_paragraph_of_thousands_of_marks_is_typeset() {
    if !chinese_fonts() {
        return;
    }
    let tmp = series_copy();
    let dir = tmp.path();
    let source = fs::read_to_string(dir.join("2023-39.yaml")).unwrap();
    let marks = "办，件。项、；：？！“省”‘市’（县）《文》〈章〉【号】……";
    let item = format!("        items:\n          - '{}完。'\n", marks.repeat(130));
    fs::write(
        dir.join("2023-39.yaml"),
        source.replacen("        items:\n", &item, 1),
    )
    .unwrap();
    weekly()
        .current_dir(dir)
        .args(["check", "2023-39.yaml"])
        .run()
        .success();
    build(dir, &["-o", "a.pdf"]).success();
    assert!(fs::read(dir.join("a.pdf")).unwrap().starts_with(b"%PDF-"));
}

// The PDF is typeset only with the `pdf` feature (scripts/mutants.sh builds without it).
#[cfg(feature = "pdf")]
#[test]
fn without_a_chinese_font_the_error_says_what_to_install() {
    let tmp = series_copy();
    let dir = tmp.path();
    fs::create_dir(dir.join("fonts")).unwrap();
    let out = build(
        dir,
        &[
            "-o",
            "a.pdf",
            "--ignore-system-fonts",
            "--font-path",
            "fonts",
        ],
    );
    out.code(2);
    let stderr = out.stderr_text();
    assert!(
        stderr.starts_with("error: no font with Chinese characters was found for the PDF")
            && stderr.contains("apt-get install fonts-noto-cjk"),
        "{stderr}"
    );
    assert!(!dir.join("a.pdf").exists());
}

/// A Typst error in a custom template names the line of the template it is on, exactly: on
/// the first line, and further down below lines with values filled in.
// The PDF is typeset only with the `pdf` feature (scripts/mutants.sh builds without it).
#[cfg(feature = "pdf")]
#[test]
fn a_typst_error_in_a_template_names_its_line() {
    if !chinese_fonts() {
        return;
    }
    let tmp = series_copy();
    let dir = tmp.path();
    fs::create_dir(dir.join("t")).unwrap();
    let below = concat!(
        "// {{ title | typ }} {{ year }} 年第 {{ number }} 期\n",
        "#set page(paper: \"a4\")\n",
        "#set text(font: (\"Noto Serif CJK SC\", \"Noto Sans CJK SC\"), lang: \"zh\")\n",
        "\n",
        "#let title = {{ title | typ }}\n",
        "#let issue = {{ issue_line | typ }}\n",
        "#align(center, text(size: 22pt, title))\n",
        "#align(center, issue)\n",
        "\n",
        "#par[本周，{% if year %}一切如常{% endif %}。]\n",
        "#nonsense()\n",
        "#par[{{ publisher | typ }}]\n",
    );
    let cases = [
        ("#nonsense()\n#let x = {{ title | typ }}\n#x\n", 1),
        ("#let x = {{ title | typ }}\n#nonsense()\n#x\n", 2),
        (below, 11),
    ];
    for (template, line) in cases {
        fs::write(dir.join("t/bulletin.typ"), template).unwrap();
        let out = build(dir, &["-o", "a.pdf", "--templates", "t"]);
        out.code(2);
        assert_eq!(
            out.stderr_text(),
            format!(
                "error: cannot typeset the PDF; the line is one of the Typst source the template \
                 made, which `weekly build --format typst` writes:\n\
                 bulletin.typ:{line}: unknown variable: nonsense\n  {line} | #nonsense()\n"
            ),
            "{template}"
        );
        assert!(!dir.join("a.pdf").exists());
    }
    // The exported built-in template opens with a comment its tags take away: the line is
    // the Typst source's, and its text says where it is in the template.
    weekly()
        .args(["templates", "export", "--force"])
        .arg(dir.join("t"))
        .run()
        .success();
    let exported = fs::read_to_string(dir.join("t/bulletin.typ")).unwrap();
    let at = exported.find("#let red").unwrap();
    fs::write(
        dir.join("t/bulletin.typ"),
        format!("{}#nonsense()\n{}", &exported[..at], &exported[at..]),
    )
    .unwrap();
    let out = build(dir, &["-o", "a.pdf", "--templates", "t"]);
    out.code(2);
    let typst = build(dir, &["--format", "typst", "--templates", "t"]);
    let line = typst
        .stdout_text()
        .lines()
        .position(|l| l == "#nonsense()")
        .unwrap()
        + 1;
    assert!(
        out.stderr_text().ends_with(&format!(
            "bulletin.typ:{line}: unknown variable: nonsense\n  {line} | #nonsense()\n"
        )),
        "{}",
        out.stderr_text()
    );
}

/// Font files that would take minutes and gigabytes to read are left out at once, each named
/// in a warning, and the PDF is set in the fonts that remain: a face whose character map's
/// 60 000 groups each claim all of Unicode, a collection claiming 2³²−1 faces, a file cut
/// short.
// The PDF is typeset only with the `pdf` feature (scripts/mutants.sh builds without it).
#[cfg(feature = "pdf")]
#[test]
fn crafted_fonts_are_left_out_with_a_warning() {
    if !chinese_fonts() {
        return;
    }
    let tmp = series_copy();
    let dir = tmp.path();
    let fonts = dir.join("fonts");
    fs::create_dir(&fonts).unwrap();
    // One face whose only table is a character map of format 12 groups.
    let groups = 60_000u32;
    let mut cmap = vec![0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12, 0, 12, 0, 0];
    cmap.extend((16 + 12 * groups).to_be_bytes());
    cmap.extend([0; 4]);
    cmap.extend(groups.to_be_bytes());
    for _ in 0..groups {
        cmap.extend(0u32.to_be_bytes());
        cmap.extend(0x10FFFFu32.to_be_bytes());
        cmap.extend(1u32.to_be_bytes());
    }
    let mut face = vec![0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    face.extend(b"cmap");
    face.extend([0; 4]);
    face.extend(28u32.to_be_bytes());
    face.extend((cmap.len() as u32).to_be_bytes());
    face.extend(cmap);
    fs::write(fonts.join("everything.ttf"), &face).unwrap();
    let mut ttc = b"ttcf".to_vec();
    ttc.extend([0, 1, 0, 0]);
    ttc.extend(u32::MAX.to_be_bytes());
    fs::write(fonts.join("many.ttc"), ttc).unwrap();
    fs::write(fonts.join("cut.otf"), b"OTTO").unwrap();
    let out = build(dir, &["-o", "a.pdf", "--font-path", "fonts"]);
    out.success();
    let said = out.stderr_text();
    for (name, why) in [
        ("everything.ttf", "claim more than 400000 characters"),
        ("many.ttc", "claims 4294967295 faces"),
        ("cut.otf", "damaged or cut short"),
    ] {
        assert!(
            said.contains(&format!("warning: the font `fonts/{name}` is left out: "))
                && said.contains(why),
            "{name}: {said}"
        );
    }
    assert!(fs::read(dir.join("a.pdf")).unwrap().starts_with(b"%PDF"));
}

/// A PDF set without the official fonts says so, whatever `--verbose`: here with Noto Serif
/// CJK SC alone, each face it stood in for, with the official name, and that the （一）
/// headings then look like the body; in Chinese too.
// The PDF is typeset only with the `pdf` feature; a link to the machine's font needs Unix.
#[cfg(all(feature = "pdf", unix))]
#[test]
fn a_pdf_set_in_stand_ins_says_which() {
    if !chinese_fonts() {
        return;
    }
    let listed = std::process::Command::new("fc-list")
        .args(["--format", "%{file}\n", "Noto Serif CJK SC"])
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    let Some(serif) = listed.lines().next() else {
        assert!(!in_ci(), "CI installs fonts-noto-cjk before the tests");
        notice("no Noto Serif CJK SC here: the stand-in warning is not tested");
        return;
    };
    let tmp = series_copy();
    let dir = tmp.path();
    fs::create_dir(dir.join("fonts")).unwrap();
    std::os::unix::fs::symlink(serif, dir.join("fonts/serif.ttc")).unwrap();
    let only_serif = [
        "--ignore-system-fonts",
        "--font-path",
        "fonts",
        "--no-font-cache",
    ];
    let out = build(dir, &[&["-o", "a.pdf"][..], &only_serif].concat());
    out.success();
    let stand_ins = "仿宋 (仿宋_GB2312) in Noto Serif CJK SC, 黑体 (黑体) in Noto Serif CJK SC, 楷体 (楷体_GB2312) in Noto Serif CJK SC, 小标宋 (方正小标宋简体) in Noto Serif CJK SC, 宋体 (宋体) in Noto Serif CJK SC";
    assert_eq!(
        out.stderr_text(),
        format!(
            "warning: `a.pdf` is set in stand-ins, for this machine has none of the official fonts: {stand_ins}; the （一） headings are then set as the body is: install a 楷体 (Debian: apt-get install fonts-lxgw-wenkai); to print in the official fonts, install them or give --font-path DIR\n"
        )
    );
    let out = build(
        dir,
        &[&["-o", "b.pdf", "--lang", "zh"][..], &only_serif].concat(),
    );
    out.success();
    assert!(
        out.stderr_text().starts_with(
            "警告：本机没有公文规定的字体，`b.pdf` 改用以下字体排印：仿宋（仿宋_GB2312）用 Noto Serif CJK SC，"
        ),
        "{}",
        out.stderr_text()
    );
    // Nothing is said of a PDF that goes without a stand-in: a user's template naming its own
    // fonts.
    fs::create_dir(dir.join("mine")).unwrap();
    fs::write(
        dir.join("mine/bulletin.typ"),
        "#set text(font: \"Noto Serif CJK SC\")\n{{ title | typ_text }}\n",
    )
    .unwrap();
    let out = build(
        dir,
        &[&["-o", "c.pdf", "--templates", "mine"][..], &only_serif].concat(),
    );
    out.success();
    assert_eq!(out.stderr_text(), "");
}
