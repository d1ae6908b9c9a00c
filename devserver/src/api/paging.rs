//! Pages of the lists the local server answers: a page size within its
//! bounds, and page tokens of the form `<prefix><offset>` (`mp_40`), which
//! only this server gives out.

/// How one list is paged.
pub(crate) struct Paging {
    /// What its tokens start with.
    prefix: &'static str,
    /// The size of a page when none is asked for.
    default: usize,
    /// The largest page.
    max: usize,
}

impl Paging {
    pub(crate) const fn new(prefix: &'static str, default: usize, max: usize) -> Self {
        Self {
            prefix,
            default,
            max,
        }
    }

    /// The page size asked for (`page_size`), or the description of its
    /// refusal.
    pub(crate) fn size(&self, asked: Option<&str>) -> Result<usize, String> {
        match asked.map(str::parse::<usize>) {
            None => Ok(self.default),
            Some(Ok(n)) if (1..=self.max).contains(&n) => Ok(n),
            Some(_) => Err(format!("page_size is from 1 to {}", self.max)),
        }
    }

    /// Where the page a `page_token` names starts (0 for none); `None` for
    /// a token this list did not give.
    pub(crate) fn start(&self, token: Option<&str>) -> Option<usize> {
        match token.filter(|t| !t.is_empty()) {
            None => Some(0),
            Some(t) => t.strip_prefix(self.prefix)?.parse().ok(),
        }
    }

    /// The token of the page that starts at `next`.
    pub(crate) fn token(&self, next: usize) -> String {
        format!("{}{next}", self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_tokens() {
        let paging = Paging::new("mp_", 20, 50);
        assert_eq!(paging.size(None), Ok(20));
        assert_eq!(paging.size(Some("50")), Ok(50));
        assert_eq!(
            paging.size(Some("0")),
            Err("page_size is from 1 to 50".to_owned())
        );
        assert_eq!(
            paging.size(Some("51")),
            Err("page_size is from 1 to 50".to_owned())
        );
        assert_eq!(
            paging.size(Some("ten")),
            Err("page_size is from 1 to 50".to_owned())
        );
        assert_eq!(paging.start(None), Some(0));
        assert_eq!(paging.start(Some("")), Some(0));
        assert_eq!(paging.start(Some(&paging.token(40))), Some(40));
        assert_eq!(paging.start(Some("cm_40")), None);
        assert_eq!(paging.start(Some("mp_-1")), None);
    }
}
