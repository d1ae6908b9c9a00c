// An integer enum with a value that is not a whole number.
lark_codegen_macro::generate!("int_enum_not_a_number");

fn main() {}
