//! Tells the server where lark-sdk's spec folder is (lark-sdk publishes it
//! to the build scripts of crates that depend on it, `DEP_LARK_SDK_SPEC`):
//! the endpoints without rules here are answered by their contract, read
//! from it when first asked for.

fn main() {
    println!("cargo::rerun-if-env-changed=DEP_LARK_SDK_SPEC");
    if let Some(spec) = std::env::var_os("DEP_LARK_SDK_SPEC") {
        println!(
            "cargo::rustc-env=LARK_DEVSERVER_SPEC={}",
            spec.to_string_lossy()
        );
    }
}
