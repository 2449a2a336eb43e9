//! The fuzzer's minimised corpus (fuzz/saved) and its seeds, replayed through the fuzz target's path on stable.

use std::fs;
use std::path::Path;

use weekly::load::{Loaded, Loader, Memory};
use weekly::model::Bulletin;
use weekly::render::{self, Format, Options};

#[test]
fn fuzz_corpus_replays_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for dir in ["saved", "seeds"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let bytes = fs::read(entry.unwrap().path()).unwrap();
            let files = Memory::default().with("issue.yaml", bytes);
            if let Ok(Loaded {
                issue: Some(issue), ..
            }) = Loader::new(&files).load(Path::new("issue.yaml"))
            {
                for format in Format::ALL {
                    render::render(&Bulletin::new(&issue), format, &Options::default()).unwrap();
                }
            }
            replayed += 1;
        }
    }
    assert!(replayed > 100, "the corpus is missing: {replayed} inputs");
}
