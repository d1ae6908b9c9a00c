//! Items the generated code calls; not part of the public API.

use std::fmt;
use std::marker::PhantomData;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserializer;
use serde::de::Visitor;

pub use crate::__deserialize_object as deserialize_object;
pub use crate::objects::{Object, Required, Slot, deserialize_object, read_fields};
pub use serde;
pub use serde_json;

use crate::error::InvalidRequest;

/// `impl Deserialize for` a generated object, through its [`Object`] impl:
/// one line in the generated code for a seven-line impl.
#[doc(hidden)]
#[macro_export]
macro_rules! __deserialize_object {
    ($ty:ident) => {
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_object(deserializer)
            }
        }
    };
}

/// Everything but the unreserved characters of RFC 3986 is escaped, `/` included,
/// so a parameter stays one path segment.
pub const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Appends a path parameter, percent-encoded; an empty one is refused.
pub fn push_path_param(
    path: &mut String,
    endpoint: &'static str,
    name: &'static str,
    value: &str,
) -> Result<(), InvalidRequest> {
    if value.is_empty() {
        return Err(InvalidRequest::EmptyPathParameter { endpoint, name });
    }
    path.extend(utf8_percent_encode(value, SEGMENT));
    Ok(())
}

/// Where a checked value sits in a request: a parameter or a body field,
/// a field of an object inside, an item of an array, a value of a map.
/// Written out (`members[2].name`) only when a bound is broken.
#[derive(Clone, Copy, Debug)]
pub enum At<'a> {
    /// The request body itself.
    Body,
    /// A parameter.
    Field(&'static str),
    /// A field of the object at the first.
    In(&'a At<'a>, &'static str),
    /// An item of the array at the first.
    Item(&'a At<'a>, usize),
    /// The value under a key of the map at the first.
    Key(&'a At<'a>, &'a str),
}

impl At<'_> {
    /// The place as a path of wire names: `user_id_list`,
    /// `members[2].name`, `i18n["zh_cn"].title`.
    pub fn path(&self) -> std::borrow::Cow<'static, str> {
        match *self {
            Self::Body => "".into(),
            Self::Field(name) | Self::In(Self::Body, name) => name.into(),
            Self::In(parent, name) => format!("{}.{name}", parent.path()).into(),
            Self::Item(parent, index) => format!("{}[{index}]", parent.path()).into(),
            Self::Key(parent, key) => format!("{}[{key:?}]", parent.path()).into(),
        }
    }
}

/// The documented bounds of an object sent inside a request body, and of
/// the objects inside it, checked before sending.
pub trait Check {
    /// Refuses the first value outside its bound; `at` is where the object
    /// sits in the request.
    fn check(&self, endpoint: &'static str, at: &At<'_>) -> Result<(), InvalidRequest>;
}

impl<T: Check> Check for Box<T> {
    fn check(&self, endpoint: &'static str, at: &At<'_>) -> Result<(), InvalidRequest> {
        (**self).check(endpoint, at)
    }
}

/// Refuses a value below `min` or above `max`.
pub fn check_range<T: PartialOrd + fmt::Display>(
    endpoint: &'static str,
    at: At<'_>,
    value: T,
    min: Option<T>,
    max: Option<T>,
) -> Result<(), InvalidRequest> {
    let bound = match (min, max) {
        (Some(min), _) if value < min => format!("at least {min}"),
        (_, Some(max)) if value > max => format!("at most {max}"),
        _ => return Ok(()),
    };
    Err(InvalidRequest::OutOfBounds {
        endpoint,
        field: at.path(),
        bound,
        found: value.to_string(),
    })
}

