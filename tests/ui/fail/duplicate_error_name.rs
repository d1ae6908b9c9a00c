// Two rows with one variant name.
lark_codegen_macro::generate!("duplicate_error_name");

fn main() {}
