// An endpoint named like the calls' own `with` (per-call options).
lark_codegen_macro::generate!("endpoint_with_collision");

fn main() {}