/// Refuses a count (of characters, or of items) below `min` or above `max`;
/// `unit` names what is counted (`characters`, `items`).
pub fn check_count(
    endpoint: &'static str,
    at: At<'_>,
    count: usize,
    min: Option<u32>,
    max: Option<u32>,
    unit: &'static str,
) -> Result<(), InvalidRequest> {
    let count = u64::try_from(count).unwrap_or(u64::MAX);
    let counted = |n: u64| match n {
        1 => format!("1 {}", unit.strip_suffix('s').unwrap_or(unit)),
        n => format!("{n} {unit}"),
    };
    let bound = match (min, max) {
        (Some(min), _) if count < u64::from(min) => format!("at least {}", counted(min.into())),
        (_, Some(max)) if count > u64::from(max) => format!("at most {}", counted(max.into())),
        _ => return Ok(()),
    };
    Err(InvalidRequest::OutOfBounds {
        endpoint,
        field: at.path(),
        bound,
        found: counted(count),
    })
}

/// Deserializes an open string enum: any string is accepted, unknown ones
/// kept; a number (some senders write codes as numbers) is kept as its text.
pub fn deserialize_open_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: From<String> + for<'a> From<&'a str>,
{
    struct Open<T>(PhantomData<T>);

    impl<T: From<String> + for<'a> From<&'a str>> Visitor<'_> for Open<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a number")
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
            Ok(T::from(v.to_string()))
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
            Ok(T::from(v.to_string()))
        }

        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<T, E> {
            Ok(T::from(v.to_string()))
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            Ok(T::from(v))
        }

        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<T, E> {
            Ok(T::from(v))
        }
    }

    deserializer.deserialize_any(Open(PhantomData))
}

/// Deserializes an open integer enum: any whole number is accepted, unknown
/// ones kept; a string holding a whole number (some senders quote them) is
/// read as that number. Anything else is refused, naming what was found.
pub fn deserialize_int_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: From<i64>,
{
    struct Int<T>(PhantomData<T>);

    impl<T: From<i64>> Visitor<'_> for Int<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number")
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<T, E> {
            i64::try_from(v)
                .map(T::from)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<T, E> {
            Ok(T::from(v))
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            v.trim()
                .parse::<i64>()
                .map(T::from)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
        }
    }

    deserializer.deserialize_any(Int(PhantomData))
}

/// Reads a union's tag and content from the object holding it (the
/// remaining keys of a flattened field): the tag a string, the content any
/// JSON (`null` when absent). Other keys are skipped.
pub fn deserialize_union<'de, D: Deserializer<'de>>(
    deserializer: D,
    tag: &'static str,
    content: &'static str,
) -> Result<(String, serde_json::Value), D::Error> {
    struct Keys {
        tag: &'static str,
        content: &'static str,
    }

    impl<'de> Visitor<'de> for Keys {
        type Value = (String, serde_json::Value);

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an object with `{}` and `{}`", self.tag, self.content)
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let (mut tag, mut content) = (None, None);
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                if key == self.tag {
                    tag = Some(map.next_value::<String>()?);
                } else if key == self.content {
                    content = Some(map.next_value::<serde_json::Value>()?);
                } else {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
            let tag = tag.ok_or_else(|| serde::de::Error::missing_field(self.tag))?;
            Ok((tag, content.unwrap_or(serde_json::Value::Null)))
        }
    }

    deserializer.deserialize_map(Keys { tag, content })
}

/// A union's content as its variant's type, when it is one.
pub fn union_variant<T: serde::de::DeserializeOwned>(content: &serde_json::Value) -> Option<T> {
    T::deserialize(content).ok()
}

/// Writes a union as its two keys, into the object holding it.
pub fn serialize_union<S: serde::Serializer, T: serde::Serialize + ?Sized>(
    serializer: S,
    tag_key: &'static str,
    tag: &str,
    content_key: &'static str,
    content: &T,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(2))?;
    map.serialize_entry(tag_key, tag)?;
    map.serialize_entry(content_key, content)?;
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_path_parameters_as_one_segment() {
        let mut path = String::from("/m/");
        push_path_param(&mut path, "e", "p", "om_a/b c?d#é-._~").unwrap();
        assert_eq!(path, "/m/om_a%2Fb%20c%3Fd%23%C3%A9-._~");
        assert_eq!(
            push_path_param(&mut path, "e", "p", ""),
            Err(InvalidRequest::EmptyPathParameter {
                endpoint: "e",
                name: "p"
            })
        );
    }
}
