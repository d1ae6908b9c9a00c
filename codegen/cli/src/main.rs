//! `lark-spec`: a command line for spec authors.
//!
//! ```text
//! lark-spec check  [DIR] [--base BASE]   validate a spec folder; every problem as file:line:col
//! lark-spec expand [DIR] [--base BASE]   print the formatted Rust generated for a spec folder
//! lark-spec reference                    print the reference of the spec format (Markdown)
//! lark-spec schema                       print the JSON Schema of a spec file
//! ```
//!
//! `DIR` defaults to `spec`; `--base` names the spec folder the runtime crate
//! was generated from, for a spec that extends it. Exit status: 0 when the
//! spec is valid, 1 when it has problems, 2 on a usage error.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: lark-spec <check|expand|reference|schema> [DIR] [--base BASE]

  check  [DIR]   validate a spec folder and list every problem as file:line:col
  expand [DIR]   print the formatted Rust generated for a spec folder
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
