// A default that is not a value of the parameter's enum.
lark_codegen_macro::generate!("bad_default");

fn main() {}
