//! Error tables: the platform-wide catalog and each endpoint's error enum.

use std::collections::HashMap;

use super::{Checker, Placed, names};
use crate::decode::Spanned;
use crate::diag::Loc;
use crate::model::{ErrorVariant, PlatformError};
use crate::rustdoc;
use crate::spec::{self, Applies, TokenType};

/// The catch-all variant's name, so no row may take it.
/// The variants every endpoint error enum has beside its rows.
const RESERVED: &[(&str, &str)] = &[
    ("Unhandled", "keeps codes the spec does not list"),
    ("Platform", "holds the platform-wide codes"),
];

impl Checker<'_> {
    /// Collects the platform-wide error table from every file.
    pub(super) fn platform_errors(&mut self, placed: &[Placed<'_>]) {
        let common = self.module_by_key("common");
        let mut codes: HashMap<i64, Loc> = HashMap::new();
        let mut names_seen: HashMap<String, Loc> = HashMap::new();
        let mut rows = Vec::new();
        let base_table = placed
            .iter()
            .filter(|p| p.external)
            .find_map(|p| p.file.platform_errors.first().map(|row| row.loc));
        self.model.platform_external = base_table.is_some();
        for Placed {
            module,
            file,
            external,
        } in placed
        {
            for row in &file.platform_errors {
                if let Some(base) = base_table.filter(|_| !external) {
                    let base = self.at(base);
                    self.diags.error(
                        row.loc,
                        format!("the platform-wide error table comes from the base spec ({base}); add codes there"),
                    );
                    continue;
                }
                if Some(*module) != common {
                    self.diags.error(
                        row.loc,
                        "platform errors belong in a platform-wide file (one without `service`)",
                    );
                }
                if let Some(first) = codes.get(&row.code.value) {
                    let first = self.at(*first);
                    self.diags.error(
                        row.code.loc,
                        format!(
                            "platform error code {} is listed twice (first at {first}); put other texts under `other_messages`",
                            row.code.value
                        ),
                    );
                    continue;
                }
                codes.insert(row.code.value, row.code.loc);
                let name = row
                    .name
                    .as_ref()
                    .and_then(|n| self.error_name(n, &mut names_seen));
                if name.is_none() && !row.applies.is_empty() {
                    self.diags.error(
                        row.applies[0].loc,
                        "`applies` makes a variant, which needs a `name`",
                    );
                }
                if let Some(http) = &row.http {
                    self.check_status(http);
                }
                rows.push(PlatformError {
                    code: row.code.value,
                    name,
                    http: row.http.as_ref().map(|h| h.value),
                    message: row.message.value.clone(),
                    other_messages: row.other_messages.iter().map(|m| m.value.clone()).collect(),
                    description: row.description.as_ref().map(rustdoc::joined),
                    remedy: row.remedy.as_ref().map(rustdoc::joined),
                    applies: row.applies.iter().map(|a| a.value).collect(),
                });
            }
        }
        rows.sort_by_key(|r| r.code);
        self.platform_codes = rows.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
        self.platform_applying = (rows.iter().enumerate())
            .filter(|(_, r)| r.name.is_some() && !r.applies.is_empty())
            .map(|(i, _)| i)
            .collect();
        self.model.platform_errors = rows;
    }

    /// A checked error name, or `None` after reporting why it cannot be used.
    fn error_name(
        &mut self,
        name: &Spanned<String>,
        seen: &mut HashMap<String, Loc>,
    ) -> Option<String> {
        if !names::is_pascal(&name.value) {
            self.diags.error(
                name.loc,
                format!(
                    "error name `{}` is not a PascalCase Rust identifier",
                    name.value
                ),
            );
            return None;
        }
        if let Some((reserved, what)) = RESERVED.iter().find(|(n, _)| *n == name.value) {
            self.diags.error(
                name.loc,
                format!("`{reserved}` is the variant that {what}; choose another name"),
            );
            return None;
        }
        if name.value == "Specs" {
            self.diags.error(
                name.loc,
                format!(
                    "error name `{}` would clash with the error enum's constant `{}`; choose another name",
                    name.value,
                    name.value.to_ascii_uppercase()
                ),
            );
            return None;
        }
        if let Some(first) = seen.get(&name.value) {
            let first = self.at(*first);
            self.diags.error(
                name.loc,
                format!(
                    "error name `{}` is used twice (first at {first})",
                    name.value
                ),
            );
            return None;
        }
        seen.insert(name.value.clone(), name.loc);
        Some(name.value.clone())
    }

    fn check_status(&mut self, http: &Spanned<u16>) {
        if !(100..=599).contains(&http.value) {
            self.diags.error(
                http.loc,
                format!("HTTP status {} is not between 100 and 599", http.value),
            );
        }
    }

    /// The variants of an endpoint's error enum: its own rows, then the
    /// platform-wide codes that apply to it.
    pub(super) fn error_variants(
        &mut self,
        ep: &spec::Endpoint,
        tokens: &[TokenType],
    ) -> Vec<ErrorVariant> {
        let mut out = Vec::new();
        let mut codes: HashMap<i64, Loc> = HashMap::new();
        let mut seen: HashMap<String, Loc> = HashMap::new();
        for row in &ep.errors {
            if let Some(first) = codes.get(&row.code.value) {
                let first = self.at(*first);
                self.diags.error(
                    row.code.loc,
                    format!(
                        "error code {} is listed twice (first at {first})",
                        row.code.value
                    ),
                );
                continue;
            }
            codes.insert(row.code.value, row.code.loc);
            self.check_status(&row.http);
            let given = match &row.name {
                Some(name) => name.clone(),
                None => Spanned::new(
                    derived_name(&row.message.value, row.code.value),
                    row.message.loc,
                ),
            };
            let Some(ident) = self.error_name(&given, &mut seen) else {
                continue;
            };
            out.push(row_variant(row, ident));
        }
        // The platform rows to add: those listed, and those whose `applies`
        // covers the endpoint, in code order.
        let mut rows: Vec<usize> = Vec::new();
        for code in &ep.platform_errors {
            let row = self.platform_codes.get(&code.value).copied();
            match row.map(|i| &self.model.platform_errors[i]) {
                None => self.diags.error(
                    code.loc,
                    format!(
                        "platform error {} is not in the platform-wide table",
                        code.value
                    ),
                ),
                Some(p) if p.name.is_none() => self.diags.error(
                    code.loc,
                    format!(
                        "platform error {} has no `name` to make a variant of",
                        code.value
                    ),
                ),
                Some(_) => rows.extend(row),
            }
        }
        rows.extend(self.platform_applying.iter().copied().filter(|&i| {
            let applies = &self.model.platform_errors[i].applies;
            applies.iter().any(|a| applies_to(*a, tokens))
        }));
        rows.sort_unstable();
        rows.dedup();
        for i in rows {
            let p = &self.model.platform_errors[i];
            let Some(name) = &p.name else {
                continue;
            };
            if codes.contains_key(&p.code) {
                continue;
            }
            if let Some(own) = seen.get(name) {
                let message = format!(
                    "error name `{name}` is also the name of platform error {} ({}); rename this row",
                    p.code, p.message
                );
                self.diags.error(*own, message);
                continue;
            }
            out.push(platform_variant(p, name));
        }
        out
    }
}

