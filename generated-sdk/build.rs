//! Rebuilds the bindings when a spec file is added or removed: the macro tracks
//! the files it read, but only a build script can watch the folder itself.
//!
//! Also publishes the spec folder to the build scripts of crates that depend
//! on this one (`DEP_LARK_SDK_SPEC`), so that they can generate their own
//! endpoints over it: `generate!("spec", base = env!("LARK_SDK_SPEC"))`;
//! and tells the macro which features this build has (`LARK_SDK_FEATURES`),
//! so that services whose feature is off are not generated at all; the
//! same list goes to dependents' build scripts (`DEP_LARK_SDK_FEATURES`,
//! Cargo's spelling: `IM_V1` for `im-v1`).
//!
//! The spec lives inside this package (`spec/`), so the published crate
//! carries it and the path it publishes exists.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=spec");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let spec = manifest.join("spec");
    let spec = spec.canonicalize().unwrap_or(spec);
    println!("cargo::metadata=spec={}", spec.display());
    let mut features: Vec<String> = std::env::vars()
        .filter_map(|(name, _)| name.strip_prefix("CARGO_FEATURE_").map(str::to_owned))
        .collect();
    features.sort();
    println!("cargo::rustc-env=LARK_SDK_FEATURES={}", features.join(","));
    println!("cargo::metadata=features={}", features.join(","));
}
