//! Figures shown in statistics: counts with small-number suppression, ranges, euro amounts.

use super::labels::Lang;

/// Counts from 1 up to this bound (excluded) are never shown: they render as "< 5".
pub const SUPPRESSION_THRESHOLD: u64 = 5;

/// One statistic as published: a count, a suppressed small count, a range or an amount in euros.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// A count; values 1–4 are still rendered as "< 5" (see [`Figure::normalised`]).
    Count(u64),
    /// A count between 1 and 4, hidden for privacy; rendered "< 5".
    Suppressed,
    /// A sum involving suppressed parts: the true count lies in `lo..=hi`.
    Range(u64, u64),
    /// An amount in euros (funding sought, pledged, confirmed).
    Amount(f64),
}

impl Figure {
    /// The publication rule: 0 stays 0, 1–4 become [`Figure::Suppressed`], 5 and more stay exact.
    pub fn count(n: u64) -> Figure {
        if (1..SUPPRESSION_THRESHOLD).contains(&n) {
            Figure::Suppressed
        } else {
            Figure::Count(n)
        }
    }

    /// An amount in euros.
    pub fn amount(euros: f64) -> Figure {
        Figure::Amount(euros)
    }

    /// The same figure with the suppression rule applied to a raw small count.
    pub fn normalised(self) -> Figure {
        match self {
            Figure::Count(n) => Figure::count(n),
            other => other,
        }
    }

    /// True when the figure is hidden ("< 5").
    pub fn is_suppressed(self) -> bool {
        matches!(self.normalised(), Figure::Suppressed)
    }

    /// The number used to size bars and pick map colours; `None` when suppressed.
    pub fn value(self) -> Option<f64> {
        match self.normalised() {
            Figure::Count(n) => Some(n as f64),
            Figure::Suppressed => None,
            Figure::Range(lo, hi) => Some((lo + hi) as f64 / 2.0),
            Figure::Amount(x) => Some(x),
        }
    }

    /// Adds two figures without undoing suppression: a hidden part turns the sum into a range.
    pub fn plus(self, other: Figure) -> Figure {
        let (a, b) = (self.normalised(), other.normalised());
        if let (Figure::Amount(_), _) | (_, Figure::Amount(_)) = (a, b) {
            return Figure::Amount(a.value().unwrap_or(0.0) + b.value().unwrap_or(0.0));
        }
        let bounds = |f: Figure| match f {
            Figure::Count(n) => (n, n),
            Figure::Suppressed => (1, SUPPRESSION_THRESHOLD - 1),
            Figure::Range(lo, hi) => (lo, hi),
            Figure::Amount(_) => (0, 0),
        };
        let ((alo, ahi), (blo, bhi)) = (bounds(a), bounds(b));
        let (lo, hi) = (alo + blo, ahi + bhi);
        if lo == hi {
            Figure::count(lo)
        } else if lo >= 1 && hi < SUPPRESSION_THRESHOLD {
            Figure::Suppressed
        } else {
            Figure::Range(lo, hi)
        }
    }

    /// The figure as shown to readers: "1 234", "< 5", "13–16", "48 000 €" / "€48,000".
    pub fn display(self, lang: Lang) -> String {
        match self.normalised() {
            Figure::Count(n) => format_int(n, lang),
            Figure::Suppressed => format!("< {SUPPRESSION_THRESHOLD}"),
            Figure::Range(lo, hi) => format!("{}–{}", format_int(lo, lang), format_int(hi, lang)),
            Figure::Amount(x) => format_euros(x, lang),
        }
    }

    /// The figure for CSV/JSON exports: plain digits, "<5", "13-16", euros with 2 decimals.
    pub fn machine(self) -> String {
        match self.normalised() {
            Figure::Count(n) => n.to_string(),
            Figure::Suppressed => format!("<{SUPPRESSION_THRESHOLD}"),
            Figure::Range(lo, hi) => format!("{lo}-{hi}"),
            Figure::Amount(x) => format!("{x:.2}"),
        }
    }
}

/// Groups digits by thousands: "1 234" (narrow no-break space) in French, "1,234" in English.
pub fn format_int(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Formats whole euros: "48 000 €" in French, "€48,000" in English (rounded to the euro).
pub fn format_euros(x: f64, lang: Lang) -> String {
    let sign = if x < -0.5 { "-" } else { "" };
    let n = format_int(x.abs().round() as u64, lang);
    match lang {
        Lang::Fr => format!("{sign}{n}\u{a0}€"),
        Lang::En => format!("{sign}€{n}"),
    }
}

/// Formats a plain number for axis ticks: integers grouped, otherwise one decimal.
pub fn format_number(x: f64, lang: Lang) -> String {
    if x.fract().abs() < 1e-9 && x >= 0.0 {
        return format_int(x as u64, lang);
    }
    let s = format!("{x:.1}");
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppression_rule() {
        assert_eq!(Figure::count(0).display(Lang::Fr), "0");
        assert_eq!(Figure::count(3), Figure::Suppressed);
        assert_eq!(Figure::count(3).display(Lang::Fr), "< 5");
        assert_eq!(Figure::count(4).display(Lang::En), "< 5");
        assert_eq!(Figure::count(5).display(Lang::Fr), "5");
        assert_eq!(
            Figure::Count(2).display(Lang::En),
            "< 5",
            "raw small counts are hidden too"
        );
        assert_eq!(Figure::count(1).machine(), "<5");
    }

    #[test]
    fn sums_never_reveal_a_hidden_part() {
        assert_eq!(
            Figure::Count(10).plus(Figure::Count(3)),
            Figure::Range(11, 14)
        );
        assert_eq!(Figure::Count(10).plus(Figure::Count(7)), Figure::Count(17));
        assert_eq!(Figure::Count(2).plus(Figure::Count(0)), Figure::Suppressed);
        assert_eq!(
            Figure::Suppressed
                .plus(Figure::Suppressed)
                .display(Lang::Fr),
            "2–8"
        );
    }

    #[test]
    fn numbers_per_language() {
        assert_eq!(format_int(1234, Lang::Fr), "1\u{202f}234");
        assert_eq!(format_int(1234567, Lang::En), "1,234,567");
        assert_eq!(format_int(999, Lang::En), "999");
        assert_eq!(format_euros(48000.0, Lang::Fr), "48\u{202f}000\u{a0}€");
        assert_eq!(format_euros(48000.0, Lang::En), "€48,000");
        assert_eq!(Figure::amount(1250.5).machine(), "1250.50");
        assert_eq!(format_number(2.5, Lang::Fr), "2,5");
    }
}
