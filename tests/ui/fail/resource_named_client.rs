// A resource named like the calls' own client().
lark_codegen_macro::generate!("resource_named_client");

fn main() {}
