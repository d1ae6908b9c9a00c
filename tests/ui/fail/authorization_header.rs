// Authorization comes from `tokens`, not `headers`.
lark_codegen_macro::generate!("authorization_header");

fn main() {}
