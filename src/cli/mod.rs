//! The command line: the only place that reads and writes files, prints, and picks exit codes.
//! Arguments become settings (`args`), a command runs on them (`commands`), and what it
//! found or what stopped it is printed by the one reporter (`report`).

mod args;
mod commands;
mod disk;
#[cfg(feature = "pdf")]
mod fonts;
mod outputs;
mod report;
mod said;
mod target;
mod watch;
#[cfg(windows)]
mod windows;
mod write;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Settings};
use report::{Reporter, Status};

/// Runs the command line and returns the exit code: 0 success, 1 an invalid input, 2 a usage,
/// I/O or template error.
pub fn main() -> ExitCode {
    let settings = Cli::try_parse()
        .and_then(|cli| cli.settings(|v| std::env::var(v).ok(), system_locale, write::not_a_file));
    let (settings, options) = match settings {
        Ok(settings) => settings,
        Err(e) => {
            // clap prints its own usage errors on stderr, and --help and --version on stdout,
            // which are not errors unless they cannot be written. A usage error that cannot
            // be written is exit 2 all the same, and nothing is left to say it with.
            if e.use_stderr() {
                let _ = e.print();
                return Status::Error.into();
            }
            let printed = e
                .print()
                .and_then(|()| std::io::Write::flush(&mut std::io::stdout()));
            return match printed {
                Err(io) if io.kind() != std::io::ErrorKind::BrokenPipe => {
                    let _ = writeln!(std::io::stderr(), "error: cannot write to stdout: {io}");
                    Status::Error
                }
                _ => Status::Success,
            }
            .into();
        }
    };
    let mut out = Reporter::new(options, matches!(settings, Settings::Check { .. }));
    let ran = match &settings {
        Settings::Build(build) if build.watch => commands::build_watching(&mut out, build),
        Settings::Build(build) => commands::build(&mut out, build),
        Settings::Preview(preview) => commands::preview(&mut out, preview),
        Settings::Check { paths, fix } => commands::check(&mut out, paths, *fix),
        Settings::New(new) => commands::begin_next(&mut out, new),
        Settings::Import(settings) => commands::import(&mut out, settings),
        Settings::Stats(settings) => commands::stats(&mut out, settings),
        Settings::ExportTemplates { dir, force } => {
            commands::export_templates(&mut out, dir, *force)
        }
        Settings::Explain(code) => commands::explain(*code, out.lang()),
        Settings::Schema => commands::schema(),
        Settings::Lsp => commands::lsp(&mut out),
        Settings::Completions(shell) => commands::completions(*shell),
        Settings::Man => commands::man(),
    };
    let status = ran.unwrap_or_else(|e| {
        out.error(&e);
        Status::Error
    });
    out.finish().max(status).into()
}

/// The user's language where the environment names none: Windows and macOS set no `LANG` of
/// their own; elsewhere `LANG` is the system's language.
fn system_locale() -> Option<String> {
    #[cfg(any(windows, target_os = "macos"))]
    return sys_locale::get_locale();
    #[cfg(not(any(windows, target_os = "macos")))]
    None
}
