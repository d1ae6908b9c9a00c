//! Hands the spec folder the packaged lark-sdk publishes to the macro, as a
//! crate extending the SDK does.

fn main() {
    println!("cargo::rerun-if-changed=spec");
    let spec = std::env::var("DEP_LARK_SDK_SPEC").expect("lark-sdk publishes DEP_LARK_SDK_SPEC");
    assert!(
        std::path::Path::new(&spec).join("im").is_dir(),
        "DEP_LARK_SDK_SPEC={spec} is not the packaged spec folder"
    );
    println!("cargo::rustc-env=LARK_SDK_SPEC={spec}");
}
