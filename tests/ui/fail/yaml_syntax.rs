// Not YAML: a flow list that never closes.
lark_codegen_macro::generate!("yaml_syntax");

fn main() {}
