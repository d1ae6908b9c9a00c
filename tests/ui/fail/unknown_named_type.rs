// A reference to a type nobody defines.
lark_codegen_macro::generate!("unknown_named_type");

fn main() {}
