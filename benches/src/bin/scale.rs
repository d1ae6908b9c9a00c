//! The generator at the platform's scale, and what a bot's build costs.
//!
//! ```text
//! cargo run --release -p lark-benches --bin scale -- expand            # expansion time and memory at N = 10 … 2,500
//! cargo run --release -p lark-benches --bin scale -- compile           # compile time of the generated code, per-service features, rebuilds
//! cargo run --release -p lark-benches --bin scale -- compile-of DIR    # the same for a spec folder (the imported platform), all versions and one
//! cargo run --release -p lark-benches --bin scale -- compare-openlark  # clean build of a small bot: lark-sdk vs openlark from crates.io
//! cargo run --release -p lark-benches --bin scale -- lines             # generated lines per endpoint, after rustfmt
//! cargo run --release -p lark-benches --bin scale -- lines-of DIR      # the same for a spec folder (the imported platform)
//! cargo run --release -p lark-benches --bin scale -- check             # checking 5 MB specs (many types, aliases) and refusing an alias bomb
//! ```
//!
//! Everything is written under `target/bench-scale/`. `compile` and
//! `compare-openlark` run `cargo` on generated crates; `compare-openlark`
//! needs the crates registry (or a warm cache) for openlark.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use lark_benches::synth;

#[path = "scale/imported.rs"]
mod imported;

const SIZES: [usize; 4] = [10, 100, 1_000, 2_500];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("expand") => expand(),
        Some("expand-once") => match args.get(1) {
            Some(dir) => expand_once(Path::new(dir)),
            None => Err("expand-once needs a spec folder".into()),
        },
        Some("compile") => compile(
            &args[1..]
                .iter()
                .filter_map(|a| a.parse().ok())
                .collect::<Vec<usize>>(),
        ),
        Some("compile-of") => match args.get(1) {
            Some(dir) => imported::compile_of(Path::new(dir)),
            None => Err("compile-of needs a spec folder".into()),
        },
        Some("check") => check(),
        Some("check-once") => match args.get(1) {
            Some(dir) => check_once(Path::new(dir)),
            None => Err("check-once needs a spec folder".into()),
        },
        Some("compare-openlark") => compare_openlark(),
        Some("lines") => lines(),
        Some("lines-of") => match args.get(1) {
            Some(dir) => imported::lines_of(Path::new(dir)),
            None => Err("lines-of needs a spec folder".into()),
        },
        _ => Err("usage: scale expand | compile | compare-openlark | lines | check".into()),
    };
    if let Err(e) = result {
        eprintln!("scale: {e}");
        std::process::exit(1);
    }
}

type Result<T = ()> = std::result::Result<T, String>;

/// The workspace (this crate's parent).
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn scratch() -> PathBuf {
    workspace().join("target/bench-scale")
}

fn spec_dir(n: usize) -> PathBuf {
    scratch().join(format!("spec-{n}"))
}

fn write_specs() -> Result<Vec<(usize, synth::Stats)>> {
    SIZES
        .iter()
        .map(|&n| {
            synth::write_spec(&spec_dir(n), n)
                .map(|stats| (n, stats))
                .map_err(|e| format!("writing spec-{n}: {e}"))
        })
        .collect()
}

/// One generation in this process, as the macro does it
/// (`lark_codegen::generate_text`): prints milliseconds, peak memory (KiB)
/// and the length of the text.
fn expand_once(dir: &Path) -> Result {
    let start = Instant::now();
    let out = lark_codegen::generate_text(dir, "spec", &lark_codegen::Options::default());
    let took = start.elapsed();
    if let Some(first) = out.errors.first() {
        return Err(format!("{} problems, first: {first}", out.errors.len()));
    }
    println!(
        "{:.3} {} {}",
        took.as_secs_f64() * 1e3,
        lark_benches::peak_rss_kib().unwrap_or(0),
        out.text.len()
    );
    Ok(())
}

