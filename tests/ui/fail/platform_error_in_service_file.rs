// Platform-wide codes live in a file without `service`.
lark_codegen_macro::generate!("platform_error_in_service_file");

fn main() {}
