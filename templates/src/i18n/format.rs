//! Locale formatting of dates, integers, money and percentages.

use super::Lang;
use time::{Date, Month};

/// Narrow no-break space, the French thousands separator and the space before "%".
const NNBSP: char = '\u{202F}';
/// No-break space, the French space before "€".
const NBSP: char = '\u{00A0}';

fn month_name(lang: Lang, m: Month) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = usize::from(u8::from(m)) - 1;
    match lang {
        Lang::Fr => FR[i],
        Lang::En => EN[i],
    }
}

fn day(lang: Lang, d: Date) -> String {
    match (lang, d.day()) {
        (Lang::Fr, 1) => "1er".to_owned(),
        (_, n) => n.to_string(),
    }
}

/// A date in words: "3 mars 2027", "1er mai 2027" / "3 March 2027".
pub fn date(lang: Lang, d: Date) -> String {
    format!(
        "{} {} {}",
        day(lang, d),
        month_name(lang, d.month()),
        d.year()
    )
}

/// A date range: "du 3 au 21 mars 2027" / "3–21 March 2027", shortened when month or year are shared.
pub fn date_range(lang: Lang, from: Date, to: Date) -> String {
    if from == to {
        return date(lang, from);
    }
    let same_year = from.year() == to.year();
    let same_month = same_year && from.month() == to.month();
    let first = if same_month {
        day(lang, from)
    } else if same_year {
        format!("{} {}", day(lang, from), month_name(lang, from.month()))
    } else {
        date(lang, from)
    };
    match lang {
        Lang::Fr => format!("du {first} au {}", date(lang, to)),
        Lang::En if same_month => format!("{first}–{}", date(lang, to)),
        Lang::En => format!("{first} – {}", date(lang, to)),
    }
}

/// An integer with thousands separators: "48 000" (narrow no-break space) / "48,000".
pub fn int(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::Fr => NNBSP,
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Whole euros: "48 000 €" / "€48,000".
pub fn money(lang: Lang, euros: u64) -> String {
    match lang {
        Lang::Fr => format!("{}{NBSP}€", int(lang, euros)),
        Lang::En => format!("€{}", int(lang, euros)),
    }
}

/// A whole percentage: "80 %" / "80%".
pub fn percent(lang: Lang, pct: u32) -> String {
    match lang {
        Lang::Fr => format!("{pct}{NNBSP}%"),
        Lang::En => format!("{pct}%"),
    }
}

/// A date and time (UTC): "3 mars 2027, 14:05" / "3 March 2027, 14:05".
pub fn datetime(lang: Lang, dt: time::PrimitiveDateTime) -> String {
    format!(
        "{}, {:02}:{:02}",
        date(lang, dt.date()),
        dt.hour(),
        dt.minute()
    )
}
