//! Unit tests of checking: each mistake is reported once, at its place.

use crate::diag::{Diagnostics, FileId, SourceFile, Sources};
use crate::model::{Model, Ty, TypeKind};

/// Checks spec files given as (name, text), returning the model and messages.
pub(crate) fn check_texts(files: &[(&str, &str)]) -> (Model, Vec<String>) {
    let mut sources = Sources::default();
    let mut diags = Diagnostics::default();
    let mut decoded = Vec::new();
    for (name, text) in files {
        let id: FileId = sources.add(SourceFile {
            path: name.into(),
            display: (*name).to_owned(),
            text: (*text).to_owned(),
        });
        let node = crate::yaml::parse(id, text, &mut diags);
        if let Some(file) = node.and_then(|n| {
            <crate::spec::SpecFile as crate::decode::Decode>::decode(
                &n,
                &mut crate::decode::Cx { diags: &mut diags },
            )
        }) {
            decoded.push((id, file));
        }
    }
    let model = super::check(&decoded, &sources, &mut diags);
    (model, diags.render(&sources))
}

#[test]
fn resolves_types_across_files_and_modules() {
    let (model, errs) = check_texts(&[
        (
            "a.yaml",
            "service: im\nversion: v1\ntypes:\n  Holder:\n    type: object\n    fields:\n      user: {type: UserId}\n      emoji: {type: Emoji}\n",
        ),
        (
            "b.yaml",
            "service: im\nversion: v1\ntypes:\n  Emoji:\n    type: object\n    fields:\n      emoji_type: {type: string}\n",
        ),
        (
            "c.yaml",
            "types:\n  UserId:\n    type: object\n    fields:\n      open_id: {type: string}\n",
        ),
    ]);
    assert!(errs.is_empty(), "{errs:?}");
    let holder = model.types.iter().find(|t| t.name == "Holder").unwrap();
    let TypeKind::Object(fields) = &holder.kind else {
        panic!()
    };
    let names: Vec<String> = fields
        .iter()
        .map(|f| match &f.ty {
            Ty::Named(id) => model.types[id.0].name.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(names, ["UserId", "Emoji"]);
}
