//! `weekly import`: every issue the repository holds, built and imported back, builds the
//! same bytes again; a batch becomes a linked folder that checks clean.

use std::fs;
use std::path::{Path, PathBuf};

use crate::fixture::{self, Prepared};
use crate::util::{assert_same_bytes, root, scratch, text, weekly, yaml_files};

/// The issues that build: every example and every fixture issue that `weekly build` takes,
/// each fixture's in a copy of its inputs, kept in `copies`. Left out are those with blanks
/// at the ends of a text (W026): a printed line does not show them, so an import cannot
/// give them back.
fn buildable(copies: &mut Vec<Prepared>) -> Vec<PathBuf> {
    let mut all = yaml_files(&root().join("examples"));
    let (fixtures, inputs) = fixture::yaml_inputs();
    copies.extend(fixtures);
    all.extend(inputs);
    all.into_iter()
        .filter(|p| {
            let built = weekly().arg("build").arg(p).run();
            built.status.success() && !built.stderr_text().contains("[W026]: the text")
        })
        .collect()
}

/// `weekly build FILE --format FORMAT`, its bytes.
fn build(file: &Path, format: &str) -> Vec<u8> {
    let out = weekly().args(["build", "--format", format]).arg(file).run();
    out.success();
    out.stdout
}

/// Built as `format`, imported, built again: the same bytes, for every issue that builds.
fn round_trip(format: &str, ext: &str) {
    let tmp = scratch();
    let mut copies = Vec::new();
    let issues = buildable(&mut copies);
    assert!(issues.len() > 100, "only {} issues build", issues.len());
    let mut failures = Vec::new();
    for (i, issue) in issues.iter().enumerate() {
        let first = build(issue, format);
        let printed = tmp.path().join(format!("{i}.{ext}"));
        fs::write(&printed, &first).unwrap();
        let imported = weekly().arg("import").arg(&printed).run();
        if !imported.status.success() {
            failures.push(format!(
                "{}: import failed: {}",
                issue.display(),
                imported.stderr_text()
            ));
            continue;
        }
        let again = tmp.path().join(format!("{i}.yaml"));
        fs::write(&again, &imported.stdout).unwrap();
        let out = weekly()
            .args(["build", "--format", format])
            .arg(&again)
            .run();
        if !out.status.success() || out.stdout != first {
            failures.push(format!(
                "{}: built again from the import, {} differs:\n{}",
                issue.display(),
                format,
                out.stderr_text()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn markdown_round_trips() {
    round_trip("md", "md");
}

#[test]
fn text_round_trips() {
    round_trip("text", "txt");
}

#[test]
fn word_round_trips() {
    round_trip("docx", "docx");
}

/// The example's Word document with its headings and numbered paragraphs made Word's own
/// lists: `一、`, `（一）` and `1.` taken out of the text and put in `numbering.xml`, levels 0,
/// 1 and 2 of one list, as a clerk's list styles number them. The sections' headings take
/// theirs from their paragraph style, the rest from their own `w:numPr`.
fn with_word_lists(docx: &[u8]) -> Vec<u8> {
    let (docx, listed) = in_word_lists(docx, "chineseCounting");
    // Five sections, three subsections, and the nine numbered directives and items.
    assert_eq!(listed, [5, 3, 9]);
    docx
}

/// A Word document weekly built with its headings and numbered paragraphs made Word's own
/// lists, as [`with_word_lists`] says, the headings' two levels numbered in the `w:numFmt`
/// `chinese`; and how many paragraphs of each level were listed.
fn in_word_lists(docx: &[u8], chinese: &str) -> (Vec<u8>, [usize; 3]) {
    const T: &str = r#"<w:t xml:space="preserve">"#;
    // The level a paragraph's label is, and its length in bytes.
    let label = |text: &str| -> Option<(usize, usize)> {
        let numeral = |s: &str| {
            s.chars()
                .take_while(|c| "一二三四五六七八九十".contains(*c))
                .map(char::len_utf8)
                .sum::<usize>()
        };
        let n = numeral(text);
        if n > 0 && text[n..].starts_with('、') {
            return Some((0, n + '、'.len_utf8()));
        }
        if let Some(inner) = text.strip_prefix('（') {
            let n = numeral(inner);
            if n > 0 && inner[n..].starts_with('）') {
                return Some((1, 2 * '（'.len_utf8() + n));
            }
        }
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && text[digits..].starts_with('.')).then_some((2, digits + 1))
    };
    let mut listed = [0; 3];
    let docx = rewrite(docx, |name, bytes| {
        match name {
        "word/document.xml" => {
            let xml = String::from_utf8(bytes).unwrap();
            let mut paras = xml.split("<w:p ");
            let mut edited = paras.next().unwrap().to_owned();
            for p in paras {
                let mut p = p.to_owned();
                let at = p.find(T).map(|t| t + T.len());
                if let Some((level, len)) = at.and_then(|at| label(&p[at..])) {
                    let at = at.unwrap();
                    p.replace_range(at..at + len, "");
                    let props = p.find("<w:pPr>").unwrap() + "<w:pPr>".len();
                    let numbered = match level {
                        0 => r#"<w:pStyle w:val="ListHeading"/>"#.to_owned(),
                        _ => format!(
                            r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="5"/></w:numPr>"#
                        ),
                    };
                    p.insert_str(props, &numbered);
                    listed[level] += 1;
                }
                edited.push_str("<w:p ");
                edited.push_str(&p);
            }
            edited.into_bytes()
        }
        "word/numbering.xml" => {
            let lvl = |i: usize, fmt: &str, text: &str| {
                format!(
                    r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>"#
                )
            };
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="2">{}{}{}</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#,
                lvl(0, chinese, "%1、"),
                lvl(1, chinese, "（%2）"),
                lvl(2, "decimal", "%3."),
            )
            .into_bytes()
        }
        "word/styles.xml" => String::from_utf8(bytes)
            .unwrap()
            .replace(
                "</w:styles>",
                r#"<w:style w:type="paragraph" w:styleId="ListHeading"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>"#,
            )
            .into_bytes(),
        // The relationship Word and LibreOffice find the lists by.
        "word/_rels/document.xml.rels" => {
            let rels = String::from_utf8(bytes).unwrap();
            let numbering = r#"<Relationship Id="rIdLists" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#;
            rels.replace("</Relationships>", &format!("{numbering}</Relationships>"))
                .into_bytes()
        }
        _ => bytes,
    }
    });
    (docx, listed)
}

/// Headings and numbered paragraphs numbered by Word's own lists import as the numbers Word
/// shows: the issue builds the reference again.
#[test]
fn word_lists_are_read_as_the_numbers_they_show() {
    let plain = build(&root().join("examples/2023-39.yaml"), "docx");
    imports_to_the_reference(&with_word_lists(&plain));
}

/// Sections numbered by Word's lists in each of its Chinese counting formats, 千 counting
/// (`chineseCountingThousand`, Word's `一, 二, 三 (简)…`) among them, import as the numerals
/// Word shows, past 十 too: the example with six more sections, eleven in all, as a Word
/// document whose `一、` to `十一、` and `（一）` come from `numbering.xml`, imports and
/// builds the Markdown the issue builds.
#[test]
fn word_lists_in_each_chinese_counting_format_read_as_their_numerals() {
    let tmp = scratch();
    let example = fs::read_to_string(root().join("examples/2023-39.yaml")).unwrap();
    let more: String = [
        "项目审批",
        "数据共享",
        "营商环境",
        "队伍建设",
        "信访办理",
        "其他事项",
    ]
    .iter()
    .map(|t| {
        format!("  - title: {t}\n    items:\n      - 本周，{t}第一项工作完成。\n      - 本周，{t}第二项工作完成。\n\n")
    })
    .collect();
    let eleven = example
        .replacen("previous: 2023-38.yaml\n", "", 1)
        .replacen("# 报尾", &format!("{more}# 报尾"), 1);
    let issue = tmp.path().join("eleven.yaml");
    fs::write(&issue, eleven).unwrap();
    let md = build(&issue, "md");
    assert!(text(&md).contains("十一、其他事项"), "{}", text(&md));
    let plain = build(&issue, "docx");
    for format in [
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "japaneseCounting",
    ] {
        let (docx, listed) = in_word_lists(&plain, format);
        // Eleven sections, three subsections, the nine numbered paragraphs of the example
        // and two in each section added.
        assert_eq!(listed, [11, 3, 21], "{format}");
        imports_to(
            &docx,
            format,
            &md,
            format_args!("a Word document numbered in {format}, imported and built again,"),
        );
    }
}

/// The example's Word document with its first paragraph, the title, moved into a text box
/// anchored in an empty paragraph, as Word writes one: the drawing for Word 2010 and later,
/// and a VML copy for older readers, which must not be read twice.
fn with_title_in_a_text_box(docx: &[u8]) -> Vec<u8> {
    rewrite(docx, |name, bytes| {
        if name != "word/document.xml" {
            return bytes;
        }
        let xml = String::from_utf8(bytes).unwrap();
        let start = xml.find("<w:body>").unwrap() + "<w:body>".len();
        let end = xml[start..].find("</w:p>").unwrap() + start + "</w:p>".len();
        let title = &xml[start..end];
        assert!(title.contains("窗口工作周报"), "{title}");
        let choice = format!(
            r#"<w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" layoutInCell="1" allowOverlap="1" relativeHeight="2"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom="line"><wp:align>top</wp:align></wp:positionV><wp:extent cx="5400000" cy="900000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="Title"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="900000"/></a:xfrm><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent>{title}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"#
        );
        let fallback = format!(
            r#"<w:pict><v:rect style="width:425pt;height:71pt"><v:textbox><w:txbxContent>{title}</w:txbxContent></v:textbox></v:rect></w:pict>"#
        );
        let anchored = format!(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r></w:p>"#
        );
        format!("{}{anchored}{}", &xml[..start], &xml[end..]).into_bytes()
    })
}

/// The parts of a Word document, each passed through `edit` by name.
fn rewrite(docx: &[u8], mut edit: impl FnMut(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().to_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        let bytes = edit(&name, bytes);
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// `weekly import` of the Word document `docx`, built again as Markdown: the reference.
fn imports_to_the_reference(docx: &[u8]) {
    imports_to_the_golden(docx, "bulletin", "2023-39.md");
}

/// `weekly import` of the Word document `docx`, saved as `stem.docx`, without a word on
/// stderr, built again as Markdown: the golden `name` in tests/golden.
#[track_caller]
fn imports_to_the_golden(docx: &[u8], stem: &str, name: &str) {
    let golden = fs::read(root().join("tests/golden").join(name))
        .unwrap_or_else(|e| panic!("tests/golden/{name}: {e}"));
    imports_to(
        docx,
        stem,
        &golden,
        format_args!("the import of {stem}.docx built again, against tests/golden/{name},"),
    );
}

/// `weekly import` of the Word document `docx`, saved as `stem.docx`, without a word on
/// stderr, built again as Markdown: `expected`.
#[track_caller]
fn imports_to(docx: &[u8], stem: &str, expected: &[u8], what: std::fmt::Arguments<'_>) {
    let tmp = scratch();
    let file = tmp.path().join(format!("{stem}.docx"));
    fs::write(&file, docx).unwrap();
    let out = weekly().arg("import").arg(&file).run();
    out.success();
    assert!(out.stderr.is_empty(), "{}", out.stderr_text());
    let issue = tmp.path().join(format!("{stem}.yaml"));
    fs::write(&issue, &out.stdout).unwrap();
    let again = build(&issue, "md");
    assert_same_bytes(what, expected, &again);
}

/// The golden of the issue a Word document holds when weekly built it: its core properties'
/// title is the one weekly gives, `窗口工作周报 2023 年第 39 期（总第 459 期）`, whose
/// Markdown golden is `2023-39.md`. `None` for any other file.
fn golden_of_a_built_issue(bytes: &[u8]) -> Option<String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut core = String::new();
    zip.by_name("docProps/core.xml")
        .ok()?
        .read_to_string(&mut core)
        .ok()?;
    let title = core
        .split("<dc:title>")
        .nth(1)?
        .split("</dc:title>")
        .next()?;
    let (year, rest) = title.strip_prefix("窗口工作周报 ")?.split_once(" 年第 ")?;
    let (number, total) = rest.split_once(" 期（总第 ")?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let total = total.strip_suffix(" 期）")?;
    (all_digits(year) && all_digits(number) && all_digits(total))
        .then(|| format!("{year}-{number:0>2}.md"))
}

/// A title in a text box reads as the masthead's first line, once.
#[test]
fn a_text_box_is_read_where_it_is_anchored() {
    let plain = build(&root().join("examples/2023-39.yaml"), "docx");
    imports_to_the_reference(&with_title_in_a_text_box(&plain));
}

/// Headings and department names bold by a character style (`w:rStyle`), not by their own
/// `w:b`: the example's six bold runs given a style `Dept`, bold, based on one that is not.
#[test]
fn bold_from_a_character_style_marks_departments() {
    let plain = build(&root().join("examples/2023-39.yaml"), "docx");
    let mut styled = 0;
    let docx = rewrite(&plain, |name, bytes| {
        let xml = String::from_utf8(bytes).unwrap();
        match name {
            "word/document.xml" => {
                styled = xml.matches("<w:b />").count();
                xml.replace("<w:b />", r#"<w:rStyle w:val="Dept"/>"#)
            }
            "word/styles.xml" => xml.replace(
                "</w:styles>",
                concat!(
                    r#"<w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:b w:val="0"/><w:i/></w:rPr></w:style>"#,
                    r#"<w:style w:type="character" w:styleId="Dept"><w:basedOn w:val="Emphasis"/><w:rPr><w:b/></w:rPr></w:style>"#,
                    "</w:styles>"
                ),
            ),
            _ => xml,
        }
        .into_bytes()
    });
    assert_eq!(styled, 6);
    imports_to_the_reference(&docx);
}

/// Text loses the bold: the import says so, once, and the department items become text.
#[test]
fn text_says_it_has_no_bold() {
    let tmp = scratch();
    let printed = tmp.path().join("2023-39.txt");
    fs::write(
        &printed,
        build(&root().join("examples/2023-39.yaml"), "text"),
    )
    .unwrap();
    let out = weekly().arg("import").arg(&printed).run();
    out.success();
    let stderr = out.stderr_text();
    assert_eq!(stderr.matches("[W023]").count(), 1, "{stderr}");
    assert!(!out.stdout_text().contains("departments:"));
}

/// A folder of bulletins in any order becomes a folder of issues named after their
/// mastheads, each naming the week before; `weekly check` on it passes.
#[test]
fn a_batch_becomes_a_linked_folder() {
    let tmp = scratch();
    let mut inputs = Vec::new();
    for name in ["2023-40", "2023-38", "2023-39"] {
        let path = tmp.path().join(format!("{name}.md"));
        fs::write(
            &path,
            build(&root().join(format!("examples/{name}.yaml")), "md"),
        )
        .unwrap();
        inputs.push(path);
    }
    let dir = tmp.path().join("issues");
    let out = weekly()
        .arg("import")
        .args(&inputs)
        .arg("--dir")
        .arg(&dir)
        .run();
    out.success();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["2023-38.yaml", "2023-39.yaml", "2023-40.yaml"]);
    let first = fs::read_to_string(dir.join("2023-38.yaml")).unwrap();
    let second = fs::read_to_string(dir.join("2023-39.yaml")).unwrap();
    assert!(!first.contains("\nprevious:"), "{first}");
    assert!(second.contains("\nprevious: 2023-38.yaml\n"), "{second}");
    let check = weekly().arg("check").arg(&dir).run();
    check.success();
    // Again: nothing is replaced without --force.
    let again = weekly()
        .arg("import")
        .args(&inputs)
        .arg("--dir")
        .arg(&dir)
        .run();
    again.code(2);
    assert_eq!(fs::read_to_string(dir.join("2023-38.yaml")).unwrap(), first);
}

/// Several bulletins without --dir is a usage error.
#[test]
fn several_bulletins_need_a_folder() {
    let out = weekly().args(["import", "a.md", "b.md"]).run();
    out.code(2);
    assert!(out.stderr_text().contains("--dir"));
}

/// `weekly import` on `bytes` named `name`: its exit code and stderr. A panic exits 101.
fn import_bytes(name: &str, bytes: &[u8]) -> (Option<i32>, String) {
    let tmp = scratch();
    let path = tmp.path().join(name);
    fs::write(&path, bytes).unwrap();
    let out = weekly().arg("import").arg(&path).run();
    (out.status.code(), out.stderr_text())
}

/// A bulletin cut off anywhere imports or is refused as cut short (E030), never a panic.
#[test]
fn cut_short_anywhere() {
    let whole = text(&build(&root().join("examples/2023-39.yaml"), "md"));
    let cuts: Vec<usize> = whole.char_indices().map(|(i, _)| i).step_by(97).collect();
    for at in cuts {
        let (code, stderr) = import_bytes("cut.md", &whole.as_bytes()[..at]);
        assert_eq!(code, Some(1), "cut at {at}: {stderr}");
        assert!(stderr.contains("[E030]"), "cut at {at}: {stderr}");
    }
}

/// What is not a bulletin: each gives its finding and exit 1.
#[test]
fn hostile_inputs_are_refused_with_a_finding() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let random: Vec<u8> = (0..100_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    let issue = fs::read(root().join("examples/2023-39.yaml")).unwrap();
    let long_line = "本周，".repeat(450_000);
    let many_lines = "一、栏目\n\n1.条\n\n".repeat(190_000);
    let cases: [(&str, &[u8], &str); 8] = [
        ("random.txt", &random, "[E014]"),
        ("random.docx", &random, "[E031]"),
        ("issue.yaml", &issue, "[E030]"),
        (
            "letter.txt",
            "关于做好元旦春节期间有关工作的通知\n\n各处室：\n\n现将有关事项通知如下。\n".as_bytes(),
            "[E030]",
        ),
        ("empty.md", b"", "[E030]"),
        ("long-line.txt", long_line.as_bytes(), "[E030]"),
        ("many-headings.txt", many_lines.as_bytes(), "[E030]"),
        ("over-the-cap.txt", &vec![b'a'; 5 << 20], "[E017]"),
    ];
    for (name, bytes, code) in cases {
        let (exit, stderr) = import_bytes(name, bytes);
        assert_eq!(exit, Some(1), "{name}: {stderr}");
        assert!(stderr.contains(code), "{name}: expected {code}: {stderr}");
    }
}

/// A Word document that unpacks to far more than any bulletin is refused unread.
#[test]
fn a_zip_bomb_is_refused() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    let zeros = vec![b'0'; 1 << 20];
    for _ in 0..1024 {
        zip.write_all(&zeros).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 4 << 20, "{} bytes", bytes.len());
    let (exit, stderr) = import_bytes("bomb.docx", &bytes);
    assert_eq!(exit, Some(1), "{stderr}");
    assert!(stderr.contains("[E031]"), "{stderr}");
}

/// `-o` naming the bulletin being imported is refused, and the bulletin is left as it was.
#[test]
fn the_bulletin_is_never_its_own_output() {
    let tmp = scratch();
    let path = tmp.path().join("2023-39.md");
    let md = build(&root().join("examples/2023-39.yaml"), "md");
    fs::write(&path, &md).unwrap();
    let out = weekly()
        .arg("import")
        .arg(&path)
        .arg("-o")
        .arg(&path)
        .arg("--force")
        .run();
    out.code(2);
    assert_eq!(fs::read(&path).unwrap(), md);
}

/// In a batch, a file that is not a bulletin is reported (exit 1) and the others are
/// imported.
#[test]
fn a_batch_imports_what_it_can() {
    let tmp = scratch();
    let good = tmp.path().join("2023-39.md");
    fs::write(&good, build(&root().join("examples/2023-39.yaml"), "md")).unwrap();
    let bad = tmp.path().join("notice.txt");
    fs::write(&bad, "关于做好元旦春节期间有关工作的通知\n").unwrap();
    let dir = tmp.path().join("issues");
    let out = weekly()
        .args(["import", "--lang", "en"])
        .arg(&bad)
        .arg(&good)
        .arg("--dir")
        .arg(&dir)
        .run();
    out.code(1);
    let said = out.stderr_text();
    assert!(said.contains("[E030]"));
    assert!(dir.join("2023-39.yaml").is_file());
    // The summary names the bulletin left out, after those written.
    let left_out = format!("`{}` was not imported: see its errors above", bad.display());
    let written = said.find("imported `").unwrap();
    assert!(said[written..].contains(&left_out), "{said}");
}

/// A bulletin that printed no running total (总第 … 期) takes it from the week before: from
/// the batch, or from the folder, where an earlier run wrote it; each issue names last week's
/// file, whichever run wrote it, and the folder then checks clean. Alone, the total is left
/// blank and W030 says so.
#[test]
fn running_totals_and_links_come_from_the_batch_and_the_folder() {
    let tmp = scratch();
    let md = |n: u32| build(&root().join(format!("examples/2023-{n}.yaml")), "md");
    let (week_38, week_39) = (tmp.path().join("38.md"), tmp.path().join("39.md"));
    fs::write(&week_38, md(38)).unwrap();
    fs::write(&week_39, text(&md(39)).replace("（总第 459 期）", "")).unwrap();
    let import = |files: &[&Path], dir: &Path| {
        let out = weekly()
            .args(["import", "--lang", "en", "--force", "--dir"])
            .arg(dir)
            .args(files)
            .run();
        out.success();
        out.stderr_text()
    };
    let masthead = |dir: &Path| {
        let file = fs::read_to_string(dir.join("2023-39.yaml")).unwrap();
        let total = file
            .lines()
            .find(|l| l.starts_with("  total:"))
            .unwrap()
            .to_owned();
        let previous = file
            .lines()
            .find(|l| l.starts_with("previous:"))
            .map(str::to_owned);
        (total, previous)
    };

    let alone = tmp.path().join("alone");
    assert!(import(&[&week_39], &alone).contains("[W030]"));
    let (total, previous) = masthead(&alone);
    assert!(
        total.starts_with("  total:  ") && total.contains("# 总第"),
        "{total}"
    );
    assert_eq!(previous, None);

    let batch = tmp.path().join("batch");
    import(&[&week_39, &week_38], &batch);
    assert_eq!(
        masthead(&batch),
        ("  total: 459".into(), Some("previous: 2023-38.yaml".into()))
    );

    let runs = tmp.path().join("runs");
    import(&[&week_38], &runs);
    assert!(import(&[&week_39], &runs).contains("（总第 459 期）"));
    assert_eq!(
        masthead(&runs),
        ("  total: 459".into(), Some("previous: 2023-38.yaml".into()))
    );
    weekly().arg("check").arg(&runs).run().success();
}

/// `s` without the spaces between a Chinese character and a Latin letter or digit.
fn without_mixed_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let wide = |c: char| !c.is_ascii() && c != '\n';
    let latin = |c: char| c.is_ascii_alphanumeric();
    (0..chars.len())
        .filter(|&i| {
            let (Some(&a), Some(&b)) = (
                i.checked_sub(1).and_then(|j| chars.get(j)),
                chars.get(i + 1),
            ) else {
                return true;
            };
            !(chars[i] == ' ' && (wide(a) && latin(b) || latin(a) && wide(b)))
        })
        .map(|i| chars[i])
        .collect()
}

/// Text wrapped with `--width` imports back to the issue that printed it, but for a space
/// at a line break beside a Chinese character, which the wrapping drops and nothing can tell
/// from no space (the README says so): the examples at four widths.
#[test]
fn wrapped_text_round_trips_but_for_spaces_at_breaks() {
    let tmp = scratch();
    for example in crate::util::bulletin_examples() {
        let issue = root().join("examples").join(&example);
        let plain = text(&build(&issue, "text"));
        for width in ["30", "40", "56", "80"] {
            let out = weekly()
                .args(["build", "--format", "text", "--width", width])
                .arg(&issue)
                .run();
            let printed = tmp.path().join("wrapped.txt");
            fs::write(&printed, &out.stdout).unwrap();
            let imported = weekly().arg("import").arg(&printed).run();
            imported.success();
            let again = tmp.path().join("again.yaml");
            fs::write(&again, &imported.stdout).unwrap();
            let again = text(&build(&again, "text"));
            assert_eq!(
                without_mixed_spaces(&again),
                without_mixed_spaces(&plain),
                "{} at width {width}",
                example.display()
            );
        }
    }
}

/// The import fuzzer's minimised corpus (fuzz/saved-import), replayed on stable as the fuzz
/// target runs it: no panic, and every issue it reads writes a file that reads back. The
/// Word documents of an issue weekly built (edited or saved again by another program) import
/// and build again to that issue's golden.
#[test]
fn import_fuzz_corpus_replays() {
    use weekly::diag::Code;
    use weekly::i18n::Lang;
    use weekly::import::{self, From};
    use weekly::input::files::Memory;
    use weekly::load::Loader;
    let mut replayed = 0;
    let mut built = Vec::new();
    for entry in fs::read_dir(root().join("fuzz/saved-import")).unwrap() {
        let entry = entry.unwrap();
        let bytes = fs::read(entry.path()).unwrap();
        if let Some(golden) = golden_of_a_built_issue(&bytes) {
            let name = entry.file_name().to_string_lossy().into_owned();
            built.push((bytes.clone(), name, golden));
        }
        for from in From::ALL {
            let Some(draft) = import::import(&bytes, from).draft else {
                continue;
            };
            let text = weekly::issue_file::imported::issue_file(&draft, "fuzz", None, Lang::En);
            let files = Memory::default().with("issue.yaml", text.as_bytes());
            let loaded = Loader::new(&files).load(Path::new("issue.yaml")).unwrap();
            let unreadable = [Code::E001, Code::E002, Code::E003, Code::E005, Code::E014];
            assert!(
                !loaded
                    .diagnostics
                    .iter()
                    .any(|d| unreadable.contains(&d.code)),
                "{from:?}: the imported file does not read back:\n{text}"
            );
        }
        replayed += 1;
    }
    assert!(replayed > 100, "the corpus is missing: {replayed} inputs");
    assert!(
        !built.is_empty(),
        "no Word document of a built issue in the corpus"
    );
    for (docx, name, golden) in built {
        imports_to_the_golden(&docx, &name, &golden);
    }
}
