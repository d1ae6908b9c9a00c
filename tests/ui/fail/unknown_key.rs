// A misspelt key is never ignored.
lark_codegen_macro::generate!("unknown_key");

fn main() {}
