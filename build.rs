//! Links the `weekly` binary for Linux with glibc as a position-dependent executable: the
//! dynamic loader then has none of the 101 000 relocations of a position-independent one to
//! apply before `main`, which were four fifths of a `weekly --version` (docs/design.md,
//! start-up). A static musl build is left as rustc makes it.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let target = |key| std::env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
