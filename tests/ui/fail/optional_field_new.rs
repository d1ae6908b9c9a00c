// An optional field whose setter would be named like the constructor.
lark_codegen_macro::generate!("optional_field_new");

fn main() {}
