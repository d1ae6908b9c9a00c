// A scalar where a list is expected.
lark_codegen_macro::generate!("wrong_shape");

fn main() {}