fn applies_to(applies: Applies, tokens: &[TokenType]) -> bool {
    match applies {
        Applies::All => true,
        Applies::TenantToken => tokens.contains(&TokenType::Tenant),
        Applies::UserToken => tokens.contains(&TokenType::User),
        Applies::AppToken => tokens.contains(&TokenType::App),
    }
}

/// `The message is not found, maybe not exist or deleted.` → `TheMessageIsNotFound`.
pub(crate) fn derived_name(message: &str, code: i64) -> String {
    let first = message
        .split(['.', ',', ';', ':', '!', '?', '('])
        .next()
        .unwrap_or_default();
    let name = names::pascal(first);
    if names::is_pascal(&name) {
        name
    } else {
        format!("Code{code}")
    }
}

fn row_variant(row: &spec::ErrorRow, ident: String) -> ErrorVariant {
    let mut lines = vec![format!(
        "`{}` (HTTP {}): {}",
        row.code.value,
        row.http.value,
        rustdoc::escape(&row.message.value)
    )];
    if let Some(remedy) = &row.remedy {
        lines.push(String::new());
        lines.push(rustdoc::escape(&rustdoc::joined(remedy)));
    }
    ErrorVariant {
        ident,
        code: row.code.value,
        http: Some(row.http.value),
        message: row.message.value.clone(),
        remedy: row.remedy.as_ref().map(rustdoc::joined),
        docs: lines,
        platform: false,
    }
}

pub(crate) fn platform_variant(p: &PlatformError, ident: &str) -> ErrorVariant {
    let status = p.http.map(|h| format!(" (HTTP {h})")).unwrap_or_default();
    let mut lines = vec![format!(
        "`{}`{status}: {} (platform-wide)",
        p.code,
        rustdoc::escape(&p.message)
    )];
    for text in [&p.description, &p.remedy].into_iter().flatten() {
        lines.push(String::new());
        lines.push(rustdoc::escape(text));
    }
    ErrorVariant {
        ident: ident.to_owned(),
        code: p.code,
        http: p.http,
        message: p.message.clone(),
        remedy: p.remedy.clone().or_else(|| p.description.clone()),
        docs: lines,
        platform: true,
    }
}
