//! The Word document: unzipped, its XML holds the page set-up, the fonts on every run, the red
//! masthead and rule, the page numbers, and every line of the reference issue.

use std::io::Read;
#[cfg(unix)]
use std::process::Command;

#[cfg(unix)]
use crate::util::TestCommand;
use crate::util::{assert_golden, example, root, weekly};

/// Builds the example to a .docx and returns its parts by name.
fn parts() -> std::collections::BTreeMap<String, String> {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bulletin.docx");
    let run = weekly()
        .args(["build", "--format", "docx", "-o"])
        .arg(&out)
        .arg(example())
        .run();
    run.success();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut parts = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut text = String::new();
        if file.read_to_string(&mut text).is_ok() {
            parts.insert(file.name().to_owned(), text);
        }
    }
    parts
}

/// One element a line, so that the golden reads and diffs.
fn normalised(xml: &str) -> String {
    xml.replace("><", ">\n<") + "\n"
}

#[test]
fn the_document_is_laid_out_as_a_bulletin() {
    let parts = parts();
    let doc = &parts["word/document.xml"];
    // A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twips).
    assert!(
        doc.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#),
        "page size"
    );
    for margin in [
        r#"w:top="2098""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
        r#"w:right="1474""#,
    ] {
        assert!(doc.contains(margin), "{margin}");
    }
    // Every run names its East Asian font; body text is 仿宋 三号.
    let runs = doc.matches("<w:r>").count();
    assert!(runs > 30);
    assert_eq!(
        doc.matches("w:eastAsia=").count(),
        runs,
        "a run without an East Asian font"
    );
    assert!(doc.contains(r#"w:eastAsia="仿宋_GB2312""#) && doc.contains(r#"<w:sz w:val="32" />"#));
    // Red 小标宋 masthead, red rule, 黑体 and 楷体 headings.
    assert!(doc.contains(r#"<w:color w:val="E60012" /><w:rFonts w:ascii="方正小标宋简体""#));
    assert!(doc.contains(r#"w:color="E60012""#), "the red rule");
    assert!(
        doc.contains(r#"w:eastAsia="黑体" /></w:rPr><w:t xml:space="preserve">一、领导批示</w:t>"#)
    );
    assert!(doc.contains(r#"w:eastAsia="楷体_GB2312" /></w:rPr><w:t xml:space="preserve">（一）省本级综窗办件情况</w:t>"#));
    // The GB/T 9704 grid: 22 lines of 28.95 pt, cells of 16 pt less 849/4096 pt, 28 to the
    // 156 mm line; body paragraphs and headings justified across it.
    assert!(
        doc.contains(
            r#"<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849" />"#
        )
    );
    assert_eq!(
        doc.matches(r#"<w:jc w:val="both" />"#).count(),
        doc.matches(r#"w:firstLine="640""#).count()
    );
    // The closing block: a table floating to the foot of the text block, ruled above and below,
    // its row never split across pages.
    let closing = doc
        .split("<w:tbl>")
        .nth(1)
        .expect("the closing block's table");
    assert!(
        closing.contains(r#"w:vertAnchor="margin""#) && closing.contains(r#"w:tblpYSpec="bottom""#)
    );
    assert!(
        closing.contains("<w:top w:val=\"single\"")
            && closing.contains("<w:bottom w:val=\"single\"")
    );
    assert!(
        closing.contains("<w:cantSplit />")
            && closing.contains("送：")
            && closing.contains("（共印91份）")
    );
    // Overflow punctuation set for every paragraph (LibreOffice then keeps marks inside the
    // text block, README); the grid's cell comes from the Normal style.
    let styles = &parts["word/styles.xml"];
    assert!(
        styles.contains(
            r#"<w:pPrDefault><w:pPr><w:overflowPunct w:val="1" /></w:pPr></w:pPrDefault>"#
        )
    );
    assert!(styles.contains(r#"w:styleId="Normal""#) && styles.contains(r#"w:eastAsia="zh-CN""#));
    let footer_style = styles
        .split(r#"w:styleId="Footer""#)
        .nth(1)
        .expect("a footer style");
    assert!(footer_style.starts_with(r#"><w:name w:val="footer" /><w:basedOn w:val="Normal" />"#));
    assert!(footer_style.contains(r#"<w:sz w:val="28" />"#));
    // No paragraph holds back a lone line.
    assert_eq!(
        doc.matches("<w:widowControl w:val=\"0\" />").count(),
        doc.matches("<w:spacing w:line=").count()
    );
    // The font table says which fonts are serif (roman) and which sans (swiss).
    let fonts = &parts["word/fontTable.xml"];
    assert!(fonts.contains(r#"<w:font w:name="黑体"><w:altName w:val="SimHei" /><w:panose1 w:val="02010609060101010101" /><w:charset w:val="86" /><w:family w:val="swiss" />"#));
    assert!(
        fonts.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong_GB2312" />"#)
    );
    assert_eq!(fonts.matches(r#"<w:family w:val="roman" />"#).count(), 4);
    // Page numbers in odd (right) and even (left) footers.
    let footers: Vec<&String> = parts
        .iter()
        .filter(|(k, _)| k.starts_with("word/footer"))
        .map(|(_, v)| v)
        .collect();
    assert_eq!(footers.len(), 2);
    assert!(
        footers
            .iter()
            .all(|f| f.contains("PAGE") && f.contains("— "))
    );
    // The number in 四号 like its dashes, one character (14 pt) in from the outer edge.
    for f in &footers {
        let number = f.split("<w:instrText>PAGE").next().unwrap();
        assert!(
            number.ends_with(
                r#"w:eastAsia="宋体" /></w:rPr><w:fldChar w:fldCharType="begin" w:dirty="false" />"#
            ),
            "{f}"
        );
        assert_eq!(f.matches(r#"<w:sz w:val="28" />"#).count(), 3, "{f}");
        // …and in a paragraph of that size, which LibreOffice sets the field's digits in.
        assert!(f.contains(r#"<w:pStyle w:val="Footer" />"#), "{f}");
        assert!(
            f.contains(r#"w:right="280""#) || f.contains(r#"w:left="280""#),
            "{f}"
        );
    }
    assert!(parts["word/settings.xml"].contains("evenAndOddHeaders"));
    // Every line of the reference, as text.
    let text: String = doc
        .split("<w:t xml:space=\"preserve\">")
        .skip(1)
        .filter_map(|t| t.split("</w:t>").next())
        .collect();
    let reference = std::fs::read_to_string(root().join("tests/golden/2023-39.txt")).unwrap();
    for line in reference.lines().filter(|l| !l.is_empty()) {
        assert!(text.contains(line), "missing from the document: {line}");
    }
    assert_golden(
        &root().join("tests/golden/2023-39.docx.xml"),
        &normalised(doc),
    );
}

#[test]
fn a_word_document_is_not_written_to_a_terminal_but_goes_down_a_pipe() {
    // Under the test harness stdout is a pipe: the document goes to it.
    let run = weekly()
        .args(["build", "--format", "docx"])
        .arg(example())
        .run();
    run.success();
    assert!(run.stdout.starts_with(b"PK"), "a zip archive");
}

/// On a terminal (made with util-linux `script`, which Debian always has), the document is
/// refused rather than printed.
#[cfg(unix)]
#[test]
fn a_word_document_is_refused_on_a_terminal() {
    assert!(
        Command::new("script").arg("--version").output().is_ok(),
        "this test needs `script` (util-linux) to make a terminal"
    );
    let weekly = env!("CARGO_BIN_EXE_weekly");
    let example = example();
    let run = TestCommand::new("script")
        .args([
            "-qec",
            &format!("{weekly} build --format docx {}", example.display()),
            "/dev/null",
        ])
        .run();
    run.code(2);
    let shown = String::from_utf8_lossy(&run.stdout);
    assert!(shown.contains("a Word document is binary"), "{shown}");
    assert!(!shown.contains("PK"), "the archive reached the terminal");
    // Text is printed on a terminal.
    let text = TestCommand::new("script")
        .args([
            "-qec",
            &format!("{weekly} build --format md {}", example.display()),
            "/dev/null",
        ])
        .run();
    text.success();
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(shown.contains("2023 年第 39 期（总第 459 期）"), "{shown}");
}
