// An endpoint named like a paged endpoint's every-page method.
lark_codegen_macro::generate!("endpoint_all_collision");

fn main() {}
