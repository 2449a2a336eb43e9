//! The phases of a build, timed apart, so that a regression shows in the phase that caused
//! it: `cargo bench`. Inputs are the example issue and the same with its lists of items and
//! directives repeated 100 times.

use weekly::model::Bulletin;
use weekly::render::{self, Format};
use weekly::validate::{self, Link};
use weekly::yaml;

const EXAMPLE: &str = include_str!("../examples/2023-39.yaml");

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

#[divan::bench(args = [1, 100])]
fn validate(bencher: divan::Bencher, n: usize) {
    let text = input(n);
    let root = yaml::parse(&text).unwrap();
    bencher.bench(|| {
        let report = validate::validate(divan::black_box(&root), &text, Link::Skipped);
        assert!(report.issue.is_some());
        report
    });
}

#[divan::bench(args = [1, 100])]
fn model(bencher: divan::Bencher, n: usize) {
    let text = input(n);
    let issue = validate::validate(&yaml::parse(&text).unwrap(), &text, Link::Skipped)
        .issue
        .unwrap();
    bencher.bench(|| Bulletin::new(divan::black_box(&issue)));
}

fn bulletin(n: usize) -> Bulletin {
    let text = input(n);
    let issue = validate::validate(&yaml::parse(&text).unwrap(), &text, Link::Skipped)
        .issue
        .unwrap();
    Bulletin::new(&issue)
}

fn render(bencher: divan::Bencher, n: usize, format: Format) {
    let b = bulletin(n);
    bencher.bench(|| {
        render::render(
            divan::black_box(&b),
            format.template_name(),
            format.builtin_template(),
        )
        .unwrap()
    });
}

#[divan::bench(args = [1, 100])]
fn render_markdown(bencher: divan::Bencher, n: usize) {
    render(bencher, n, Format::Markdown);
}

#[divan::bench(args = [1, 100])]
fn render_text(bencher: divan::Bencher, n: usize) {
    render(bencher, n, Format::Text);
}