/// The generated text at N = 100, formatted by rustfmt, in lines per
/// endpoint (events, types and the crate-wide items spread over them): with
/// `serde = directed`, as the compile benchmark generates; with the other
/// way behind a feature, as lark-sdk generates (`serde-both`); and with
/// `serde = both`. Each also without its doc attributes.
fn lines() -> Result {
    let n = 100;
    let stats = synth::write_spec(&spec_dir(n), n).map_err(|e| e.to_string())?;
    for (name, serde) in [
        ("directed", lark_codegen::Serde::Directed),
        (
            "directed-unless",
            lark_codegen::Serde::DirectedUnless("serde-both".into()),
        ),
        ("both", lark_codegen::Serde::Both),
    ] {
        let options = lark_codegen::Options {
            serde,
            ..lark_codegen::Options::default()
        };
        let out = lark_codegen::generate_text(&spec_dir(n), "spec", &options);
        if let Some(first) = out.errors.first() {
            return Err(format!("{} problems, first: {first}", out.errors.len()));
        }
        let file = scratch().join(format!("lines-100-{name}.rs"));
        let (total, docs) = imported::formatted_lines(&file, &out.text)?;
        let per = |lines: usize| lines as f64 / stats.endpoints as f64;
        println!(
            "serde = {name}: {} endpoints, {} events: {total} lines after rustfmt, {:.0} per endpoint, {:.0} without doc attributes ({})",
            stats.endpoints,
            stats.events,
            per(total),
            per(total - docs),
            file.display()
        );
    }
    Ok(())
}

/// One check in this process, as `lark-spec check` does it
/// (`lark_codegen::check_folder`): prints milliseconds, peak memory (KiB),
/// the number of problems and the first.
fn check_once(dir: &Path) -> Result {
    let start = Instant::now();
    let out = lark_codegen::check_folder(dir, "spec", &lark_codegen::Options::default());
    let took = start.elapsed();
    println!(
        "{:.3} {} {} {}",
        took.as_secs_f64() * 1e3,
        lark_benches::peak_rss_kib().unwrap_or(0),
        out.errors.len(),
        out.errors.first().map_or("", String::as_str)
    );
    Ok(())
}

/// Checking time (median of 5 runs, each in a fresh process) and peak
/// memory of large specs: the expansion benchmark's 2,500 endpoints (whose
/// types are not counted), many types of every kind with endpoints using
/// them, many small types, one enum of many values, types sharing their
/// fields through aliases, and an alias bomb (refused).
fn check() -> Result {
    use lark_benches::big_spec;
    const BYTES: usize = 5 << 20;
    let cases = [
        (
            "2,500 endpoints (as `expand`)",
            "check-endpoints",
            (|dir: &Path, _| {
                synth::write_spec(dir, 2_500).map(|stats| big_spec::Written {
                    types: 0,
                    endpoints: stats.endpoints,
                    bytes: stats.bytes,
                })
            }) as fn(&Path, usize) -> std::io::Result<big_spec::Written>,
        ),
        ("many types", "check-types", big_spec::write_many_types),
        ("small types", "check-small", big_spec::write_small_types),
        ("one enum", "check-enum", big_spec::write_big_enum),
        ("aliases", "check-aliases", big_spec::write_alias_heavy),
        ("alias bomb", "check-bomb", |dir: &Path, _| {
            big_spec::write_alias_bomb(dir)
        }),
    ];
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    println!("| spec | YAML | types | endpoints | check (median of 5) | peak memory | outcome |");
    println!("|---|---|---|---|---|---|---|");
    for (what, folder, write) in cases {
        let dir = scratch().join(folder);
        let written = write(&dir, BYTES).map_err(|e| format!("writing {folder}: {e}"))?;
        let mut runs = Vec::new();
        let mut peak = 0u64;
        let mut outcome = String::new();
        for _ in 0..5 {
            let out = Command::new(&exe)
                .arg("check-once")
                .arg(&dir)
                .output()
                .map_err(|e| e.to_string())?;
            if !out.status.success() {
                return Err(String::from_utf8_lossy(&out.stderr).into_owned());
            }
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            let mut fields = text.splitn(4, ' ');
            runs.push(fields.next().and_then(|f| f.parse().ok()).unwrap_or(0.0));
            let kib: u64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
            peak = peak.max(kib);
            let problems = fields.next().unwrap_or("0");
            let first = fields.next().unwrap_or("").trim();
            outcome = if problems == "0" {
                "no problems".to_owned()
            } else {
                format!(
                    "{problems} problem(s): {}",
                    first.rsplit(": ").next().unwrap_or(first)
                )
            };
        }
        runs.sort_by(f64::total_cmp);
        println!(
            "| {what} | {:.1} MiB | {} | {} | {:.0} ms | {:.0} MiB | {outcome} |",
            written.bytes as f64 / 1_048_576.0,
            if written.types == 0 {
                "—".to_owned()
            } else {
                written.types.to_string()
            },
            written.endpoints,
            runs[runs.len() / 2],
            peak as f64 / 1024.0,
        );
    }
    Ok(())
}

