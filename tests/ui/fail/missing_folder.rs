// The spec folder does not exist.
lark_codegen_macro::generate!("no_such_folder");

fn main() {}
