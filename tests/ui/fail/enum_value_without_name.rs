// A value that makes no Rust variant name.
lark_codegen_macro::generate!("enum_value_without_name");

fn main() {}
