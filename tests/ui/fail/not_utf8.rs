// A spec file that is not UTF-8 text.
lark_codegen_macro::generate!("not_utf8");

fn main() {}
