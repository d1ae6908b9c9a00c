//! Rebuilds the bindings when a spec file is added or removed: the macro tracks
//! the files it read, but only a build script can watch the folder itself.
//!
//! Also publishes the spec folder to the build scripts of crates that depend
//! on this one (`DEP_LARK_SDK_SPEC`), so that they can generate their own
//! endpoints over it: `generate!("spec", base = env!("LARK_SDK_SPEC"))`.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=../spec");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let spec = manifest.join("../spec");
    let spec = spec.canonicalize().unwrap_or(spec);
    println!("cargo::metadata=spec={}", spec.display());
}
