//! `weekly schema`, `completions` and `man`: generated text on stdout.

use crate::cli::args;
use crate::cli::report::{Saying, Status};
use crate::cli::write;
use crate::msg;

/// `weekly schema`, `completions` and `man`: generated text on stdout.
pub fn print(text: &[u8]) -> anyhow::Result<Status> {
    write::stdout(text).said(write::stdout_msg)?;
    Ok(Status::Success)
}

pub fn schema() -> anyhow::Result<Status> {
    let text = serde_json::to_string_pretty(&crate::input::schema::json_schema())? + "\n";
    print(text.as_bytes())
}

pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<Status> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut args::command(), "weekly", &mut script);
    print(&script)
}

pub fn man() -> anyhow::Result<Status> {
    let mut page = Vec::new();
    clap_mangen::Man::new(args::command())
        .render(&mut page)
        .said(|| msg!("cannot write the manual page", "无法输出手册页"))?;
    print(&page)
}
