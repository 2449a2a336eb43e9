//! Any bytes through `weekly import` as text, Markdown and a Word document: no panic, and an
//! issue it reads is written as a file that `weekly check` reads without a YAML error.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use weekly::i18n::Lang;
use weekly::input::files::Memory;
use weekly::import::{self, From};
use weekly::load::Loader;

fuzz_target!(|bytes: &[u8]| {
    for from in From::ALL {
        let imported = import::import(bytes, from);
        let Some(draft) = imported.draft else {
            continue;
        };
        let text = weekly::issue_file::imported::issue_file(&draft, "fuzz", None, Lang::En);
        let files = Memory::default().with("issue.yaml", text.as_bytes());
        let loaded = Loader::new(&files)
            .load(Path::new("issue.yaml"))
            .expect("an in-memory file reads");
        let broken = loaded
            .diagnostics
            .iter()
            .any(|d| matches!(d.code.as_str(), "E001" | "E002" | "E003" | "E005" | "E014"));
        assert!(!broken, "{from:?}: the imported file does not read back:\n{text}");
    }
});
