//! How generated objects are read from JSON.
//!
//! A generated object's `Deserialize` is one line (`__private`'s
//! `deserialize_object!`), which hands the map to [`deserialize_object`];
//! what is its own is only [`Object::from_map`], which lists a [`Slot`] per
//! field, in the order of [`Object::FIELDS`], and hands them to
//! [`read_fields`]. The visitor, the key loop and the error texts are written
//! once here, so each object costs the compiler one small body and a reader
//! per field type, instead of the field enum, two visitors and a sequence
//! reader a serde derive writes. Keys are compared without being copied;
//! unknown keys are skipped; a key given twice keeps its last value.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    Deserialize, DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, Visitor,
};

/// A generated object read from a JSON object.
pub trait Object: Sized {
    /// What a wrong value is said to have been expected as: `struct Thing`.
    const EXPECTING: &'static str;
    /// The JSON keys of its fields, in the order `from_map` lists their slots.
    const FIELDS: &'static [&'static str];

    /// Reads the object from its map, through [`read_fields`].
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` of a generated object.
pub fn deserialize_object<'de, D: Deserializer<'de>, T: Object>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor::<T>(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<fn() -> T>);

impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }
}

/// Reads a key as its index in a field list (`usize::MAX` when not in it).
#[derive(Clone, Copy, Debug)]
struct FieldIndex(&'static [&'static str]);

impl FieldIndex {
    fn find(self, key: &str) -> usize {
        self.0
            .iter()
            .position(|name| *name == key)
            .unwrap_or(usize::MAX)
    }
}

impl<'de> DeserializeSeed<'de> for FieldIndex {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldIndex {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: Error>(self, key: &str) -> Result<usize, E> {
        Ok(self.find(key))
    }

    fn visit_bytes<E: Error>(self, key: &[u8]) -> Result<usize, E> {
        Ok(std::str::from_utf8(key).map_or(usize::MAX, |key| self.find(key)))
    }

    // Formats that number their keys: an index past the list is unknown,
    // like any other key not in it.
    fn visit_u64<E: Error>(self, index: u64) -> Result<usize, E> {
        Ok(usize::try_from(index)
            .ok()
            .filter(|i| *i < self.0.len())
            .unwrap_or(usize::MAX))
    }
}

/// Where one field's value is read to: an optional field's `Option<T>`
/// (JSON `null` reads as absent) or a required field's [`Required`].
pub trait Slot<'de, A: MapAccess<'de>> {
    /// Reads the value of the key just read.
    fn read(&mut self, map: &mut A) -> Result<(), A::Error>;
}

impl<'de, A: MapAccess<'de>, T: Deserialize<'de>> Slot<'de, A> for Option<T> {
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        *self = map.next_value()?;
        Ok(())
    }
}

/// A required field while its object is read: `null` is a wrong value, not
/// an absent one, as with serde's derive.
#[derive(Debug)]
pub struct Required<T>(Option<T>);

impl<T> Required<T> {
    /// Nothing read yet.
    pub const fn new() -> Self {
        Self(None)
    }

    /// The value read, or serde's `missing field` error naming the key.
    pub fn take<E: Error>(self, key: &'static str) -> Result<T, E> {
        self.0.ok_or_else(|| E::missing_field(key))
    }
}

impl<T> Default for Required<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, A: MapAccess<'de>, T: Deserialize<'de>> Slot<'de, A> for Required<T> {
    fn read(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0 = Some(map.next_value()?);
        Ok(())
    }
}

/// Reads every key of `map` into the slot at its index in `fields`
/// (`slots` in the same order), skipping keys not in it.
pub fn read_fields<'de, A: MapAccess<'de>>(
    map: &mut A,
    fields: &'static [&'static str],
    slots: &mut [&mut dyn Slot<'de, A>],
) -> Result<(), A::Error> {
    while let Some(index) = map.next_key_seed(FieldIndex(fields))? {
        match slots.get_mut(index) {
            Some(slot) => slot.read(map)?,
            None => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq)]
    struct Thing {
        name: String,
        size: Option<u32>,
        tags: Option<Vec<String>>,
    }

    impl<'de> Deserialize<'de> for Thing {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            deserialize_object(d)
        }
    }

    impl Object for Thing {
        const EXPECTING: &'static str = "struct Thing";
        const FIELDS: &'static [&'static str] = &["name", "size", "tags"];

        fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
            let mut name = Required::<String>::new();
            let mut size: Option<u32> = None;
            let mut tags: Option<Vec<String>> = None;
            read_fields(
                &mut map,
                Self::FIELDS,
                &mut [&mut name, &mut size, &mut tags],
            )?;
            Ok(Thing {
                name: name.take("name")?,
                size,
                tags,
            })
        }
    }

    fn read(json: &str) -> Result<Thing, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_fields_skips_unknown_keys_and_takes_null_as_absent() {
        let thing = read(r#"{"extra":{"a":[1,2]},"size":null,"name":"n","tags":["x"]}"#).unwrap();
        assert_eq!(
            thing,
            Thing {
                name: "n".into(),
                size: None,
                tags: Some(vec!["x".into()])
            }
        );
    }

    #[test]
    fn escaped_keys_are_matched_too() {
        assert_eq!(read(r#"{"n\u0061me":"n"}"#).unwrap().name, "n");
    }

    /// The same object with serde's derive: the oracle for error texts.
    mod derived {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        pub struct Thing {
            name: String,
            #[serde(default)]
            size: Option<u32>,
            #[serde(default)]
            tags: Option<Vec<String>>,
        }
    }

    #[test]
    fn says_what_is_missing_or_wrong_as_serde_derive_does() {
        for json in [
            r#"{"size":1}"#,
            r#"{"name":7}"#,
            r#"{"name":null}"#,
            r#"{"name":"n","size":-1}"#,
            r#"{"name":"n","tags":"x"}"#,
            r#""thing""#,
            "null",
            r#"{"name":"n""#,
        ] {
            let derived = serde_json::from_str::<derived::Thing>(json)
                .unwrap_err()
                .to_string();
            assert_eq!(read(json).unwrap_err(), derived, "{json}");
        }
        // A derive also reads an array as the fields in order; a JSON object
        // never comes as one, and this says what was expected instead.
        assert_eq!(
            read(r#"["n"]"#).unwrap_err(),
            "invalid type: sequence, expected struct Thing at line 1 column 0"
        );
    }

    #[test]
    fn reads_from_a_json_value_and_keeps_the_last_of_a_repeated_key() {
        let value = serde_json::json!({"name": "n", "size": 3});
        assert_eq!(Thing::deserialize(value).unwrap().size, Some(3));
        assert_eq!(read(r#"{"name":"a","name":"b"}"#).unwrap().name, "b");
    }
}
