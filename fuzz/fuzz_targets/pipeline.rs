//! Any bytes through decode → parse → validate → model → render must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = weekly::pipeline::run(bytes);
});
