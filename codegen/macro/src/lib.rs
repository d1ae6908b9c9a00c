//! `generate!("../spec")`: typed Feishu / Lark Open Platform bindings from a
//! YAML spec folder, generated when the crate is built.
//!
//! The path is relative to the file that invokes the macro, as with
//! `include_str!`. Every spec mistake becomes a `compile_error!` whose message
//! starts with `file:line:col`; what can still be generated is, so one mistake
//! is one error.
//!
//! Options follow the path:
//!
//! - `runtime = some::path`: the runtime crate the generated code calls
//!   (default `::lark_sdk`);
//! - `service_features = true`: put each version of a service behind a Cargo
//!   feature named `<service>-<version>` (`im-v1`); or `service_features =
//!   env!("VAR")`, where a build script has put the enabled features
//!   (`CARGO_FEATURE_*` names, comma-separated) in `VAR`: then versions whose
//!   feature is off are not generated at all. A version whose feature the
//!   crate's `Cargo.toml` does not declare is generated ungated, so a spec
//!   file of a new service appears with no other change;
//! - `calls = trait | none`: the client's call methods come through a
//!   generated `ClientExt` trait, handler registration through
//!   `DispatcherExt`, both in `prelude` (default); or there are none;
//! - `serde = both | directed | "feature"`: which serde traits the types
//!   derive: both (default); or each type those of the ways it travels
//!   (`Serialize` when a request or a callback's answer holds it,
//!   `Deserialize` when a response or an event does), half the code for
//!   most types; or that, and both when the invoking crate's feature of
//!   that name is on;
//! - `runtime_features = true`: the invoking crate forwards the runtime's
//!   `client` and `events` features (as lark-sdk does), so the calls are
//!   generated behind `client` and handler registration behind `events`;
//! - `base = "path"` or `base = env!("VAR")`: the spec folder the runtime crate
//!   was generated from. Its types (`UserId`, `Emoji`…), platform-wide errors
//!   and names are known to this spec and checked against, but not generated
//!   again; call methods extend the runtime's call groups. A path is relative
//!   to the invoking file; `env!` reads the variable when the macro expands
//!   (lark-sdk's build script publishes its spec folder as `DEP_LARK_SDK_SPEC`
//!   for a build script to pass on with `cargo::rustc-env`).
//!
//! The macro re-expands when a spec file it read changes. To pick up files
//! added to the folder, the invoking crate's build script says
//! `cargo:rerun-if-changed=<spec folder>`.

use std::path::{Path, PathBuf};

use proc_macro::TokenStream;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::{LitBool, LitStr, Token};

struct Args {
    path: LitStr,
    options: lark_codegen::Options,
    base: Option<Base>,
    /// `service_features = env!("VAR")`.
    features_var: Option<LitStr>,
}

/// Where the base spec is, as written.
enum Base {
    /// Relative to the invoking file.
    Path(LitStr),
    /// In an environment variable, read at expansion.
    Env(LitStr),
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut options = lark_codegen::Options::default();
        let mut base = None;
        let mut features_var = None;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            match key.to_string().as_str() {
                "runtime" => options.runtime = input.parse()?,
                "runtime_features" => options.runtime_features = input.parse::<LitBool>()?.value,
                "base" => base = Some(parse_base(input)?),
                "service_features" => {
                    if input.peek(LitBool) {
                        options.service_features = input.parse::<LitBool>()?.value;
                    } else {
                        let var = parse_env(
                            input,
                            "`service_features` takes `true`, `false` or `env!(\"VAR\")`",
                        )?;
                        options.service_features = true;
                        features_var = Some(var);
                    }
                }
                "serde" => {
                    options.serde = if input.peek(LitStr) {
                        lark_codegen::Serde::DirectedUnless(input.parse::<LitStr>()?.value())
                    } else {
                        let how: syn::Ident = input.parse()?;
                        match how.to_string().as_str() {
                            "both" => lark_codegen::Serde::Both,
                            "directed" => lark_codegen::Serde::Directed,
                            other => {
                                return Err(syn::Error::new(
                                    how.span(),
                                    format!(
                                        "unknown `serde` value `{other}` (expected `both`, `directed` or a feature name in quotes)"
                                    ),
                                ));
                            }
                        }
                    };
                }
                "calls" => {
                    let how: syn::Ident = input.parse()?;
                    options.calls = match how.to_string().as_str() {
                        "trait" => lark_codegen::Calls::Trait,
                        "none" => lark_codegen::Calls::None,
                        other => {
                            return Err(syn::Error::new(
                                how.span(),
                                format!(
                                    "unknown `calls` value `{other}` (expected `trait` or `none`)"
                                ),
                            ));
                        }
                    };
                }
                other => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!(
                            "unknown option `{other}` (expected `runtime`, `runtime_features`, `service_features`, `calls`, `serde` or `base`)"
                        ),
                    ));
                }
            }
        }
        Ok(Args {
            path,
            options,
            base,
            features_var,
        })
    }
}

/// `"path"` or `env!("VAR")`.
fn parse_base(input: ParseStream<'_>) -> syn::Result<Base> {
    if input.peek(LitStr) {
        return Ok(Base::Path(input.parse()?));
    }
    parse_env(
        input,
        "`base` takes a path (`\"../spec\"`) or `env!(\"VAR\")`",
    )
    .map(Base::Env)
}

