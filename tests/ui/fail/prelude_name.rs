// A type named like a name of Rust's prelude, which generated code uses.
lark_codegen_macro::generate!("prelude_name");

fn main() {}
