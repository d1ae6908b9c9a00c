// A path parameter that the path does not have.
lark_codegen_macro::generate!("path_param_not_in_path");

fn main() {}
