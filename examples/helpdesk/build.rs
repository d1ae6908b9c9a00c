//! Passes lark-sdk's spec folder (published by its build script) on to the
//! macro as `LARK_SDK_SPEC`, and rebuilds when a file is added to `spec/`.

fn main() {
    println!("cargo::rerun-if-changed=spec");
    match std::env::var("DEP_LARK_SDK_SPEC") {
        Ok(spec) => println!("cargo::rustc-env=LARK_SDK_SPEC={spec}"),
        Err(_) => {
            println!("cargo::warning=lark-sdk did not publish its spec folder (DEP_LARK_SDK_SPEC)")
        }
    }
}
