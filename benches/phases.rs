//! The phases of a build, timed apart, so that a regression shows in the phase that caused
//! it: `cargo bench`. Inputs are the example issue and the same with its lists of items and
//! directives repeated 100 times. `load` is the whole library path of a file, as every
//! command takes it (read from memory, decode, parse, validate, link to the previous issue).

use std::path::Path;

use weekly::check::validate::{self, Lints};
use weekly::input::files::Memory;
use weekly::input::yaml;
use weekly::issue::Issue;
use weekly::load::Loader;
use weekly::model::Bulletin;
use weekly::render::{self, Format, Options};

const EXAMPLE: &str = include_str!("../examples/2023-39.yaml");
const PREVIOUS: &str = include_str!("../examples/2023-38.yaml");

fn main() {
    divan::main();
}

/// The example with the block list under every `items:` and `directives:` key repeated `n`
/// times (counters and visits stay: repeated, they would be findings).
fn scaled(n: usize) -> String {
    let lines: Vec<&str> = EXAMPLE.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        out.push_str(line);
        out.push('\n');
        i += 1;
        let key = line.trim();
        if key == "items:" || key == "directives:" {
            let indent = line.len() - line.trim_start().len();
            let start = i;
            while i < lines.len()
                && (lines[i].trim().is_empty()
                    || lines[i].len() - lines[i].trim_start().len() > indent)
            {
                i += 1;
            }
            let block: String = lines[start..i].iter().map(|l| format!("{l}\n")).collect();
            out.push_str(&block.repeat(n));
        }
    }
    out
}

fn input(n: usize) -> String {
    if n == 1 {
        EXAMPLE.to_owned()
    } else {
        scaled(n)
    }
}

#[divan::bench(args = [1, 100])]
fn parse(bencher: divan::Bencher, n: usize) {
    let text = input(n);
    bencher.bench(|| yaml::parse(divan::black_box(&text)).unwrap());
}

fn files(n: usize) -> Memory {
    Memory::default()
        .with("2023-39.yaml", input(n))
        .with("2023-38.yaml", PREVIOUS)
}

#[divan::bench(args = [1, 100])]
fn load(bencher: divan::Bencher, n: usize) {
    let files = files(n);
    bencher.bench(|| {
        let loaded = Loader::new(&files)
            .load(divan::black_box(Path::new("2023-39.yaml")))
            .unwrap();
        assert!(loaded.issue.is_some());
        loaded
    });
}

#[divan::bench(args = [1, 100])]
fn validate(bencher: divan::Bencher, n: usize) {
    let text = input(n);
    let root = yaml::parse(&text).unwrap();
    bencher.bench(|| {
        let checked = validate::validate(divan::black_box(&root), &text, Lints::On);
        assert!(checked.issue.is_some());
        checked
    });
}

fn issue(n: usize) -> Issue {
    let files = files(n);
    let loaded = Loader::new(&files).load(Path::new("2023-39.yaml"));
    loaded.unwrap().issue.unwrap()
}

fn bulletin(n: usize) -> Bulletin {
    Bulletin::new(&issue(n))
}

#[divan::bench(args = [1, 100])]
fn model(bencher: divan::Bencher, n: usize) {
    let issue = issue(n);
    bencher.bench(|| Bulletin::new(divan::black_box(&issue)));
}

fn render(bencher: divan::Bencher, n: usize, format: Format) {
    let b = bulletin(n);
    let options = Options::default();
    bencher.bench(|| render::render(divan::black_box(&b), format, &options).unwrap());
}

#[divan::bench(args = [1, 100])]
fn render_markdown(bencher: divan::Bencher, n: usize) {
    render(bencher, n, Format::Markdown);
}

#[divan::bench(args = [1, 100])]
fn render_text(bencher: divan::Bencher, n: usize) {
    render(bencher, n, Format::Text);
}

#[divan::bench(args = [1, 100])]
fn render_html(bencher: divan::Bencher, n: usize) {
    render(bencher, n, Format::Html);
}

#[divan::bench(args = [1, 100])]
fn render_docx(bencher: divan::Bencher, n: usize) {
    render(bencher, n, Format::Docx);
}

/// `weekly lsp`: an edit to the open issue, to the diagnostics published for it (the whole
/// check, its previous issue read again, and the answer made).
#[divan::bench(args = [1, 100])]
fn lsp_edit(bencher: divan::Bencher, n: usize) {
    use lsp_server::{Message, Notification, Request, RequestId};
    use serde_json::json;
    let mut server = weekly::lsp::Server::new(files(n), weekly::i18n::Lang::Zh);
    let uri = "file:///2023-39.yaml";
    let text = input(n);
    let request = Request::new(
        RequestId::from(1),
        "initialize".into(),
        json!({ "capabilities": {} }),
    );
    server.handle(Message::Request(request));
    let note =
        |method: &str, params| Message::Notification(Notification::new(method.into(), params));
    let doc = json!({ "uri": uri, "languageId": "yaml", "version": 1, "text": text });
    server.handle(note("initialized", json!({})));
    server.handle(note("textDocument/didOpen", json!({ "textDocument": doc })));
    let change = note(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": text }] }),
    );
    bencher.bench_local(|| {
        let out = server.handle(divan::black_box(change.clone()));
        assert_eq!(out.len(), 1);
        out
    });
}
