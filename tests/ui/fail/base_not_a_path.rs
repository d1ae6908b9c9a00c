// `base` takes a path or `env!("VAR")`.
lark_codegen_macro::generate!("unknown_key", base = include_str!("x"));

fn main() {}
