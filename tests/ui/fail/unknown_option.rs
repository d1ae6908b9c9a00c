// A misspelt macro option.
lark_codegen_macro::generate!("unknown_key", runtim = ::lark_sdk);

fn main() {}
