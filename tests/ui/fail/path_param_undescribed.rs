// A `:param` in the path with no description under path_params.
lark_codegen_macro::generate!("path_param_undescribed");

fn main() {}
