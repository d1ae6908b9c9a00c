// A file where only a download's response may be one.
lark_codegen_macro::generate!("binary_field");

fn main() {}
