// The same code twice in an error table.
lark_codegen_macro::generate!("duplicate_error_code");

fn main() {}
