//! The `weekly` binary: runs the command line and exits with its status.
use std::process::ExitCode;

fn main() -> ExitCode {
    weekly::cli::main()
}
