// Unions written wrong: each mistake located in the spec.
lark_codegen_macro::generate!("union_mistakes");

fn main() {}
