//! Any bytes as a Word document: read into paragraphs within the bounds on its parts, or
//! refused with a reason, never a panic, a hang or gigabytes; and what is read, read on as a
//! bulletin (tables of counters, typed numbering, bold names with spaces beside them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use weekly::import::{self, From};

fuzz_target!(|bytes: &[u8]| {
    let _ = import::import(bytes, From::Docx);
});
