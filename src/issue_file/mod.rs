//! Writers of issue files: the next issue begun from the last (`next`), running figures
//! frozen into an issue (`freeze`), and an imported bulletin (`imported`, from a [`draft`]).

pub mod draft;
pub mod freeze;
pub mod imported;
pub mod next;