/// `env!("VAR")`, or an error saying what the option takes.
fn parse_env(input: ParseStream<'_>, expected: &str) -> syn::Result<LitStr> {
    let call: syn::Macro = input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), expected))?;
    if call.path.is_ident("env") {
        return call.parse_body();
    }
    Err(syn::Error::new_spanned(call, expected))
}

/// Generates the bindings of a spec folder. See the crate docs.
#[proc_macro]
pub fn generate(input: TokenStream) -> TokenStream {
    let mut args = match syn::parse::<Args>(input) {
        Ok(args) => args,
        Err(err) => return err.to_compile_error().into(),
    };
    args.options.base = match &args.base {
        None => None,
        Some(Base::Path(path)) => {
            let (dir, display) = resolve(&path.value());
            Some(lark_codegen::SpecDir { dir, display })
        }
        Some(Base::Env(var)) => match std::env::var(var.value()) {
            Ok(value) if !value.is_empty() => {
                let (dir, display) = resolve(&value);
                Some(lark_codegen::SpecDir { dir, display })
            }
            _ => {
                let message = format!(
                    "`base`: the environment variable `{}` is not set; a build script sets it with `cargo::rustc-env={}=<spec folder>` (lark-sdk publishes its folder as `DEP_LARK_SDK_SPEC`)",
                    var.value(),
                    var.value()
                );
                return syn::Error::new(var.span(), message)
                    .to_compile_error()
                    .into();
            }
        },
    };
    if let Some(var) = &args.features_var {
        match std::env::var(var.value()) {
            Ok(list) => {
                args.options.enabled_features = Some(
                    list.split(',')
                        .map(str::trim)
                        .filter(|f| !f.is_empty())
                        .map(str::to_owned)
                        .collect(),
                );
            }
            Err(_) => {
                let message = format!(
                    "`service_features`: the environment variable `{0}` is not set; a build script sets it with `cargo::rustc-env={0}=<enabled features>` (the names of its `CARGO_FEATURE_*` variables)",
                    var.value()
                );
                return syn::Error::new(var.span(), message)
                    .to_compile_error()
                    .into();
            }
        }
    }
    // A version whose feature the crate does not declare is generated
    // ungated: a new service's spec file appears with no change beside it.
    let mut manifest = None;
    if args.options.service_features
        && let Some(crate_dir) = std::env::var_os("CARGO_MANIFEST_DIR")
    {
        let path = PathBuf::from(crate_dir).join("Cargo.toml");
        if let Ok(text) = std::fs::read_to_string(&path) {
            args.options.declared_features = Some(lark_codegen::declared_features(&text));
            manifest = Some(path);
        }
    }
    let (dir, display) = resolve(&args.path.value());
    // Generate with proc-macro2's own token implementation, then hand rustc
    // the text to parse once: building hundreds of thousands of tokens one
    // call at a time across the compiler's bridge is what makes large specs
    // slow to expand. Every generated span is the call site either way.
    proc_macro2::fallback::force();
    let text = expand(&dir, &display, &args.options, manifest.as_deref());
    proc_macro2::fallback::unforce();
    match text.parse() {
        Ok(stream) => stream,
        // Not reached: the text is what proc-macro2 printed from tokens.
        Err(e) => {
            let message = format!("lark-codegen produced code rustc cannot read: {e}");
            quote!(::core::compile_error!(#message);).into()
        }
    }
}

/// The generated items, compile errors and file tracking, as text.
fn expand(
    dir: &Path,
    display: &str,
    options: &lark_codegen::Options,
    manifest: Option<&Path>,
) -> String {
    let out = lark_codegen::generate_text(dir, display, options);
    let errors = out
        .errors
        .iter()
        .map(|e| quote!(::core::compile_error!(#e);));
    let tracked = out
        .files
        .iter()
        .map(PathBuf::as_path)
        .chain(manifest)
        .map(|f| {
            let path = f.to_string_lossy();
            quote!(
                const _: &[u8] = ::core::include_bytes!(#path);
            )
        });
    let mut text = quote! {
        #(#errors)*
        #(#tracked)*
    }
    .to_string();
    text.push(' ');
    text.push_str(&out.text);
    text
}

/// The folder (absolute) and how to show it: relative to the working
/// directory, as rustc shows source paths, when it is below it.
fn resolve(written: &str) -> (PathBuf, String) {
    let cwd = std::env::current_dir().unwrap_or_default();
    let base = proc_macro::Span::call_site()
        .local_file()
        .and_then(|file| file.parent().map(Path::to_path_buf))
        .map(|parent| cwd.join(parent))
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from))
        .unwrap_or_else(|| cwd.clone());
    let joined = base.join(written);
    let dir = joined.canonicalize().unwrap_or_else(|_| clean(&joined));
    let cwd = cwd.canonicalize().unwrap_or(cwd);
    let display = match dir.strip_prefix(&cwd) {
        Ok(relative) if !relative.as_os_str().is_empty() => relative.to_string_lossy().into_owned(),
        _ => dir.to_string_lossy().into_owned(),
    };
    (dir, display)
}

/// `a/b/../c` → `a/c`, without touching the file system.
fn clean(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