/// Expansion time (median of 5 runs, each in a fresh process) and peak memory.
fn expand() -> Result {
    let specs = write_specs()?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    println!(
        "| N endpoints | events | files | YAML | expansion (median of 5) | per endpoint | peak memory |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (n, stats) in specs {
        let mut runs = Vec::new();
        let mut peak = 0u64;
        for _ in 0..5 {
            let out = Command::new(&exe)
                .arg("expand-once")
                .arg(spec_dir(n))
                .output()
                .map_err(|e| e.to_string())?;
            if !out.status.success() {
                return Err(String::from_utf8_lossy(&out.stderr).into_owned());
            }
            let text = String::from_utf8_lossy(&out.stdout);
            let mut fields = text.split_whitespace();
            let ms: f64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0.0);
            let kib: u64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
            runs.push(ms);
            peak = peak.max(kib);
        }
        runs.sort_by(f64::total_cmp);
        let median = runs[runs.len() / 2];
        println!(
            "| {} | {} | {} | {:.1} MiB | {median:.1} ms | {:.3} ms | {:.1} MiB |",
            stats.endpoints,
            stats.events,
            stats.files,
            stats.bytes as f64 / 1_048_576.0,
            median / stats.endpoints as f64,
            peak as f64 / 1024.0
        );
    }
    Ok(())
}

/// A crate that generates from `spec-N` with per-service features.
fn write_crate(dir: &Path, spec: &Path, features: &[String]) -> Result {
    let ws = workspace();
    std::fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let feature_lines: String = features.iter().map(|f| format!("{f} = []\n")).collect();
    let all: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
    let manifest = format!(
        r#"[package]
name = "scale-bench"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
lark-sdk = {{ path = "{sdk}", default-features = false, features = ["client", "events"] }}
lark-codegen-macro = {{ path = "{mac}" }}

[features]
default = ["all"]
all = [{all}]
{feature_lines}"#,
        sdk = ws.join("generated-sdk").display(),
        mac = ws.join("codegen/macro").display(),
        all = all.join(", "),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    std::fs::copy(ws.join("Cargo.lock"), dir.join("Cargo.lock")).map_err(|e| e.to_string())?;
    let lib = format!(
        "//! Generated from {}.\n#![allow(dead_code)]\nlark_codegen_macro::generate!({:?}, service_features = env!(\"SCALE_FEATURES\"), serde = directed);\n",
        spec.display(),
        spec.display().to_string()
    );
    std::fs::write(dir.join("src/lib.rs"), lib).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("build.rs"), BUILD_RS).map_err(|e| e.to_string())?;
    Ok(())
}

/// The generated crates' build script: the enabled features, for the macro.
const BUILD_RS: &str = r#"fn main() {
    let mut features: Vec<String> = std::env::vars()
        .filter_map(|(name, _)| name.strip_prefix("CARGO_FEATURE_").map(str::to_owned))
        .collect();
    features.sort();
    println!("cargo::rustc-env=SCALE_FEATURES={}", features.join(","));
}
"#;

/// `cargo build` in a crate; the wall time.
fn cargo_build(dir: &Path, target: &Path, extra: &[&str]) -> Result<Duration> {
    cargo_build_measured(dir, target, extra, true).map(|(took, _)| took)
}

