// A misspelt built-in type.
lark_codegen_macro::generate!("unknown_builtin_type");

fn main() {}
