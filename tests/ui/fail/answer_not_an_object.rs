// A callback's answer that is not an object.
lark_codegen_macro::generate!("answer_not_an_object");

fn main() {}
