// `values` belongs to enums, not objects.
lark_codegen_macro::generate!("key_of_another_kind");

fn main() {}
