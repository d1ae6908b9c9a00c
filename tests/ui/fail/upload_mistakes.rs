// Uploads written wrong: each mistake located in the spec.
lark_codegen_macro::generate!("upload_mistakes");

fn main() {}
