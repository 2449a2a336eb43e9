//! Any bytes as a Word document: read into paragraphs within the bounds on its parts, or
//! refused with a reason, never a panic, a hang or gigabytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weekly::import::docx;

fuzz_target!(|bytes: &[u8]| {
    let _ = docx::paragraphs(bytes);
});
