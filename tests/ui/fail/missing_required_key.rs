// An endpoint without its method.
lark_codegen_macro::generate!("missing_required_key");

fn main() {}
