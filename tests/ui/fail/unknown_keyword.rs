// A misspelt HTTP method.
lark_codegen_macro::generate!("unknown_keyword");

fn main() {}
