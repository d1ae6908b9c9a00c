// The same key twice in one mapping.
lark_codegen_macro::generate!("duplicate_yaml_key");

fn main() {}
