//! No input makes weekly panic: arbitrary bytes and mutations of the example go through
//! decode → parse → validate → model → render. PROPTEST_CASES=100000 runs longer.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use weekly::input::files::Memory;
use weekly::load::{Loaded, Loader};
use weekly::model::Bulletin;
use weekly::render::{self, Format, Options};

use crate::util::root;

const EXAMPLE: &[u8] = include_bytes!("../../examples/2023-39.yaml");

/// The whole library path a file takes: findings must point inside the text and render,
/// and every valid issue must render with both built-in templates.
fn pipeline(bytes: &[u8]) {
    let files = Memory::default().with("x.yaml", bytes);
    let loaded = Loader::new(&files).load(Path::new("x.yaml")).unwrap();
    if let Some(issue) = &loaded.issue {
        // The PDF is typeset from the Typst source rendered here; typesetting it (a Typst
        // compile with the system's fonts) is tested in pdf.rs, not for every mutation.
        for format in Format::ALL.into_iter().filter(|f| *f != Format::Pdf) {
            let out = render::render(&Bulletin::new(issue), format, &Options::default())
                .unwrap_or_else(|e| panic!("a built-in template failed: {e}"));
            assert!(!out.is_empty());
        }
    }
    let lines = weekly::diag::Lines::new(&loaded.text);
    for d in &loaded.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= loaded.text.len(),
            "{d:?}"
        );
        for lang in [weekly::i18n::Lang::En, weekly::i18n::Lang::Zh] {
            weekly::diag::human::human(d, "x.yaml", &lines, false, lang);
        }
    }
}

/// An edit of the example: delete, insert or replace a stretch of bytes, or repeat a line.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Replace(usize, u8),
    RepeatLine(usize),
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match edit {
        Edit::Delete(i, n) => {
            let start = at(*i, bytes.len());
            let end = (start + n).min(bytes.len());
            bytes.drain(start..end);
        }
        Edit::Insert(i, new) => {
            let start = at(*i, bytes.len());
            bytes.splice(start..start, new.iter().copied());
        }
        Edit::Replace(i, b) => {
            if !bytes.is_empty() {
                let i = i % bytes.len();
                bytes[i] = *b;
            }
        }
        Edit::RepeatLine(i) => {
            let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
            if !lines.is_empty() {
                let line = lines[i % lines.len()].to_vec();
                let start: usize = lines[..i % lines.len()].iter().map(|l| l.len()).sum();
                bytes.splice(start..start, line);
            }
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that matter to YAML and to the checks, beside arbitrary ones.
    let interesting =
        prop::sample::select(b"-:{}[],'\"#&*!|>%@ \n\t0123456789\xe3\x80\x82\xef\xbc\x8c".to_vec());
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(i, n)| Edit::Delete(i, n)),
        (
            any::<usize>(),
            prop::collection::vec(interesting.clone(), 1..8)
        )
            .prop_map(|(i, b)| Edit::Insert(i, b)),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Edit::Insert(i, b)),
        (any::<usize>(), interesting).prop_map(|(i, b)| Edit::Replace(i, b)),
        any::<usize>().prop_map(Edit::RepeatLine),
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        pipeline(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,2000}") {
        pipeline(text.as_bytes());
    }

    #[test]
    fn mutations_of_the_example_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let mut bytes = EXAMPLE.to_vec();
        for e in &edits {
            apply(&mut bytes, e);
        }
        pipeline(&bytes);
    }
}

/// The language server, on a mutation of the example: every request at any place, and an
/// edit of any range, answered without a panic; each answer to a request is one response.
fn language_server(text: &str, places: &[(u32, u32, u32, u32)], insert: &str) {
    use lsp_server::{Message, Notification, Request, RequestId};
    use serde_json::json;
    let files = Memory::default().with(
        "/2023-38.yaml",
        include_bytes!("../../examples/2023-38.yaml"),
    );
    let mut server = weekly::lsp::Server::new(files, weekly::i18n::Lang::Zh);
    let mut id = 0;
    let mut request = |server: &mut weekly::lsp::Server<Memory>, method: &str, params| {
        id += 1;
        let r = Request::new(RequestId::from(id), method.to_owned(), params);
        let out = server.handle(Message::Request(r));
        assert!(matches!(out.as_slice(), [Message::Response(r)] if r.id == RequestId::from(id)));
    };
    let note = |server: &mut weekly::lsp::Server<Memory>, method: &str, params| {
        server.handle(Message::Notification(Notification::new(
            method.to_owned(),
            params,
        )))
    };
    request(&mut server, "initialize", json!({ "capabilities": {} }));
    let uri = "file:///2023-39.yaml";
    let doc = json!({ "uri": uri, "languageId": "yaml", "version": 1, "text": text });
    note(
        &mut server,
        "textDocument/didOpen",
        json!({ "textDocument": doc }),
    );
    for &(line, character, line2, character2) in places {
        let at = json!({ "line": line, "character": character });
        let to = json!({ "line": line2, "character": character2 });
        let spot = json!({ "textDocument": { "uri": uri }, "position": at });
        request(&mut server, "textDocument/hover", spot.clone());
        request(&mut server, "textDocument/completion", spot.clone());
        request(&mut server, "textDocument/definition", spot);
        let range = json!({ "start": at, "end": to });
        let asked = json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": [] } });
        request(&mut server, "textDocument/codeAction", asked);
        let change = json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "range": range, "text": insert }],
        });
        let published = note(&mut server, "textDocument/didChange", change);
        assert_eq!(published.len(), 1);
    }
}

