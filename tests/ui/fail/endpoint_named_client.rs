// An endpoint named like the calls' own client().
lark_codegen_macro::generate!("endpoint_named_client");

fn main() {}
