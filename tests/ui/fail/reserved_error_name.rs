// A row named like the catch-all variant.
lark_codegen_macro::generate!("reserved_error_name");

fn main() {}
