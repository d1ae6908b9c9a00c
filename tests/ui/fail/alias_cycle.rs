// Two aliases of each other: no Rust type can be either.
lark_codegen_macro::generate!("alias_cycle");

fn main() {}
