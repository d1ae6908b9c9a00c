// GET requests carry no body.
lark_codegen_macro::generate!("body_on_get");

fn main() {}
