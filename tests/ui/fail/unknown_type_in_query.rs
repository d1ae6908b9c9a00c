// An unknown type in a query parameter: one error, the unknown type.
lark_codegen_macro::generate!("unknown_type_in_query");

fn main() {}
