//! Links the `weekly` binary on Linux as a position-dependent executable: the dynamic loader
//! then has none of the 101 000 relocations of a position-independent one to apply before
//! `main`, which were four fifths of a `weekly --version` (docs/design.md, start-up).

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
