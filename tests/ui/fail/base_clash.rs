// A type the base spec already defines in the same module.
lark_codegen_macro::generate!("base_clash", base = "base_clash_base");

fn main() {}
