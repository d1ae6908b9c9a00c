// A callback's answer on a 1.0 event: callbacks come in 2.0 envelopes.
lark_codegen_macro::generate!("answer_on_v1_event");

fn main() {}
