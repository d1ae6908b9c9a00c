//! Every class of spec mistake is a compiler error starting with
//! `file:line:col`, and one mistake is one error (`tests/ui/fail/*.stderr`).
//! `TRYBUILD=overwrite` rewrites the expected output.

#[test]
fn spec_mistakes_are_compile_errors() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/fail/*.rs");
}
