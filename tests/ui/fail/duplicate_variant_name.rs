// Two values with one variant name.
lark_codegen_macro::generate!("duplicate_variant_name");

fn main() {}
