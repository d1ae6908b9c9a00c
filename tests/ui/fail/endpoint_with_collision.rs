// An endpoint named like another's per-call-options method.
lark_codegen_macro::generate!("endpoint_with_collision");

fn main() {}
