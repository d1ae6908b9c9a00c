//! Made-up requests and answers that fit a contract: what contract mode
//! answers, and what a test sends.

use serde_json::{Map, Value};

use super::{Contract, Contracts, Shape, mix};

impl Contracts {
    /// A request that passes [`Contracts::check`], made from `seed`: path
    /// parameters and the required query parameters as JSON values
    /// (`{"path": {…}, "query": {…}, "body": …}`), the body with its fields
    /// down to a few levels (none for a form).
    pub fn sample_request(&self, c: &Contract, seed: u64) -> Value {
        let mut path = Map::new();
        for input in &c.path_params {
            let value = match self.sample(&input.shape, &input.wire, seed, 0) {
                Value::String(s) if s.is_empty() => Value::String(format!("{}_1", input.wire)),
                other => other,
            };
            path.insert(input.wire.clone(), value);
        }
        let mut query = Map::new();
        for input in c.query.iter().filter(|i| i.required) {
            query.insert(
                input.wire.clone(),
                self.sample(&input.shape, &input.wire, seed, 0),
            );
        }
        let body = match &c.body {
            Some(shape) if !c.multipart => self.sample(shape, "body", seed, 0),
            _ => Value::Null,
        };
        let mut out = Map::new();
        out.insert("path".to_owned(), Value::Object(path));
        out.insert("query".to_owned(), Value::Object(query));
        out.insert("body".to_owned(), body);
        Value::Object(out)
    }

    /// Data that fits the endpoint's response type, made from `seed` (the
    /// same seed, the same data): every field down to a few levels, one item
    /// per list, `has_more` false.
    pub fn answer(&self, c: &Contract, seed: u64) -> Value {
        match &c.response {
            Some(shape) => self.sample(shape, "data", seed, 0),
            None => Value::Object(Map::new()),
        }
    }

    fn sample(&self, shape: &Shape, name: &str, seed: u64, depth: usize) -> Value {
        let seed = mix(seed, name);
        let shallow = depth >= 4;
        match self.resolve(shape) {
            Shape::Object(fields) => {
                let mut map = Map::new();
                for (field, shape, required) in fields {
                    if shallow && !required {
                        continue;
                    }
                    let value = if field == "has_more" {
                        Value::Bool(false)
                    } else if depth > 12 {
                        Value::Null
                    } else {
                        self.sample(shape, field, seed, depth + 1)
                    };
                    map.insert(field.clone(), value);
                }
                Value::Object(map)
            }
            Shape::Array(item, (min, _)) => {
                let n = if shallow {
                    min.unwrap_or(0)
                } else {
                    min.unwrap_or(1).max(1)
                };
                (0..n.min(3).max(min.unwrap_or(0)).min(64))
                    .map(|i| self.sample(item, &format!("{name}{i}"), seed, depth + 1))
                    .collect()
            }
            Shape::Map(item) if !shallow => {
                let mut map = Map::new();
                map.insert("key".to_owned(), self.sample(item, name, seed, depth + 1));
                Value::Object(map)
            }
            Shape::Map(_) | Shape::Any | Shape::Named(_) => Value::Object(Map::new()),
            Shape::InString(inner) => {
                Value::String(self.sample(inner, name, seed, depth + 1).to_string())
            }
            Shape::String((min, max)) => {
                // Counted in characters, as the check counts them (a field's
                // name need not be ASCII).
                let max = max.map_or(usize::MAX, |m| m as usize).max(1);
                let mut text: String = format!("{name}_{:08x}", seed as u32)
                    .chars()
                    .take(max)
                    .collect();
                let min = min.map_or(0, |m| m as usize);
                let mut count = text.chars().count();
                while count < min {
                    text.push('x');
                    count += 1;
                }
                Value::String(text)
            }
            Shape::Int(min, max) => {
                let low = min.unwrap_or_else(|| max.map_or(1, |m| m.min(1)));
                let high = max.unwrap_or(low.saturating_add(100)).max(low);
                let span = high.saturating_sub(low).saturating_add(1).max(1) as u64;
                Value::from(low.saturating_add((seed % span) as i64))
            }
            Shape::Number(min, max) => match (min, max) {
                (Some(a), Some(b)) => Value::from(a + (b - a) / 2.0),
                (Some(a), None) => Value::from(a + 1.5),
                (None, Some(b)) => Value::from(b - 1.5),
                (None, None) => Value::from(1.5),
            },
            Shape::Bool => Value::Bool(seed & 1 == 1),
            Shape::Timestamp => {
                Value::String((1_700_000_000_000 + seed % 1_000_000_000).to_string())
            }
            Shape::File => Value::String(String::new()),
            Shape::Enum(values) => values
                .get((seed % values.len().max(1) as u64) as usize)
                .map_or(Value::String(String::new()), |v| Value::String(v.clone())),
            Shape::IntEnum(values) => values
                .get((seed % values.len().max(1) as u64) as usize)
                .map_or(Value::from(0), |v| Value::from(*v)),
        }
    }
}
