//! Human wording of dates and amounts in French and English.

use time::{Date, Month};

use crate::lang::Lang;

fn month_name(m: Month, lang: Lang) -> &'static str {
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
    let i = u8::from(m) as usize - 1;
    match lang {
        Lang::Fr => FR[i],
        Lang::En => EN[i],
    }
}

fn day_fr(d: Date) -> String {
    if d.day() == 1 {
        "1er".into()
    } else {
        d.day().to_string()
    }
}

/// A date range: "du 3 au 21 mars 2027" / "3–21 March 2027".
pub fn range(from: Date, to: Date, lang: Lang) -> String {
    let (fm, tm) = (month_name(from.month(), lang), month_name(to.month(), lang));
    let same_year = from.year() == to.year();
    let same_month = same_year && from.month() == to.month();
    match lang {
        Lang::Fr if from == to => format!("le {} {} {}", day_fr(from), fm, from.year()),
        Lang::Fr if same_month => {
            format!("du {} au {} {} {}", day_fr(from), day_fr(to), tm, to.year())
        }
        Lang::Fr if same_year => format!(
            "du {} {} au {} {} {}",
            day_fr(from),
            fm,
            day_fr(to),
            tm,
            to.year()
        ),
        Lang::Fr => format!(
            "du {} {} {} au {} {} {}",
            day_fr(from),
            fm,
            from.year(),
            day_fr(to),
            tm,
            to.year()
        ),
        Lang::En if from == to => format!("{} {} {}", from.day(), fm, from.year()),
        Lang::En if same_month => format!("{}–{} {} {}", from.day(), to.day(), tm, to.year()),
        Lang::En if same_year => {
            format!("{} {} – {} {} {}", from.day(), fm, to.day(), tm, to.year())
        }
        Lang::En => format!(
            "{} {} {} – {} {} {}",
            from.day(),
            fm,
            from.year(),
            to.day(),
            tm,
            to.year()
        ),
    }
}

/// A whole amount with thousands separators.
pub fn amount(value: f64, sep: char) -> String {
    let n = value.max(0.0).round() as u64;
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn date_ranges_read_naturally() {
        let (a, b) = (date!(2027 - 03 - 03), date!(2027 - 03 - 21));
        assert_eq!(range(a, b, Lang::Fr), "du 3 au 21 mars 2027");
        assert_eq!(range(a, b, Lang::En), "3–21 March 2027");
        let (a, b) = (date!(2027 - 02 - 01), date!(2027 - 03 - 21));
        assert_eq!(range(a, b, Lang::Fr), "du 1er février au 21 mars 2027");
        assert_eq!(range(a, b, Lang::En), "1 February – 21 March 2027");
        let (a, b) = (date!(2026 - 12 - 15), date!(2027 - 01 - 10));
        assert_eq!(
            range(a, b, Lang::Fr),
            "du 15 décembre 2026 au 10 janvier 2027"
        );
        assert_eq!(range(a, b, Lang::En), "15 December 2026 – 10 January 2027");
    }

    #[test]
    fn amounts_group_thousands() {
        assert_eq!(amount(20000.0, ' '), "20 000");
        assert_eq!(amount(999.0, ','), "999");
        assert_eq!(amount(-5.0, ','), "0");
    }
}
