//! Watching files for saves (`weekly build --watch`, `weekly preview`): each folder is watched,
//! not the file, since editors save by writing another file and renaming it over the first.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::cli::report::Saying;
use crate::msg;

/// How long the files must rest after a change before it is acted on: an editor's save is a
/// few events (a temporary file written, the old one renamed, the new one renamed in).
const QUIET: Duration = Duration::from_millis(100);

/// The folder a file is in, `.` for a bare name.
fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What a build of an issue reads, being watched: the events of its folders since the watch
/// began.
pub struct Watching {
    /// Kept for as long as the events are wanted: dropped, it stops watching.
    _watcher: notify::RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    templates: Option<PathBuf>,
}

/// Begins to watch what a build of the issue `file` reads: its folder, and the templates
/// folder if there is one. It begins before the first build, so that no save in between is
/// missed.
pub fn start_for(file: &Path, templates: Option<&Path>) -> anyhow::Result<Watching> {
    let mut folders = vec![folder_of(file)];
    folders.extend(templates.map(Path::to_path_buf));
    let (send, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |e| {
        let _ = send.send(e);
    })
    .said(|| msg!("cannot watch for changes", "无法监视文件的修改"))?;
    for folder in &folders {
        let shown = crate::text::quote::path(folder);
        watcher
            .watch(folder, RecursiveMode::NonRecursive)
            .said(|| msg!("cannot watch `{shown}`", "无法监视 `{shown}`"))?;
    }
    Ok(Watching {
        _watcher: watcher,
        events,
        templates: templates.map(Path::to_path_buf),
    })
}

impl Watching {
    /// Whether the build reads `p`: an issue file of its folder (the issue before this one
    /// gives its figures), or a template.
    fn reads(&self, p: &Path) -> bool {
        crate::input::files::is_issue_file(p)
            || self.templates.as_deref().is_some_and(|t| p.starts_with(t))
    }

    /// Calls `changed` after each change to what the build reads, once the files have
    /// rested, for as long as the watch lasts.
    pub fn each(self, mut changed: impl FnMut()) {
        let wanted = |p: &Path| self.reads(p);
        let matters = |e: &notify::Result<notify::Event>| match e {
            Ok(e) => !matches!(e.kind, EventKind::Access(_)) && e.paths.iter().any(|p| wanted(p)),
            // An error of the watcher (events lost) may hide a save.
            Err(_) => true,
        };
        while let Ok(event) = self.events.recv() {
            if !matters(&event) {
                continue;
            }
            // Rested: no change that matters for a while, whatever else happens in the
            // folder (a viewer reading the output, say).
            let mut rest = Instant::now() + QUIET;
            loop {
                match self
                    .events
                    .recv_timeout(rest.saturating_duration_since(Instant::now()))
                {
                    Ok(e) if matters(&e) => rest = Instant::now() + QUIET,
                    Ok(_) => {}
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            changed();
        }
    }
}
