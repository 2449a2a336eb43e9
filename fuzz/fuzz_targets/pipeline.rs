//! Any bytes through the library's one entry point (read → decode → parse → validate → link)
//! and, when they make a valid issue, the model and every output format: no panic, and the
//! built-in templates render every valid issue.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use weekly::input::files::Memory;
use weekly::load::Loader;
use weekly::model::Bulletin;
use weekly::render::{self, Format, Options};

fuzz_target!(|bytes: &[u8]| {
    let files = Memory::default().with("issue.yaml", bytes);
    let Ok(loaded) = Loader::new(&files).load(Path::new("issue.yaml")) else {
        return;
    };
    if let Some(issue) = loaded.issue {
        let bulletin = Bulletin::new(&issue);
        // The Typst source is rendered; typesetting it needs the system's fonts.
        for format in Format::ALL.into_iter().filter(|f| *f != Format::Pdf) {
            if let Err(e) = render::render(&bulletin, format, &Options::default()) {
                panic!("{format:?}: a built-in template failed: {e}");
            }
        }
    }
});
