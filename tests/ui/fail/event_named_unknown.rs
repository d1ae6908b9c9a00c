// An event named like the Event enum's catch-all variant.
lark_codegen_macro::generate!("event_named_unknown");

fn main() {}
