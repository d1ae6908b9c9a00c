//! Bounds on values (`minimum`, `maximum`, `min_length`, `max_length`,
//! `min_items`, `max_items`): each a value the field's type can hold, the
//! least no greater than the greatest. The format has already seen that
//! each goes with a built-in type that has it.

use super::Checker;
use crate::decode::Spanned;
use crate::model::{Bounds, Ty};
use crate::spec::Schema;

impl Checker<'_> {
    /// The bounds a type expression gives a value of type `ty`.
    pub(super) fn bounds(&mut self, schema: &Schema, ty: &Ty) -> Bounds {
        // The first bound given, in the order the keys are read.
        let first_bound = (schema.minimum.as_ref().or(schema.maximum.as_ref()))
            .map(|b| b.loc)
            .or_else(|| {
                [
                    &schema.min_length,
                    &schema.max_length,
                    &schema.min_items,
                    &schema.max_items,
                ]
                .into_iter()
                .find_map(|b| b.as_ref().map(|b| b.loc))
            });
        if schema.encoding.is_some()
            && let Some(loc) = first_bound
        {
            self.diags.error(
                loc,
                "a value sent as a JSON document inside a string (`encoding`) cannot take bounds; remove them or the `encoding`",
            );
            return Bounds::default();
        }
        let minimum = self.bound_value(schema.minimum.as_ref(), ty);
        let maximum = self.bound_value(schema.maximum.as_ref(), ty);
        if let (Some(min), Some(max)) = (&schema.minimum, &schema.maximum)
            && minimum.is_some()
            && maximum.is_some()
            && min.value.parse::<f64>().ok() > max.value.parse::<f64>().ok()
        {
            self.diags.error(
                min.loc,
                format!(
                    "`minimum` {} is greater than `maximum` {}",
                    min.value, max.value
                ),
            );
        }
        let length = self.bound_pair(&schema.min_length, &schema.max_length, "length");
        let items = self.bound_pair(&schema.min_items, &schema.max_items, "items");
        Bounds {
            minimum,
            maximum,
            length,
            items,
            bytes: schema.max_bytes.as_ref().map(|b| b.value),
        }
    }

    /// A `minimum` or `maximum`, when it is a value of `ty`.
    fn bound_value(&mut self, bound: Option<&Spanned<String>>, ty: &Ty) -> Option<String> {
        let bound = bound?;
        let text = bound.value.trim();
        let fits = match ty {
            Ty::I32 => text.parse::<i32>().is_ok(),
            Ty::I64 => text.parse::<i64>().is_ok(),
            Ty::F64 => text.parse::<f64>().is_ok_and(f64::is_finite),
            // The format refused the key on this type already.
            _ => return None,
        };
        if fits {
            Some(text.to_owned())
        } else {
            let what = match ty {
                Ty::I32 => "a 32-bit integer",
                Ty::I64 => "an integer",
                _ => "a finite number",
            };
            self.diags.error(
                bound.loc,
                format!("bound `{}` is not {what}, as the type needs", bound.value),
            );
            None
        }
    }

    /// `min_…` and `max_…`, the first no greater than the second.
    fn bound_pair(
        &mut self,
        min: &Option<Spanned<u32>>,
        max: &Option<Spanned<u32>>,
        what: &str,
    ) -> (Option<u32>, Option<u32>) {
        if let (Some(min), Some(max)) = (min, max)
            && min.value > max.value
        {
            self.diags.error(
                min.loc,
                format!(
                    "`min_{what}` {} is greater than `max_{what}` {}",
                    min.value, max.value
                ),
            );
        }
        (min.as_ref().map(|m| m.value), max.as_ref().map(|m| m.value))
    }
}
