// Two JSON names that make one Rust field.
lark_codegen_macro::generate!("field_name_collision");

fn main() {}
