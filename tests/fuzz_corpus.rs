//! The fuzzer's minimised corpus (fuzz/saved) and its seeds, replayed through the fuzz target's path on stable.

use std::fs;
use std::path::Path;

#[test]
fn fuzz_corpus_replays_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for dir in ["saved", "seeds"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let bytes = fs::read(entry.unwrap().path()).unwrap();
            let _ = weekly::pipeline::run(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed > 100, "the corpus is missing: {replayed} inputs");
}
