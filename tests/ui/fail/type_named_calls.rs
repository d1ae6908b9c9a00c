// A type named like the generated calls of its module.
lark_codegen_macro::generate!("type_named_calls");

fn main() {}
