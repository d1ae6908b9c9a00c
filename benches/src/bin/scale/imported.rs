//! The scale of a spec folder rather than a synthetic one: the
//! platform's imported metadata, in generated lines and in a build.

use std::path::Path;
use std::process::Command;

use super::{Result, cargo_build, cargo_build_measured, scratch, touch, write_crate};

/// The generated text of a spec folder (as lark-sdk generates it), after
/// rustfmt, in lines per endpoint: for the platform's imported metadata.
pub(super) fn lines_of(dir: &Path) -> Result {
    let options = lark_codegen::Options {
        serde: lark_codegen::Serde::DirectedUnless("serde-both".into()),
        ..lark_codegen::Options::default()
    };
    let out = lark_codegen::generate_text(dir, "spec", &options);
    if let Some(first) = out.errors.first() {
        return Err(format!("{} problems, first: {first}", out.errors.len()));
    }
    let file = scratch().join("lines-of.rs");
    let (total, docs) = formatted_lines(&file, &out.text)?;
    let formatted = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
    let endpoints = formatted.matches("impl ::lark_sdk::Endpoint for").count();
    let per = |lines: usize| lines as f64 / endpoints.max(1) as f64;
    println!(
        "{}: {endpoints} endpoints: {total} lines after rustfmt, {:.0} per endpoint, {:.0} without doc attributes ({})",
        dir.display(),
        per(total),
        per(total - docs),
        file.display()
    );
    Ok(())
}

/// Writes `text` to `file`, formats it with rustfmt and counts its lines:
/// all of them, and the doc attributes among them.
pub(super) fn formatted_lines(file: &Path, text: &str) -> Result<(usize, usize)> {
    std::fs::create_dir_all(scratch()).map_err(|e| e.to_string())?;
    std::fs::write(file, text).map_err(|e| e.to_string())?;
    let status = Command::new("rustfmt")
        .args(["--edition", "2024"])
        .arg(file)
        .status()
        .map_err(|e| format!("rustfmt: {e}"))?;
    if !status.success() {
        return Err("rustfmt failed".into());
    }
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let docs = text
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("#[doc") || l.starts_with("#![doc")
        })
        .count();
    Ok((text.lines().count(), docs))
}

/// Compile time and peak memory of the code generated from a spec folder
/// (the imported platform): every service version a feature, all on, from
/// scratch; then one version (`im-v1` when there is one) alone.
pub(super) fn compile_of(spec: &Path) -> Result {
    let spec = spec
        .canonicalize()
        .map_err(|e| format!("{}: {e}", spec.display()))?;
    let mut features = Vec::new();
    for service in std::fs::read_dir(&spec).map_err(|e| e.to_string())? {
        let service = service.map_err(|e| e.to_string())?.path();
        let Some(name) = service
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_owned)
        else {
            continue;
        };
        if !service.is_dir() || name == "common" {
            continue;
        }
        for version in std::fs::read_dir(&service).map_err(|e| e.to_string())? {
            let version = version.map_err(|e| e.to_string())?.path();
            if let Some(v) = version.file_name().and_then(|n| n.to_str())
                && version.is_dir()
            {
                features.push(format!("{name}-{v}"));
            }
        }
    }
    features.sort();
    let dir = scratch().join("crate-of");
    let target = scratch().join("target");
    write_crate(&dir, &spec, &features)?;
    cargo_build(&dir, &target, &[])?;
    touch(&dir.join("src/lib.rs"))?;
    let (all, peak) = cargo_build_measured(&dir, &target, &[], false)?;
    let one_feature = if features.iter().any(|f| f == "im-v1") {
        "im-v1".to_owned()
    } else {
        features.first().cloned().unwrap_or_default()
    };
    let one_service = ["--no-default-features", "--features", one_feature.as_str()];
    cargo_build(&dir, &target, &one_service)?;
    touch(&dir.join("src/lib.rs"))?;
    let (one, one_peak) = cargo_build_measured(&dir, &target, &one_service, false)?;
    let gib = |peak: Option<f64>| {
        peak.map_or("not measured".to_owned(), |mib| {
            format!("{:.1} GiB", mib / 1024.0)
        })
    };
    println!(
        "{}: {} service versions; all, from scratch: {:.1} s, peak {}; `{one_feature}` alone: {:.1} s, peak {}",
        spec.display(),
        features.len(),
        all.as_secs_f64(),
        gib(peak),
        one.as_secs_f64(),
        gib(one_peak)
    );
    Ok(())
}
