//! Dates of service and master dates. The engine always selects data by the date of service,
//! never by "today".

use chrono::{Datelike, NaiveDate};

/// Parses an ISO date `YYYY-MM-DD` (the wire format).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |digits: &[u8]| -> Option<u32> {
        let mut n = 0u32;
        for &c in digits {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u32::from(c - b'0');
        }
        Some(n)
    };
    NaiveDate::from_ymd_opt(num(&b[0..4])? as i32, num(&b[5..7])?, num(&b[8..10])?)
}

/// A master date field `YYYYMMDD` as a sortable number; `99999999` means "open" (未廃止).
pub fn ymd_number(d: NaiveDate) -> u32 {
    d.year() as u32 * 10_000 + d.month() * 100 + d.day()
}

/// Formats a master date number `YYYYMMDD` as `YYYY-MM-DD` for messages.
pub fn ymd_display(n: u32) -> String {
    format!("{:04}-{:02}-{:02}", n / 10_000, n / 100 % 100, n % 100)
}

/// The date on which a person born on `birth` reaches `years` of age in the sense of
/// 年齢計算ニ関スル法律 (明治35年法律50号): the day before the birthday anniversary.
/// (A 29 February birth reaches it on 28 February in common years.)
pub fn reaches_age(birth: NaiveDate, years: u32) -> NaiveDate {
    let anniversary = anniversary(birth, years);
    anniversary.pred_opt().unwrap_or(anniversary)
}

/// The `years`-th birthday; a 29 February birth has its birthday on 1 March in common years.
pub fn anniversary(birth: NaiveDate, years: u32) -> NaiveDate {
    let (y, m, d) = anniversary_ymd(birth, years);
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(birth)
}

/// [`anniversary`] as (year, month, day), which compare as the dates do (no calendar lookup).
pub fn anniversary_ymd(birth: NaiveDate, years: u32) -> (i32, u32, u32) {
    let y = birth.year() + years as i32;
    match (birth.month(), birth.day()) {
        (2, 29) if !is_leap_year(y) => (y, 3, 1),
        (m, d) => (y, m, d),
    }
}

fn is_leap_year(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// `d` as (year, month, day).
pub fn ymd(d: NaiveDate) -> (i32, u32, u32) {
    (d.year(), d.month(), d.day())
}

/// Completed years of age on `date` (満年齢): the count of birthdays reached on or before `date`.
pub fn age_on(birth: NaiveDate, date: NaiveDate) -> u32 {
    if date < birth {
        return 0;
    }
    let mut years = (date.year() - birth.year()) as u32;
    if years > 0 && anniversary_ymd(birth, years) > ymd(date) {
        years -= 1;
    }
    years
}

/// First day of the month following the month of `d`.
pub fn first_of_next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn iso_dates_are_strict() {
        assert_eq!(parse_iso("2024-06-01"), NaiveDate::from_ymd_opt(2024, 6, 1));
        assert_eq!(parse_iso("2024-6-1"), None);
        assert_eq!(parse_iso("2024-02-30"), None);
        assert_eq!(parse_iso("20240601"), None);
    }

    #[test]
    fn age_counts_birthdays() {
        assert_eq!(age_on(d("2018-06-03"), d("2024-06-02")), 5);
        assert_eq!(age_on(d("2018-06-03"), d("2024-06-03")), 6);
        assert_eq!(age_on(d("2020-02-29"), d("2021-02-28")), 0);
        assert_eq!(age_on(d("2020-02-29"), d("2021-03-01")), 1);
        assert_eq!(age_on(d("2020-02-29"), d("2024-02-29")), 4);
    }

    #[test]
    fn anniversaries_as_the_calendar_has_them() {
        for birth in [
            "2000-02-29",
            "1996-02-29",
            "1999-02-28",
            "1999-03-01",
            "1950-12-31",
        ] {
            let b = d(birth);
            for years in 0..130 {
                let y = b.year() + years as i32;
                let want = NaiveDate::from_ymd_opt(y, b.month(), b.day())
                    .or_else(|| NaiveDate::from_ymd_opt(y, 3, 1))
                    .unwrap();
                assert_eq!(anniversary(b, years), want, "{birth} + {years}");
                assert_eq!(anniversary_ymd(b, years), ymd(want), "{birth} + {years}");
            }
        }
    }

    #[test]
    fn legal_age_is_reached_the_day_before_the_birthday() {
        assert_eq!(reaches_age(d("1954-07-01"), 70), d("2024-06-30"));
        assert_eq!(reaches_age(d("2018-04-01"), 6), d("2024-03-31"));
    }

    #[test]
    fn master_numbers() {
        assert_eq!(ymd_number(d("2024-06-01")), 20240601);
        assert_eq!(ymd_display(20240601), "2024-06-01");
        assert_eq!(first_of_next_month(d("2024-12-15")), d("2025-01-01"));
    }
}
