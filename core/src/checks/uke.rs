//! 事前審査 of a UKE file: each receipt (RE and its records) becomes a claim as billed — SY → 傷病名,
//! HO 診療実日数 → `actualDays`, each 点数・回数算定単位 of SI / IY / TO (its records up to the one
//! that carries the 点数) → a line with the 算定日情報 of that record — and is checked like any claim.

use super::{check, CheckRequest, CheckResponse, CheckSeverity, ClaimItem, ClaimLine};
use crate::masters::Generation;
use crate::model::{
    DayCount, Disease, Facility, FacilityKind, Insurance, InsurerType, Patient, Relation, Sex,
};
use crate::uke::{Receipt, Record, UkeFile};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 病院: 20床以上 (医療法 第1条の5); the receipt's 病床数 (RE field 13) is given by 病院.
const HOSPITAL_MIN_BEDS: u16 = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CheckUkeResponse {
    /// 請求年月 of the file (IR), `YYYY-MM`.
    pub billing_month: String,
    pub receipts: Vec<CheckUkeReceipt>,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CheckUkeReceipt {
    /// レセプト番号 (RE field 2).
    pub receipt_no: u32,
    /// The claim the receipt was read as (its `line`s are what findings point at).
    pub claim: CheckRequest,
    pub check: CheckResponse,
}

/// A receipt as a claim.
pub fn claim_of(r: &Receipt) -> CheckRequest {
    let re = &r.re;
    let digits = format!("{:04}", re.receipt_type);
    let d = digits.as_bytes();
    let mut insurer = InsurerType::Shaho;
    let mut actual_days = None;
    let mut diseases = Vec::new();
    let mut lines: Vec<ClaimLine> = Vec::new();
    let mut items: Vec<ClaimItem> = Vec::new();
    let mut section = String::new();
    let mut close =
        |items: &mut Vec<ClaimItem>, section: &str, points: Option<u32>, days: &[u16; 31]| {
            if items.is_empty() {
                return;
            }
            lines.push(ClaimLine {
                section: section.to_string(),
                items: std::mem::take(items),
                points: points.map(i64::from),
                days: days
                    .iter()
                    .enumerate()
                    .filter(|(_, &n)| n > 0)
                    .map(|(i, &n)| DayCount {
                        day: i as u32 + 1,
                        count: u32::from(n),
                    })
                    .collect(),
            });
        };
    for rec in &r.records {
        match rec {
            Record::Ho(ho) => {
                actual_days = Some(u32::from(ho.jitsunissu));
                // 保険者番号: 後期 39 + 6 digits; 国保 6 digits (right-aligned)
                let no = ho.hokensha_no.trim();
                insurer = if no.len() == 8 && no.starts_with("39") {
                    InsurerType::Kouki
                } else if no.len() == 6 {
                    InsurerType::Kokuho
                } else {
                    InsurerType::Shaho
                };
            }
            Record::Sy(sy) => diseases.push(Disease {
                code: sy.code.clone(),
                main: sy.main.as_deref() == Some("01"),
                start_date: Some(sy.start_date.to_string()),
                modifiers: sy.modifiers.clone(),
            }),
            Record::Si(si) => {
                if let Some(s) = si.shikibetsu {
                    section = format!("{:02}", s.code());
                }
                items.push(ClaimItem {
                    code: si.code.to_string(),
                    quantity: si.quantity.map(|q| q.to_string()),
                });
                if si.points.is_some() {
                    close(&mut items, &section, si.points, &si.days);
                }
            }
            Record::Iy(iy) => {
                if let Some(s) = iy.shikibetsu {
                    section = format!("{:02}", s.code());
                }
                items.push(ClaimItem {
                    code: iy.code.to_string(),
                    quantity: iy.amount.map(|a| a.to_string()),
                });
                if iy.points.is_some() {
                    close(&mut items, &section, iy.points, &iy.days);
                }
            }
            Record::To(to) => {
                if let Some(s) = to.shikibetsu {
                    section = format!("{:02}", s.code());
                }
                items.push(ClaimItem {
                    code: to.code.to_string(),
                    quantity: to.amount.map(|a| a.to_string()),
                });
                if to.points.is_some() {
                    close(&mut items, &section, to.points, &to.days);
                }
            }
            _ => {}
        }
    }
    // a unit left open at the end (no record with 点数): keep it, with no 算定日
    if !items.is_empty() {
        close(&mut items, &section, None, &[0; 31]);
    }
    CheckRequest {
        month: re.shinryo_ym.to_string(),
        patient: Patient {
            birth_date: re.birth_date.to_string(),
            sex: if re.sex == 2 { Sex::Female } else { Sex::Male },
        },
        insurance: Insurance {
            insurer_type: insurer,
            // changes no check; レセプト種別 3rd digit (別表5) 2 未就学者 / 3 家族 → 家族
            relation: if matches!(d.get(2), Some(b'2' | b'3')) {
                Relation::Kazoku
            } else {
                Relation::Honnin
            },
            burden_percent: None,
            income_category: None,
            multiple_high_cost: false,
            specific_disease_cap_yen: None,
            disability_certified: false,
        },
        facility: Facility {
            kind: if re.beds.is_some_and(|b| b >= HOSPITAL_MIN_BEDS) {
                FacilityKind::Hospital
            } else {
                FacilityKind::Clinic
            },
            beds: re.beds.map_or(0, u32::from),
            standards: None,
        },
        // レセプト種別 4th digit (別表5): odd = 入院
        inpatient: d.get(3).is_some_and(|c| (c - b'0') % 2 == 1),
        diseases,
        actual_days,
        lines,
    }
}

/// Every receipt of a file; a receipt the checks cannot read as a claim (e.g. no 算定日 at all)
/// is reported as an `E-UKE-001` finding on it, never dropped.
pub fn check_uke<'g>(
    generation_for: impl Fn(&str) -> crate::error::Result<&'g Generation>,
    file: &UkeFile,
) -> crate::error::Result<CheckUkeResponse> {
    let mut receipts = Vec::with_capacity(file.receipts.len());
    for r in &file.receipts {
        let claim = claim_of(r);
        let check = match generation_for(&claim.month).and_then(|g| check(g, &claim)) {
            Ok(c) => c,
            Err(e) => CheckResponse {
                month: claim.month.clone(),
                master_generation: String::new(),
                tensuhyo: false,
                findings: vec![super::CheckFinding {
                    code: "E-UKE-001".to_string(),
                    severity: CheckSeverity::Error,
                    message_ja: format!(
                        "レセプト {} を審査できません: {}",
                        r.re.receipt_no, e.message
                    ),
                    message_en: format!(
                        "receipt {} cannot be checked: {}",
                        r.re.receipt_no, e.message
                    ),
                    line: None,
                    item: None,
                    day: None,
                    source: "UKE RE".to_string(),
                }],
                errors: 1,
                warnings: 0,
                infos: 0,
            },
        };
        receipts.push(CheckUkeReceipt {
            receipt_no: r.re.receipt_no,
            claim,
            check,
        });
    }
    let sum = |f: fn(&CheckResponse) -> u32| receipts.iter().map(|r| f(&r.check)).sum();
    Ok(CheckUkeResponse {
        billing_month: file.ir.seikyu_ym.to_string(),
        errors: sum(|c| c.errors),
        warnings: sum(|c| c.warnings),
        infos: sum(|c| c.infos),
        receipts,
    })
}
