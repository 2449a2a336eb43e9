//! Any bytes as a font file: the look-over before the typesetter refuses what would take it
//! minutes or gigabytes, and every face it lets through is read by the typesetter at once.
#![no_main]

use libfuzzer_sys::fuzz_target;
use typst::text::FontInfo;
use weekly::render::font_check;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(faces) = font_check::faces(bytes) {
        for index in 0..faces {
            let _ = FontInfo::new(bytes, index);
        }
    }
});
