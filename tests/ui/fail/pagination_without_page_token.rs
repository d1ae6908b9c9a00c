// A paged endpoint must take page_token.
lark_codegen_macro::generate!("pagination_without_page_token");

fn main() {}
