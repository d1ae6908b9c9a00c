//! `lark-spec`: a command line for spec authors.
//!
//! ```text
//! lark-spec check  [DIR] [--base BASE]   validate a spec folder; every problem as file:line:col
//! lark-spec expand [DIR] [--base BASE]   print the formatted Rust generated for a spec folder
//! lark-spec import openapi FILE… --out DIR [--curated DIR2]… [--names NAMES]
//!                          [--node-events TS --go-sdk GO]
//!                                        write spec files from OpenAPI documents of the platform,
//!                                        and events from the official SDKs' definitions
//! lark-spec reference                    print the reference of the spec format (Markdown)
//! lark-spec schema                       print the JSON Schema of a spec file
//! ```
//!
//! `DIR` defaults to `spec`; `--base` names the spec folder the runtime crate
//! was generated from, for a spec that extends it. Exit status: 0 when the
//! spec is valid, 1 when it has problems, 2 on a usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: lark-spec <check|expand|reference|schema> [DIR] [--base BASE]

  check  [DIR]   validate a spec folder and list every problem as file:line:col
  expand [DIR]   print the formatted Rust generated for a spec folder
  import openapi FILE... --out DIR [--curated DIR2]... [--names NAMES]
                 [--node-events TS --go-sdk GO]
                 write spec files (DIR/service/version/resource.yaml) from
                 the platform's OpenAPI documents, and say what was left out;
                 hand-written files in DIR (and in each DIR2, a spec that
                 extends DIR) are never written over, and what they describe
                 is not imported. --names NAMES: the curation layer, names
                 chosen by hand for imported items (English summaries,
                 error variants and remedies, shared types), written into
                 the files imported. With --node-events (the Node SDK's
                 code-gen/events-template.ts) and --go-sdk (a checkout of
                 the Go SDK, for numbers' kinds and a check), the events too
  reference      print the reference of the spec format (Markdown)
  schema         print the JSON Schema of a spec file (for editors)

DIR defaults to `spec`. --base BASE: the spec folder the runtime crate was
generated from, when DIR extends it (as `generate!(.., base = ..)` does).";

/// What the command line asks for.
struct Args {
    command: String,
    dir: String,
    base: Option<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    let command = it.next().ok_or("no command")?.clone();
    let mut dir = None;
    let mut base = None;
    while let Some(arg) = it.next() {
        if arg == "--base" {
            base = Some(it.next().ok_or("--base needs a folder")?.clone());
        } else if arg.starts_with('-') {
            return Err(format!("unknown flag `{arg}`"));
        } else if dir.is_none() {
            dir = Some(arg.clone());
        } else {
            return Err(format!("unexpected argument `{arg}`"));
        }
    }
    Ok(Args {
        command,
        dir: dir.unwrap_or_else(|| "spec".to_owned()),
        base,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("import") {
        return import(&args[1..]);
    }
    let args = match parse(&args) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("{problem}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match args.command.as_str() {
        "check" => check(&args),
        "expand" => expand(&args),
        "reference" => {
            print!("{}", lark_codegen::reference::markdown());
            ExitCode::SUCCESS
        }
        "schema" => {
            println!("{}", lark_codegen::reference::json_schema());
            ExitCode::SUCCESS
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn options(args: &Args) -> lark_codegen::Options {
    lark_codegen::Options {
        base: args.base.as_ref().map(|base| lark_codegen::SpecDir {
            dir: base.into(),
            display: base.trim_end_matches('/').to_owned(),
        }),
        ..lark_codegen::Options::default()
    }
}

fn report(errors: &[String]) -> ExitCode {
    for error in errors {
        eprintln!("{error}");
    }
    let n = errors.len();
    eprintln!("{n} problem{}", if n == 1 { "" } else { "s" });
    ExitCode::from(1)
}

fn check(args: &Args) -> ExitCode {
    let display = args.dir.trim_end_matches('/');
    let out = lark_codegen::check_folder(Path::new(&args.dir), display, &options(args));
    if !out.errors.is_empty() {
        return report(&out.errors);
    }
    let n = out
        .files
        .iter()
        .filter(|f| f.starts_with(&args.dir))
        .count();
    let over = args
        .base
        .as_ref()
        .map(|b| format!(" over {}", b.trim_end_matches('/')))
        .unwrap_or_default();
    println!(
        "{}: {n} file{}{over}, no problems",
        args.dir.trim_end_matches('/'),
        if n == 1 { "" } else { "s" }
    );
    ExitCode::SUCCESS
}

fn expand(args: &Args) -> ExitCode {
    let display = args.dir.trim_end_matches('/');
    let out = lark_codegen::generate(Path::new(&args.dir), display, &options(args));
    print!("{}", lark_codegen::format(&out.tokens));
    if out.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        report(&out.errors)
    }
}

/// `import openapi FILE… --out DIR`.
fn import(args: &[String]) -> ExitCode {
    let usage = |problem: &str| {
        eprintln!("{problem}\n\n{USAGE}");
        ExitCode::from(2)
    };
    let Some((format, rest)) = args.split_first() else {
        return usage("import needs a format (`openapi`)");
    };
    if format != "openapi" {
        return usage(&format!(
            "unknown import format `{format}` (only `openapi`)"
        ));
    }
    let mut files = Vec::new();
    let mut out = None;
    let mut also = Vec::new();
    let mut names_dir = None;
    let (mut node_events, mut go_sdk) = (None, None);
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        if arg == "--out" {
            match it.next() {
                Some(dir) => out = Some(dir.clone()),
                None => return usage("--out needs a folder"),
            }
        } else if arg == "--curated" {
            match it.next() {
                Some(dir) => also.push(dir.clone()),
                None => return usage("--curated needs a folder"),
            }
        } else if arg == "--names" {
            match it.next() {
                Some(dir) => names_dir = Some(dir.clone()),
                None => return usage("--names needs a folder"),
            }
        } else if arg == "--node-events" {
            match it.next() {
                Some(file) => node_events = Some(file.clone()),
                None => return usage("--node-events needs a file"),
            }
        } else if arg == "--go-sdk" {
            match it.next() {
                Some(dir) => go_sdk = Some(dir.clone()),
                None => return usage("--go-sdk needs a folder"),
            }
        } else if arg.starts_with('-') {
            return usage(&format!("unknown flag `{arg}`"));
        } else {
            files.push(arg.clone());
        }
    }
    let (Some(out), false) = (out, files.is_empty()) else {
        return usage("import openapi needs FILE… and --out DIR");
    };
    let mut documents = Vec::new();
    for file in &files {
        match std::fs::read_to_string(file) {
            Ok(text) => documents.push((file.clone(), text)),
            Err(e) => return report(&[format!("{file}: cannot be read: {e}")]),
        }
    }
    let mut events = lark_codegen::import::EventSources::default();
    if let Some(file) = &node_events {
        match std::fs::read_to_string(file) {
            Ok(text) => events.node = Some((file.clone(), text)),
            Err(e) => return report(&[format!("{file}: cannot be read: {e}")]),
        }
        let Some(go) = &go_sdk else {
            return usage("--node-events needs --go-sdk too (the second source)");
        };
        match go_files(Path::new(go)) {
            Ok(files) => events.go = files,
            Err(problem) => return report(&[problem]),
        }
    }
    let existing = match spec_files(Path::new(&out)) {
        Ok(existing) => existing,
        Err(problems) => return report(&problems),
    };
    // Curated files elsewhere (a crate extending the spec): what they
    // describe is left out too; they are never written.
    let mut known = existing.clone();
    for dir in &also {
        match spec_files(Path::new(dir)) {
            Ok(files) => {
                for (path, text) in files {
                    if !lark_codegen::import::is_imported(&text) {
                        known.insert(Path::new(dir).join(path), text);
                    }
                }
            }
            Err(problems) => return report(&problems),
        }
    }
    // The curation layer: names chosen by hand, written into what is
    // imported.
    let mut curation = std::collections::BTreeMap::new();
    if let Some(dir) = &names_dir {
        if !Path::new(dir).is_dir() {
            return report(&[format!("{dir}: no such folder (--names)")]);
        }
        match spec_files(Path::new(dir)) {
            Ok(files) => {
                for (path, text) in files {
                    curation.insert(Path::new(dir).join(path), text);
                }
            }
            Err(problems) => return report(&problems),
        }
    }
    let import = match lark_codegen::import::platform_named(&documents, &events, &known, &curation)
    {
        Ok(import) => import,
        Err(problems) => return report(&problems),
    };
    // What an earlier import wrote and this one does not is gone.
    for (path, text) in &existing {
        if lark_codegen::import::is_imported(text) && !import.files.contains_key(path) {
            let path = Path::new(&out).join(path);
            if let Err(e) = std::fs::remove_file(&path) {
                return report(&[format!("{}: cannot be removed: {e}", path.display())]);
            }
            // Folders left empty go too (a service the source renamed),
            // up to the output folder; `remove_dir` keeps any that is not
            // empty.
            let mut folder = path.parent();
            while let Some(dir) = folder {
                if dir == Path::new(&out) || std::fs::remove_dir(dir).is_err() {
                    break;
                }
                folder = dir.parent();
            }
        }
    }
    for (path, text) in &import.files {
        let path = Path::new(&out).join(path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            return report(&[format!("{}: cannot be written: {e}", path.display())]);
        }
    }
    for skipped in &import.skipped {
        eprintln!("left out: {skipped}");
    }
    for curated in &import.curated {
        eprintln!("curated: {curated}");
    }
    for (tier, n) in &import.unmapped_tiers {
        eprintln!(
            "rate-limit tier {tier} has no documented numbers: {n} endpoints without a rate limit"
        );
    }
    for difference in &import.differences {
        eprintln!("the SDKs differ: {difference}");
    }
    println!(
        "{out}: {} endpoints and {} events in {} files; {} left out, {} described by curated files; the SDKs differ in {} places",
        import.endpoints,
        import.events,
        import.files.len(),
        import.skipped.len(),
        import.curated.len(),
        import.differences.len()
    );
    ExitCode::SUCCESS
}

/// The Go SDK's files the events are checked against, by path in it:
/// `event/dispatcher/*.go` and `service/*/*/model.go`.
fn go_files(root: &Path) -> Result<Vec<(String, String)>, String> {
    let read_dir = |dir: &Path| {
        std::fs::read_dir(dir)
            .map_err(|e| format!("{}: cannot be read: {e}", dir.display()))
            .map(|entries| {
                let mut paths: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                paths.sort();
                paths
            })
    };
    let mut files = Vec::new();
    let mut add = |path: &Path| -> Result<(), String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
        let shown = path.strip_prefix(root).unwrap_or(path);
        files.push((shown.to_string_lossy().replace('\\', "/"), text));
        Ok(())
    };
    for path in read_dir(&root.join("event/dispatcher"))? {
        if path.extension().is_some_and(|e| e == "go") {
            add(&path)?;
        }
    }
    for service in read_dir(&root.join("service"))? {
        if !service.is_dir() {
            continue;
        }
        for version in read_dir(&service)? {
            let model = version.join("model.go");
            if model.is_file() {
                add(&model)?;
            }
        }
    }
    Ok(files)
}

/// The spec files under a folder, as the loader finds them (none when the
/// folder does not exist yet), by path under it, with their text.
fn spec_files(root: &Path) -> Result<std::collections::BTreeMap<PathBuf, String>, Vec<String>> {
    let mut files = std::collections::BTreeMap::new();
    if !root.exists() {
        return Ok(files);
    }
    let display = root.display().to_string();
    let (paths, problems) = lark_codegen::spec_files(root, &display);
    if !problems.is_empty() {
        return Err(problems);
    }
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| vec![format!("{}: cannot be read: {e}", path.display())])?;
        let relative = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        files.insert(relative, text);
    }
    Ok(files)
}
