//! `lark-spec`: a command line for spec authors.
//!
//! ```text
//! lark-spec check  [DIR]   validate a spec folder; every problem as file:line:col
//! lark-spec expand [DIR]   print the formatted Rust generated for a spec folder
//! lark-spec reference      print the reference of the spec format (Markdown)
//! ```
//!
//! `DIR` defaults to `spec`. Exit status: 0 when the spec is valid, 1 when it
//! has problems, 2 on a usage error.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: lark-spec <check|expand|reference> [DIR]

  check  [DIR]   validate a spec folder and list every problem as file:line:col
  expand [DIR]   print the formatted Rust generated for a spec folder
  reference      print the reference of the spec format (Markdown)

DIR defaults to `spec`.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, dir) = match args.as_slice() {
        [c] => (c.as_str(), "spec"),
        [c, d] => (c.as_str(), d.as_str()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        "check" => check(dir),
        "expand" => expand(dir),
        "reference" => {
            print!("{}", lark_codegen::reference::markdown());
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

fn run(dir: &str) -> lark_codegen::Output {
    let display = dir.trim_end_matches('/');
    lark_codegen::generate(Path::new(dir), display, &lark_codegen::Options::default())
}

fn report(errors: &[String]) -> ExitCode {
    for error in errors {
        eprintln!("{error}");
    }
    let n = errors.len();
    eprintln!("{n} problem{}", if n == 1 { "" } else { "s" });
    ExitCode::from(1)
}

fn check(dir: &str) -> ExitCode {
    let out = run(dir);
    if !out.errors.is_empty() {
        return report(&out.errors);
    }
    let n = out.files.len();
    println!(
        "{}: {n} file{}, no problems",
        dir.trim_end_matches('/'),
        if n == 1 { "" } else { "s" }
    );
    ExitCode::SUCCESS
}

fn expand(dir: &str) -> ExitCode {
    let out = run(dir);
    print!("{}", lark_codegen::format(&out.tokens));
    if out.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        report(&out.errors)
    }
}