proptest! {
    #[test]
    fn the_language_server_never_panics(
        edits in prop::collection::vec(edit(), 0..4),
        places in prop::collection::vec((0u32..120, 0u32..60, 0u32..120, 0u32..60), 1..4),
        insert in "[a-z：:　\t\n 周报-]{0,6}",
    ) {
        let mut bytes = EXAMPLE.to_vec();
        for e in &edits {
            apply(&mut bytes, e);
        }
        language_server(&String::from_utf8_lossy(&bytes), &places, &insert);
    }
}

#[test]
fn the_example_goes_through_the_whole_pipeline() {
    let files = Memory::default().with("2023-39.yaml", EXAMPLE).with(
        "2023-38.yaml",
        include_bytes!("../../examples/2023-38.yaml"),
    );
    let loaded = Loader::new(&files).load(Path::new("2023-39.yaml")).unwrap();
    assert_eq!(loaded.diagnostics, []);
    assert!(loaded.issue.is_some());
    pipeline(EXAMPLE);
}

/// The fuzzer's minimised corpus (fuzz/saved) and its seeds, replayed through the fuzz
/// target's path on stable.
#[test]
fn fuzz_corpus_replays_without_a_panic() {
    let root = root().join("fuzz");
    let mut replayed = 0;
    for dir in ["saved", "seeds"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let bytes = fs::read(entry.unwrap().path()).unwrap();
            let files = Memory::default().with("issue.yaml", bytes);
            if let Ok(Loaded {
                issue: Some(issue), ..
            }) = Loader::new(&files).load(Path::new("issue.yaml"))
            {
                for format in Format::ALL.into_iter().filter(|f| *f != Format::Pdf) {
                    render::render(&Bulletin::new(&issue), format, &Options::default()).unwrap();
                }
            }
            replayed += 1;
        }
    }
    assert!(replayed > 100, "the corpus is missing: {replayed} inputs");
}

/// Every file of a fuzz corpus folder under fuzz/, if the folder is there.
fn corpus(folders: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for folder in folders {
        let Ok(entries) = fs::read_dir(root().join("fuzz").join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            out.push((path.display().to_string(), fs::read(&path).unwrap()));
        }
    }
    out
}

/// The font fuzzer's seeds and corpus: each file looked over as a font is, and what that lets
/// through read by the typesetter, without a panic. The seeds hold the crafted fonts that
/// took minutes: a character map of groups that each claim all of Unicode, a collection
/// claiming 2³²−1 faces; both are refused. (How long each takes is `scripts/bench.sh`'s.)
#[test]
fn font_fuzz_corpus_replays_without_a_panic() {
    use weekly::render::font_check::{self, Problem};
    let files = corpus(&["seeds-font", "saved-font"]);
    assert!(files.len() >= 5, "the font seeds are missing");
    let mut refused = Vec::new();
    for (name, bytes) in &files {
        if let Err(problem) = font_check::faces(bytes) {
            refused.push((name.rsplit(['/', '\\']).next().unwrap().to_owned(), problem));
        }
        #[cfg(feature = "pdf")]
        {
            use weekly::render::{FontFile, FontIndex, Stamp};
            let stamp = Stamp {
                len: 0,
                modified: 0,
            };
            if let Ok(file) = FontFile::read(name.into(), stamp, bytes) {
                let index = FontIndex::new(vec![file]);
                assert_eq!(FontIndex::parse(&index.to_bytes()).as_ref(), Some(&index));
            }
        }
    }
    assert!(refused.contains(&("everything.ttf".to_owned(), Problem::TooManyCodePoints)));
    assert!(refused.contains(&("many-faces.ttc".to_owned(), Problem::TooManyFaces(u32::MAX))));
}

/// The Word fuzzer's seeds and corpus: every document read or refused, without a panic. The
/// seeds, the example as weekly writes it and as LibreOffice writes it from the HTML, are read
/// with the bulletin's title in them.
#[test]
fn docx_fuzz_corpus_replays_without_a_panic() {
    let files = corpus(&["seeds-docx", "saved-docx"]);
    assert!(
        files.len() > 100,
        "the Word corpus is missing: {} inputs",
        files.len()
    );
    let mut titled = Vec::new();
    for (name, bytes) in &files {
        let read = weekly::import::docx::paragraphs(bytes);
        let text: String = read
            .iter()
            .flat_map(|read| read.paragraphs.iter())
            .flatten()
            .map(|run| run.text.as_str())
            .collect();
        if text.contains("窗口工作周报") {
            titled.push(name.rsplit(['/', '\\']).next().unwrap().to_owned());
        }
    }
    for seed in ["weekly-2023-39.docx", "libreoffice-from-html.docx"] {
        assert!(
            titled.iter().any(|name| name == seed),
            "{seed} is not read: {titled:?}"
        );
    }
}
