// Bounds that are not values of their type, the wrong way round, or on a
// type that has no such bound: one error each.
lark_codegen_macro::generate!("bad_bounds");

fn main() {}
