//! 負担割合 on the date of service.

use crate::date::{anniversary, first_of_next_month, reaches_age};
use crate::error::{Error, Result};
use crate::model::{IncomeCategory, Insurance, InsurerType};
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Burden {
    pub percent: u8,
    pub basis: &'static str,
}

/// 義務教育就学前: until the first 31 March after the day the child reaches 6 (健康保険法 第74条第1項第2号).
pub fn school_entry(birth: NaiveDate) -> NaiveDate {
    let six = reaches_age(birth, 6);
    let april = NaiveDate::from_ymd_opt(chrono::Datelike::year(&six), 4, 1).unwrap_or(six);
    if six < april {
        april
    } else {
        NaiveDate::from_ymd_opt(chrono::Datelike::year(&six) + 1, 4, 1).unwrap_or(six)
    }
}

/// 高齢受給者: from the first day of the month after the month in which the person reaches 70
/// (健康保険法 第74条第1項第3号; born on the 1st → the birthday month itself).
pub fn elderly_from(birth: NaiveDate) -> NaiveDate {
    first_of_next_month(reaches_age(birth, 70))
}

/// `date >= elderly_from(birth)`, from the 70th birthday alone: reached the day before it, so the
/// month after its month — or its own month when it falls on the 1st.
pub fn is_elderly(birth: NaiveDate, date: NaiveDate) -> bool {
    let (y, m, d) = crate::date::anniversary_ymd(birth, 70);
    let month = (date.year(), date.month());
    month > (y, m) || month == (y, m) && d == 1
}

/// 後期高齢者医療: from the 75th birthday itself (高齢者の医療の確保に関する法律 第50条・第52条).
pub fn kouki_from(birth: NaiveDate) -> NaiveDate {
    anniversary(birth, 75)
}

/// 後期高齢者 2割 (一定以上所得) applies from 2022-10-01 (令和3年法律第66号).
const KOUKI_IPPAN_II_FROM: (i32, u32, u32) = (2022, 10, 1);

