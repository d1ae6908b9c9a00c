// The same event described twice.
lark_codegen_macro::generate!("duplicate_event_type");

fn main() {}
