//! Rebuilds the bindings when a spec file is added or removed: the macro tracks
//! the files it read, but only a build script can watch the folder itself.

fn main() {
    println!("cargo:rerun-if-changed=../spec");
}
