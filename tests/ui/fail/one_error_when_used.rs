// Code that uses a type with a broken field still compiles around the stand-in:
// the spec mistake is the only error.
lark_codegen_macro::generate!("one_error_when_used");

fn main() {
    let thing = demo::v1::Thing::new().size(3);
    let _ = thing.name;
    let _ = thing.size;
}
