// Three mistakes in two files: all three are reported.
lark_codegen_macro::generate!("many_mistakes");

fn main() {}