/// A build, its time, and the peak resident memory of the largest process
/// it ran (rustc, with the macro in it), in MiB, read by GNU time when the
/// machine has it.
fn cargo_build_measured(
    dir: &Path,
    target: &Path,
    extra: &[&str],
    incremental: bool,
) -> Result<(Duration, Option<f64>)> {
    let gnu_time = Path::new("/usr/bin/time");
    let report = dir.join("build-peak.txt");
    let mut command = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.arg("-f")
            .arg("%M")
            .arg("-o")
            .arg(&report)
            .arg(env!("CARGO"));
        c
    } else {
        Command::new(env!("CARGO"))
    };
    let start = Instant::now();
    let status = command
        .args(["build", "--quiet", "--offline"])
        .args(extra)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_INCREMENTAL", if incremental { "1" } else { "0" })
        .status()
        .map_err(|e| e.to_string())?;
    let took = start.elapsed();
    if !status.success() {
        return Err(format!("cargo build failed in {}", dir.display()));
    }
    let peak = std::fs::read_to_string(&report)
        .ok()
        .and_then(|t| t.trim().parse::<f64>().ok())
        .map(|kib| kib / 1024.0);
    let _ = std::fs::remove_file(&report);
    Ok((took, peak))
}

fn touch(path: &Path) -> Result {
    let text = std::fs::read(path).map_err(|e| e.to_string())?;
    std::fs::write(path, text).map_err(|e| e.to_string())
}

/// Compile time of the generated code at each size; one service only; and
/// the rebuild after editing one spec file.
fn compile(only: &[usize]) -> Result {
    let specs = write_specs()?;
    let target = scratch().join("target");
    println!(
        "| N endpoints | build, all services | per endpoint | peak memory (rustc) | again, nothing changed (incremental) | build, one service (`svc0-v1`) | rebuild after editing one spec file |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (n, stats) in specs {
        if !only.is_empty() && !only.contains(&n) {
            continue;
        }
        let services = n.div_ceil(4).div_ceil(10);
        let features: Vec<String> = (0..services).map(|s| format!("svc{s}-v1")).collect();
        let dir = scratch().join(format!("crate-{n}"));
        write_crate(&dir, &spec_dir(n), &features)?;
        // Dependencies first (not measured), then the crate alone.
        cargo_build(&dir, &target, &[])?;
        // The crate from scratch, as CI and docs.rs build it...
        touch(&dir.join("src/lib.rs"))?;
        let (all, peak) = cargo_build_measured(&dir, &target, &[], false)?;
        // ...and again with incremental compilation's cache of a build of
        // the same code.
        cargo_build(&dir, &target, &[])?;
        touch(&dir.join("src/lib.rs"))?;
        let again = cargo_build(&dir, &target, &[])?;
        // The one-service feature set has its own build script run: warm it
        // too, so that only the crate's own compilation is measured.
        let one_service = ["--no-default-features", "--features", "svc0-v1"];
        cargo_build(&dir, &target, &one_service)?;
        touch(&dir.join("src/lib.rs"))?;
        let one = cargo_build(&dir, &target, &one_service)?;
        // Edit one spec file: a description changes.
        let file = spec_dir(n).join("svc0/v1/thing0.yaml");
        let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        let edited = text.replacen("Things of kind 0", "Things of kind zero", 1);
        std::fs::write(&file, &edited).map_err(|e| e.to_string())?;
        let rebuild = cargo_build(&dir, &target, &[])?;
        std::fs::write(&file, text).map_err(|e| e.to_string())?;
        let peak = peak.map_or("not measured".to_owned(), |mib| {
            format!("{:.1} GiB", mib / 1024.0)
        });
        println!(
            "| {} | {:.1} s | {:.1} ms | {peak} | {:.1} s | {:.1} s | {:.1} s |",
            stats.endpoints,
            all.as_secs_f64(),
            all.as_secs_f64() * 1e3 / stats.endpoints as f64,
            again.as_secs_f64(),
            one.as_secs_f64(),
            rebuild.as_secs_f64()
        );
    }
    Ok(())
}

