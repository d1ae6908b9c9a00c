//! The decoders of what `spec_struct!` does not declare: prose, enum values,
//! and type expressions, whose keys come from [`TYPE_KEYS`].

use super::keys::{
    Builtin, ENUM_VALUE_KEYS, Role, TYPE_KEYS, TypeKey, enum_value_schema, text_schema,
};
use super::{EnumValue, Schema, Text};
use crate::decode::{Cx, Decode, Spanned, scalar};
use crate::diag::Loc;
use crate::schema::{Defs, Json};
use crate::yaml::{Key, Node, NodeKind};

impl Decode for Text {
    const EXPECTED: &'static str = "a string, or a mapping with `zh` and/or `en`";

    fn schema(defs: &mut Defs) -> Json {
        text_schema(defs)
    }

    fn placeholder(loc: Loc) -> Self {
        Text {
            loc,
            ..Text::default()
        }
    }

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        let mut text = Text {
            loc: node.loc,
            ..Text::default()
        };
        match &node.kind {
            NodeKind::Map(entries) => {
                for (key, value) in entries {
                    let slot = match key.text.as_str() {
                        "zh" => &mut text.zh,
                        "en" => &mut text.en,
                        _ => {
                            let _ = cx.unknown_key(key, "text", &["zh", "en"]);
                            continue;
                        }
                    };
                    *slot = String::decode(value, cx);
                }
                if entries.is_empty() {
                    cx.error(node.loc, "text needs `zh`, `en` or both");
                }
            }
            _ => text.plain = Some(scalar(node, Self::EXPECTED, cx)?.to_owned()),
        }
        Some(text)
    }
}

impl Decode for EnumValue {
    const EXPECTED: &'static str = "a value, or a mapping with `value`, `name`, `description`";

    fn schema(defs: &mut Defs) -> Json {
        enum_value_schema(defs)
    }

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        let mut out = EnumValue {
            loc: node.loc,
            ..EnumValue::default()
        };
        let NodeKind::Map(entries) = &node.kind else {
            out.value = Spanned::decode(node, cx)?;
            return Some(out);
        };
        let mut value_read = None;
        let mut misspelt = None;
        for (key, value) in entries {
            match key.text.as_str() {
                "value" => {
                    value_read = Some(Spanned::decode(value, cx));
                }
                "name" => out.name = Spanned::decode(value, cx),
                "description" => out.description = Text::decode(value, cx),
                _ => {
                    let known: Vec<&str> = ENUM_VALUE_KEYS.iter().map(|(k, _)| *k).collect();
                    misspelt = misspelt.or(cx.unknown_key(key, "enum value", &known));
                }
            }
        }
        match value_read {
            // A value that cannot be read is reported, and the item dropped.
            Some(value) => out.value = value?,
            None => {
                if misspelt != Some("value") {
                    cx.error(node.loc, "missing required key `value` in enum value");
                }
                return None;
            }
        }
        Some(out)
    }
}

impl Schema {
    /// Reads a type expression in a given role. Whether its `type` names a
    /// type is checked later, in [`crate::check`].
    pub fn decode_as(node: &Node, role: Role, cx: &mut Cx<'_>) -> Option<Self> {
        let what = role.what();
        let entries = cx.map(node, what)?;
        let mut out = Schema {
            loc: node.loc,
            ..Schema::default()
        };
        let mut present: Vec<(&TypeKey, &Key)> = Vec::new();
        let mut misspelt: Vec<&str> = Vec::new();
        for (key, value) in entries {
            let Some(def) = TYPE_KEYS.iter().find(|k| k.name == key.text) else {
                let allowed: Vec<&str> = TYPE_KEYS
                    .iter()
                    .filter(|k| role.allows(k))
                    .map(|k| k.name)
                    .collect();
                misspelt.extend(cx.unknown_key(key, what, &allowed));
                continue;
            };
            if !role.allows(def) {
                cx.error(
                    key.loc,
                    format!("key `{}` is not allowed in a {what}", key.text),
                );
                continue;
            }
            (def.decode)(value, cx, &mut out);
            if def.name == "type" {
                out.type_stand_in(value, cx);
            }
            present.push((def, key));
        }
        let mut complete = true;
        for def in TYPE_KEYS.iter().filter(|k| k.required) {
            if !present.iter().any(|(k, _)| k.name == def.name) {
                complete = false;
                if !misspelt.contains(&def.name) {
                    cx.error(
                        node.loc,
                        format!("missing required key `{}` in {what}", def.name),
                    );
                }
            }
        }
        if !complete {
            out.ty = Spanned::new(Builtin::Any.name().to_owned(), node.loc);
            return Some(out);
        }
        out.check_kind_keys(&present, cx);
        Some(out)
    }

    /// A `type` that is not a name (reported while decoding it, or here when
    /// empty) keeps the place of its value, for the checks after it.
    fn type_stand_in(&mut self, value: &Node, cx: &mut Cx<'_>) {
        if !self.ty.value.is_empty() {
            return;
        }
        if matches!(&value.kind, NodeKind::Scalar { .. }) && !value.is_null() {
            cx.error(
                value.loc,
                "`type` is empty; expected a built-in type or the name of a type",
            );
        }
        self.ty.loc = value.loc.stand_in();
    }

    /// `fields`, `values` and `items` belong to some built-in types each, and
    /// those types need them.
    fn check_kind_keys(&self, present: &[(&TypeKey, &Key)], cx: &mut Cx<'_>) {
        let ty = self.ty.value.as_str();
        let builtin = self.builtin();
        for (def, key) in present {
            let belongs = builtin.is_some_and(|b| def.goes_with.contains(&b));
            if !def.goes_with.is_empty() && !belongs {
                cx.error(
                    key.loc,
                    format!(
                        "key `{}` goes with {}, but the type here is `{ty}`",
                        key.text,
                        def.owners()
                    ),
                );
            }
        }
        let needed = builtin.and_then(|b| {
            TYPE_KEYS
                .iter()
                .find(|k| k.needed && k.goes_with.contains(&b))
        });
        if let Some(needed) = needed
            && !present.iter().any(|(k, _)| k.name == needed.name)
        {
            cx.error(
                self.ty.loc,
                format!("`type: {ty}` needs the key `{}`", needed.name),
            );
        }
    }
}
