//! Paged lists: what an endpoint marked `pagination` must have.

use super::Checker;
use crate::model::{self, Param, Ty, TypeKind};
use crate::spec;

impl Checker<'_> {
    /// A paged list: `page_token` in the query; `has_more`, `page_token` and
    /// the items out. `None` (no paging generated) when any of it is wrong.
    pub(super) fn pagination(
        &mut self,
        p: &spec::Pagination,
        query: &[Param],
        response: Option<&Ty>,
    ) -> Option<model::Pagination> {
        let items_name = p.items.as_ref().map_or("items", |i| i.value.as_str());
        let mut problems = Vec::new();
        if !query
            .iter()
            .any(|q| q.wire == "page_token" && q.ty == Ty::String)
        {
            problems.push((
                p.loc,
                "a paged endpoint has a string query parameter `page_token`".to_owned(),
            ));
        }
        let fields = match response {
            Some(Ty::Named(id)) => match &self.model.types[id.0].kind {
                TypeKind::Object(fields) => fields.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let field = |name: &str| fields.iter().find(|f| f.json == name);
        if field("has_more").is_none_or(|f| f.ty != Ty::Bool) {
            problems.push((
                p.loc,
                "a paged endpoint's response has a boolean field `has_more`".to_owned(),
            ));
        }
        if field("page_token").is_none_or(|f| f.ty != Ty::String) {
            problems.push((
                p.loc,
                "a paged endpoint's response has a string field `page_token`".to_owned(),
            ));
        }
        let items = match field(items_name) {
            Some(model::Field {
                ty: Ty::Array(item),
                ident,
                ..
            }) => Some(model::Pagination {
                items_field: ident.clone(),
                item: (**item).clone(),
            }),
            _ => {
                let loc = p.items.as_ref().map_or(p.loc, |i| i.loc);
                problems.push((
                    loc,
                    format!("a paged endpoint's response has an array field `{items_name}` with the items"),
                ));
                None
            }
        };
        let fine = problems.is_empty();
        for (loc, message) in problems {
            self.diags.error(loc, message);
        }
        items.filter(|_| fine)
    }
}
