// A misspelt key inside a field.
lark_codegen_macro::generate!("unknown_field_key");

fn main() {}
