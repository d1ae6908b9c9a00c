// A type name that is not a Rust identifier.
lark_codegen_macro::generate!("invalid_type_name");

fn main() {}
