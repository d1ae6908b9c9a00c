// A service named like the generated prelude module.
lark_codegen_macro::generate!("service_named_prelude");

fn main() {}
