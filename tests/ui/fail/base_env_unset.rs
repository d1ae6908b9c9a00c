// `base = env!(..)` naming a variable no build script set.
lark_codegen_macro::generate!("unknown_key", base = env!("LARK_NO_SUCH_SPEC_VARIABLE"));

fn main() {}
