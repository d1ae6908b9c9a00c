// An endpoint that accepts no token.
lark_codegen_macro::generate!("empty_tokens");

fn main() {}
