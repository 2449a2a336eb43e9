//! `weekly templates export`: the built-in templates written out to edit.

use std::path::Path;

use crate::cli::disk::Disk;
use crate::cli::report::{Reporter, Status};
use crate::cli::write;
use crate::msg;
use crate::render::Format;

/// `weekly templates export DIR`: the built-in templates, each written atomically; one
/// already there is kept unless `force`.
pub fn export_templates(out: &mut Reporter, dir: &Path, force: bool) -> anyhow::Result<Status> {
    write::folder(dir)?;
    let mut status = Status::Success;
    let mut names = Vec::new();
    for (name, source) in Format::ALL.into_iter().filter_map(Format::template) {
        // PDF and Typst share one template.
        if names.contains(&name) {
            continue;
        }
        names.push(name);
        let path = dir.join(name);
        let written = if path.exists() && !force {
            Err(write::exists(&path).into())
        } else {
            write::output(&path, source.as_bytes(), force, &Disk::default())
        };
        match written {
            Ok(()) => {
                let path = crate::text::quote::path(&path);
                out.note(msg!("wrote `{path}`", "已写入 `{path}`"))
            }
            Err(e) => {
                out.error(&e);
                status = Status::Error;
            }
        }
    }
    Ok(status)
}
