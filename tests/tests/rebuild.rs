//! Editing a spec file, or adding one, then `cargo build`, regenerates the
//! bindings with no Rust change. A small crate that uses the macro on its own
//! spec folder is built with the real `cargo`, its spec changed, and rebuilt.

use std::path::{Path, PathBuf};
use std::process::Command;

use lark_tests::workspace;

const MAIN: &str = r#"lark_codegen_macro::generate!("../spec");

fn main() {
    for e in ENDPOINTS {
        println!("endpoint {} {} {}", e.id, e.method, e.path);
    }
    for t in Event::TYPES {
        println!("event {t}");
    }
}
"#;

const BUILD: &str = r#"fn main() {
    println!("cargo:rerun-if-changed=spec");
}
"#;

const THING: &str = r#"service: demo
version: v1
resource: thing
endpoints:
  - name: get
    summary: Get a thing
    method: GET
    path: /open-apis/demo/v1/things/:thing_id
    tokens: [tenant]
    path_params:
      thing_id: {type: string}
"#;

const EVENT: &str = r#"service: demo
version: v1
events:
  - event_type: demo.thing.changed_v1
    schema: "2.0"
    summary: A thing changed
    fields:
      thing_id: {type: string}
"#;

fn absolute(path: PathBuf) -> String {
    path.canonicalize()
        .expect("path exists")
        .to_string_lossy()
        .into_owned()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// Builds and runs the probe, returning what it prints.
fn run(probe: &Path, target: &Path) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["run", "--quiet", "--offline"])
        .current_dir(probe)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "probe failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn edited_and_added_spec_files_reach_the_bindings() {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rebuild-probe");
    let probe = root.join("crate");
    let spec = probe.join("spec");
    let _ = std::fs::remove_dir_all(&probe);
    let manifest = format!(
        "[package]\nname = \"rebuild-probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nlark-sdk = {{ path = {:?} }}\nlark-codegen-macro = {{ path = {:?} }}\n\n[workspace]\n",
        absolute(workspace().join("generated-sdk")),
        absolute(workspace().join("codegen/macro")),
    );
    write(&probe.join("Cargo.toml"), &manifest);
    std::fs::copy(workspace().join("Cargo.lock"), probe.join("Cargo.lock")).expect("lockfile");
    write(&probe.join("build.rs"), BUILD);
    write(&probe.join("src/main.rs"), MAIN);
    write(&spec.join("thing.yaml"), THING);
    let target = root.join("target");

    let first = run(&probe, &target);
    assert_eq!(
        first,
        "endpoint demo.v1.thing.get GET /open-apis/demo/v1/things/:thing_id\n"
    );

    // Edit the file: the path changes.
    write(
        &spec.join("thing.yaml"),
        &THING.replace("things/:thing_id", "items/:thing_id"),
    );
    let edited = run(&probe, &target);
    assert_eq!(
        edited,
        "endpoint demo.v1.thing.get GET /open-apis/demo/v1/items/:thing_id\n"
    );

    // Add a file: its event appears.
    write(&spec.join("events/changed.yaml"), EVENT);
    let added = run(&probe, &target);
    assert_eq!(
        added,
        "endpoint demo.v1.thing.get GET /open-apis/demo/v1/items/:thing_id\nevent demo.thing.changed_v1\n"
    );
}
