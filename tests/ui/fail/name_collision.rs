// A type named like an endpoint's generated request.
lark_codegen_macro::generate!("name_collision");

fn main() {}
