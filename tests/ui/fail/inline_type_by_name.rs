// An inline type's type_name used as a type name elsewhere.
lark_codegen_macro::generate!("inline_type_by_name");

fn main() {}
