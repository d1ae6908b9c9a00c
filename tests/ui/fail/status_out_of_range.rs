// HTTP statuses are 100 to 599.
lark_codegen_macro::generate!("status_out_of_range");

fn main() {}
