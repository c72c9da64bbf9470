//! Applicability of a 診療行為 to this claim, from its master row: 入外適用区分 (項番13), 後期高齢者
//! 医療適用区分 (項番14), 病院・診療所区分 (項番19) and 上下限年齢 (項番41–42) on each 算定日.

use super::{CheckSeverity, Ctx};
use crate::masters::procedure::{band_text, in_age_band, InOut, KoukiScope};
use crate::masters::table::Lookup;
use crate::model::{FacilityKind, InsurerType};

pub fn run(ctx: &mut Ctx<'_>) {
    let g = ctx.generation;
    let req = ctx.req;
    let kouki = req.insurance.insurer_type == InsurerType::Kouki;
    let hospital = req.facility.kind == FacilityKind::Hospital;
    for (i, line) in req.lines.iter().enumerate() {
        for (j, item) in line.items.iter().enumerate() {
            if !item.code.starts_with('1') {
                continue;
            }
            let day = Ctx::first_day(line);
            let Some(date) = ctx.date(day) else { continue };
            let Lookup::Valid(row) = g.procedures.get(&item.code, date) else {
                continue; // the master checks report it
            };
            let code = &item.code;
            let name = &row.name;
            let at = (Some(i), Some(j), None);
            match row.inout {
                InOut::InpatientOnly if !req.inpatient => ctx.push(
                    "E-NYUGAI-001",
                    CheckSeverity::Error,
                    at,
                    format!("{code} {name} は入院レセプトのみに算定できます"),
                    format!("{code} {name} is for 入院 receipts only"),
                    format!("s master {code} 項番13 入外適用区分 1"),
                ),
                InOut::OutpatientOnly if req.inpatient => ctx.push(
                    "E-NYUGAI-001",
                    CheckSeverity::Error,
                    at,
                    format!("{code} {name} は入院外レセプトのみに算定できます"),
                    format!("{code} {name} is for 入院外 receipts only"),
                    format!("s master {code} 項番13 入外適用区分 2"),
                ),
                _ => {}
            }
            match row.kouki {
                KoukiScope::KoukiOnly if !kouki => ctx.push(
                    "E-KOUKI-001",
                    CheckSeverity::Error,
                    at,
                    format!("{code} {name} は後期高齢者医療のみに算定できます"),
                    format!("{code} {name} is for 後期高齢者医療 only"),
                    format!("s master {code} 項番14 後期高齢者医療適用区分 2"),
                ),
                KoukiScope::MedicalInsuranceOnly if kouki => ctx.push(
                    "E-KOUKI-001",
                    CheckSeverity::Error,
                    at,
                    format!("{code} {name} は後期高齢者医療では算定できません"),
                    format!("{code} {name} cannot be billed to 後期高齢者医療"),
                    format!("s master {code} 項番14 後期高齢者医療適用区分 1"),
                ),
                _ => {}
            }
            let wrong_facility = match row.facility_scope {
                1 if !hospital => Some(("病院", "hospitals")),
                2 if hospital => Some(("診療所", "clinics")),
                _ => None,
            };
            if let Some((ja, en)) = wrong_facility {
                ctx.push(
                    "E-SHISETSU-001",
                    CheckSeverity::Error,
                    at,
                    format!("{code} {name} は{ja}のみ算定できます"),
                    format!("{code} {name} is for {en} only"),
                    format!(
                        "s master {code} 項番19 病院・診療所区分 {}",
                        row.facility_scope
                    ),
                );
            }
            for d in &line.days {
                let Some(date) = ctx.date(d.day) else {
                    continue;
                };
                match in_age_band(ctx.birth, date, row.age_lower, row.age_upper) {
                    Ok(true) => {}
                    Ok(false) => {
                        let band = band_text(row.age_lower, row.age_upper);
                        let age = ctx.age_on_day(d.day);
                        ctx.push(
                            "E-AGE-001",
                            CheckSeverity::Error,
                            (Some(i), Some(j), Some(d.day)),
                            format!("{code} {name} の対象年齢 ({band}) に当たりません ({}日: {age}歳)", d.day),
                            format!("{code} {name}: the patient ({age} on day {}) is outside its age band {band}", d.day),
                            format!("s master {code} 項番41–42 上下限年齢 {band}"),
                        );
                        break;
                    }
                    Err(special) => {
                        ctx.push(
                            "I-AGE-002",
                            CheckSeverity::Info,
                            (Some(i), Some(j), Some(d.day)),
                            format!("{code} の上下限年齢コード {special} は確認していません"),
                            format!("{code}: the special age code {special} is not evaluated"),
                            format!("s master {code} 項番41–42"),
                        );
                        break;
                    }
                }
            }
        }
    }
}