/// `age` is `age_on(birth, date)`: the patient is 75 on `date` exactly when `date` is on or after
/// [`kouki_from`] (the completed years count the anniversaries reached).
pub fn burden(birth: NaiveDate, date: NaiveDate, age: u32, ins: &Insurance) -> Result<Burden> {
    let kouki_age = age >= 75;
    let elderly = is_elderly(birth, date);
    let is_kouki = ins.insurer_type == InsurerType::Kouki;
    if is_kouki && age < 65 {
        return Err(Error::invalid_request(
            "insurance.insurerType",
            format!("後期高齢者医療 covers people aged 75 or over (65–74 with 障害認定); the patient is {age}"),
        ));
    }
    // 高齢者医療確保法 第50条第2号: 65〜74歳 are 後期 only by 障害認定
    if is_kouki && !kouki_age && !ins.disability_certified {
        return Err(Error::invalid_request(
            "insurance.disabilityCertified",
            format!("a patient aged {age} is in 後期高齢者医療 only by 障害認定 (高齢者医療確保法 第50条第2号): set disabilityCertified"),
        ));
    }
    if ins.disability_certified && !is_kouki {
        return Err(Error::invalid_request(
            "insurance.disabilityCertified",
            "障害認定 is a 後期高齢者医療 status: the insurerType must be kouki",
        ));
    }
    if !is_kouki && kouki_age {
        return Err(Error::invalid_request(
            "insurance.insurerType",
            format!("a patient aged {age} is insured by 後期高齢者医療 from the 75th birthday (高齢者医療確保法 第50条)"),
        ));
    }
    let elderly_rules = elderly || is_kouki;
    if let Some(cat) = ins.income_category {
        if cat.is_under70() && elderly_rules {
            return Err(Error::invalid_request(
                "insurance.incomeCategory",
                "区分ア〜オ apply under 70; use genekiIII/genekiII/genekiI/ippanII/ippan/teishotokuII/teishotokuI",
            ));
        }
        if !cat.is_under70() && !elderly_rules {
            return Err(Error::invalid_request(
                "insurance.incomeCategory",
                "this 所得区分 applies to 高齢受給者 and 後期高齢者; under 70 use kubunA…kubunO",
            ));
        }
        if cat == IncomeCategory::IppanII && !is_kouki {
            return Err(Error::invalid_request(
                "insurance.incomeCategory",
                "ippanII (一定以上所得, 2割) exists only in 後期高齢者医療",
            ));
        }
        let (y, m, d) = KOUKI_IPPAN_II_FROM;
        if cat == IncomeCategory::IppanII
            && NaiveDate::from_ymd_opt(y, m, d).is_some_and(|from| date < from)
        {
            return Err(Error::invalid_request(
                "insurance.incomeCategory",
                "後期高齢者 2割 (ippanII) applies from 2022-10-01",
            ));
        }
    }
    if let Some(p) = ins.burden_percent {
        if p > 100 {
            return Err(Error::invalid_request(
                "insurance.burdenPercent",
                format!("must be 0–100, found {p}"),
            ));
        }
        return Ok(Burden {
            percent: p,
            basis: "explicit",
        });
    }
    let geneki = ins.income_category.is_some_and(IncomeCategory::is_geneki);
    let b = |percent, basis| Ok(Burden { percent, basis });
    if is_kouki {
        // 高齢者医療確保法 第67条: 1割; 一定以上所得 2割; 現役並み所得 3割
        return match ins.income_category {
            _ if geneki => b(30, "koukiGeneki"),
            Some(IncomeCategory::IppanII) => b(20, "koukiIppanII"),
            _ => b(10, "kouki"),
        };
    }
    // (a 高齢受給者 is long past school entry: no need to work it out)
    if !elderly && date < school_entry(birth) {
        return b(20, "preschool"); // 健康保険法 第74条第1項第2号
    }
    if elderly {
        // 健康保険法 第74条第1項第3号 (2割), 同項第4号 (現役並み所得 3割)
        // 特例措置: born on or before 1944-04-01, 70〜74歳 stayed at 1割 until the scheme ended with
        // 2019-03 (平成26年 高齢者の一部負担金等の軽減特例措置; 高齢受給者 計算事例 平成30年8月 事例17)
        let tokurei = NaiveDate::from_ymd_opt(1944, 4, 1).is_some_and(|b| birth <= b)
            && NaiveDate::from_ymd_opt(2019, 4, 1).is_some_and(|end| date < end);
        return if geneki {
            b(30, "elderlyGeneki")
        } else if tokurei {
            b(10, "elderlyTokurei")
        } else {
            b(20, "elderly")
        };
    }
    b(30, "general") // 健康保険法 第74条第1項第1号
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{age_on, parse_iso};
    use crate::model::Relation;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn ins(t: InsurerType, cat: Option<IncomeCategory>) -> Insurance {
        Insurance {
            insurer_type: t,
            relation: Relation::Honnin,
            burden_percent: None,
            income_category: cat,
            multiple_high_cost: false,
            specific_disease_cap_yen: None,
            disability_certified: t == InsurerType::Kouki,
        }
    }

    fn rate(birth: &str, date: &str, i: &Insurance) -> Result<Burden> {
        let (b, t) = (d(birth), d(date));
        burden(b, t, age_on(b, t), i)
    }

    #[test]
    fn school_entry_boundaries() {
        // born 1 April: reaches 6 on 31 March, enters school the next day
        assert_eq!(school_entry(d("2018-04-01")), d("2024-04-01"));
        // born 2 April: reaches 6 on 1 April, enters school a year later
        assert_eq!(school_entry(d("2018-04-02")), d("2025-04-01"));
        let s = ins(InsurerType::Shaho, None);
        assert_eq!(rate("2018-04-02", "2025-03-31", &s).unwrap().percent, 20);
        assert_eq!(rate("2018-04-02", "2025-04-01", &s).unwrap().percent, 30);
    }

    #[test]
    fn seventy_from_next_month_or_birthday_month_when_born_on_the_first() {
        let s = ins(InsurerType::Kokuho, None);
        assert_eq!(
            elderly_from(d("1954-07-15")),
            d("1954-07-15").with_year_plus(70, 8, 1)
        );
        assert_eq!(rate("1954-07-15", "2024-07-31", &s).unwrap().percent, 30);
        assert_eq!(rate("1954-07-15", "2024-08-01", &s).unwrap().percent, 20);
        assert_eq!(elderly_from(d("1954-07-01")), d("2024-07-01"));
        assert_eq!(rate("1954-07-01", "2024-06-30", &s).unwrap().percent, 30);
        assert_eq!(rate("1954-07-01", "2024-07-01", &s).unwrap().percent, 20);
    }

    #[test]
    fn kouki_from_the_birthday() {
        let k = ins(InsurerType::Kouki, None);
        assert_eq!(
            rate("1949-06-10", "2024-06-10", &k).unwrap(),
            Burden {
                percent: 10,
                basis: "kouki"
            }
        );
        assert!(rate("1949-06-10", "2024-06-10", &ins(InsurerType::Shaho, None)).is_err());
        assert_eq!(
            rate("1949-06-10", "2024-06-09", &ins(InsurerType::Shaho, None))
                .unwrap()
                .percent,
            20
        );
        let k2 = ins(InsurerType::Kouki, Some(IncomeCategory::IppanII));
        assert_eq!(rate("1940-01-01", "2024-06-10", &k2).unwrap().percent, 20);
        assert!(rate("1940-01-01", "2022-09-30", &k2).is_err());
    }

    #[test]
    fn tokurei_one_tenth_until_2019_03() {
        let s = ins(InsurerType::Kokuho, None);
        assert_eq!(rate("1944-03-10", "2018-08-15", &s).unwrap().percent, 10);
        assert_eq!(rate("1944-04-01", "2018-08-15", &s).unwrap().percent, 10);
        assert_eq!(rate("1944-04-02", "2018-08-15", &s).unwrap().percent, 20);
        let g = ins(InsurerType::Kokuho, Some(IncomeCategory::GenekiI));
        assert_eq!(rate("1944-03-10", "2018-08-15", &g).unwrap().percent, 30);
    }

    #[test]
    fn contradictions_are_errors() {
        let e = rate("1984-01-01", "2024-06-10", &ins(InsurerType::Kouki, None)).unwrap_err();
        assert!(e.message.starts_with("insurance.insurerType:"));
        let e = rate(
            "1984-01-01",
            "2024-06-10",
            &ins(InsurerType::Shaho, Some(IncomeCategory::Ippan)),
        )
        .unwrap_err();
        assert!(e.message.starts_with("insurance.incomeCategory:"));
    }

    #[test]
    fn elderly_by_the_seventieth_birthday() {
        for birth in [
            "1952-02-29",
            "1953-03-01",
            "1954-07-01",
            "1954-07-15",
            "1954-12-31",
            "1955-01-01",
        ] {
            let b = d(birth);
            let mut t = d("2022-01-01");
            while t < d("2026-01-01") {
                assert_eq!(is_elderly(b, t), t >= elderly_from(b), "{birth} {t}");
                t = t.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn seventy_five_by_age_is_seventy_five_by_birthday() {
        for birth in [
            "1948-02-29",
            "1949-03-01",
            "1949-06-10",
            "1949-12-31",
            "1950-01-01",
        ] {
            let b = d(birth);
            let mut t = d("2022-01-01");
            while t < d("2026-01-01") {
                assert_eq!(age_on(b, t) >= 75, t >= kouki_from(b), "{birth} {t}");
                t = t.succ_opt().unwrap();
            }
        }
    }

    trait PlusYears {
        fn with_year_plus(self, years: i32, month: u32, day: u32) -> NaiveDate;
    }
    impl PlusYears for NaiveDate {
        fn with_year_plus(self, years: i32, month: u32, day: u32) -> NaiveDate {
            NaiveDate::from_ymd_opt(chrono::Datelike::year(&self) + years, month, day).unwrap()
        }
    }
}