const BOT_OURS: &str = r#"//! A small bot on lark-sdk: deletes a reaction, handles the deleted event over the long connection.
use lark_sdk::Client;
use lark_sdk::event::{Dispatcher, LongConnection};
use lark_sdk::im::v1::DeleteMessageReactionRequest;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (id, secret) = (std::env::var("APP_ID")?, std::env::var("APP_SECRET")?);
    let client = Client::builder(id.clone(), secret.clone()).build()?;
    let removed = client
        .im()
        .v1()
        .message_reaction()
        .delete(DeleteMessageReactionRequest::new("om_1", "r_1"))
        .await;
    println!("{removed:?}");
    let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(|e| async move {
        println!("{:?}", e.event.message_id);
        Ok(())
    });
    LongConnection::builder(id, secret, dispatcher)
        .build()?
        .run(async { let _ = tokio::signal::ctrl_c().await; })
        .await?;
    Ok(())
}
"#;

const BOT_OPENLARK: &str = r#"//! The same small bot on openlark: deletes a reaction, handles the deleted event over the long connection.
use std::sync::Arc;

use open_lark::communication::im::im::v1::message::reaction::delete::DeleteMessageReactionRequest;
use open_lark::ws_client::{EventDispatcherHandler, EventHandler, LarkWsClient};

struct OnDeleted;

impl EventHandler for OnDeleted {
    fn handle(&self, payload: &[u8]) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let event: serde_json::Value = serde_json::from_slice(payload).unwrap_or_default();
        println!("{:?}", event["event"]["message_id"]);
        Ok(())
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (id, secret) = (std::env::var("APP_ID")?, std::env::var("APP_SECRET")?);
    let config = open_lark::Config::builder().app_id(id).app_secret(secret).build()?;
    let removed = DeleteMessageReactionRequest::new(config.build_core_config_with_token_provider())
        .message_id("om_1")
        .reaction_id("r_1")
        .execute()
        .await;
    println!("{removed:?}");
    let handler = EventDispatcherHandler::builder()
        .register_raw("im.message.reaction.deleted_v1", OnDeleted)?
        .build();
    LarkWsClient::open(Arc::new(config), handler).await?;
    Ok(())
}
"#;

/// Clean build (fresh target folder) of the same small bot on each SDK.
fn compare_openlark() -> Result {
    let ws = workspace();
    let ours = scratch().join("bot-lark-sdk");
    std::fs::create_dir_all(ours.join("src")).map_err(|e| e.to_string())?;
    std::fs::write(
        ours.join("Cargo.toml"),
        format!(
            r#"[package]
name = "bot-lark-sdk"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
lark-sdk = {{ path = "{}" }}
tokio = {{ version = "1", features = ["rt-multi-thread", "macros", "signal"] }}
"#,
            ws.join("generated-sdk").display()
        ),
    )
    .map_err(|e| e.to_string())?;
    std::fs::copy(ws.join("Cargo.lock"), ours.join("Cargo.lock")).map_err(|e| e.to_string())?;
    std::fs::write(ours.join("src/main.rs"), BOT_OURS).map_err(|e| e.to_string())?;

    let theirs = scratch().join("bot-openlark");
    std::fs::create_dir_all(theirs.join("src")).map_err(|e| e.to_string())?;
    std::fs::write(
        theirs.join("Cargo.toml"),
        r#"[package]
name = "bot-openlark"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
openlark = { version = "=0.16.1", default-features = false, features = ["communication", "websocket"] }
serde_json = "1"
tokio = { version = "1", features = ["rt-multi-thread", "macros", "signal"] }
"#,
    )
    .map_err(|e| e.to_string())?;
    std::fs::write(theirs.join("src/main.rs"), BOT_OPENLARK).map_err(|e| e.to_string())?;
    // Resolve and download first (not measured).
    for dir in [&ours, &theirs] {
        let status = Command::new(env!("CARGO"))
            .args(["fetch", "--quiet"])
            .current_dir(dir)
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!("cargo fetch failed in {}", dir.display()));
        }
    }
    let mut times = Vec::new();
    for (name, dir) in [("lark-sdk", &ours), ("openlark 0.16.1", &theirs)] {
        let target = scratch().join(format!("target-{}", name.split(' ').next().unwrap_or(name)));
        let _ = std::fs::remove_dir_all(&target);
        let took = cargo_build(dir, &target, &[])?;
        println!("{name}: clean build {:.1} s", took.as_secs_f64());
        times.push(took.as_secs_f64());
    }
    println!("ratio: {:.2}", times[0] / times[1]);
    Ok(())
}
