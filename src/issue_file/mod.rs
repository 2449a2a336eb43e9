//! Writers of issue files: the next issue begun from the last (`next`), running figures
//! frozen into an issue (`freeze`), the safe fixes of its findings applied (`mend`), and an
//! imported bulletin (`imported`, from a [`draft`]); next and imported write into the one
//! [`frame`] of an issue file.

pub mod draft;
pub mod frame;
pub mod freeze;
pub mod imported;
pub mod mend;
pub mod next;
