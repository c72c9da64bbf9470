//! 点数算定 for one outpatient visit.

mod chusha;
mod common;
pub mod drug;
mod gazou;
mod kanri;
mod kensa;
pub mod kizami;
pub mod month;
pub(crate) mod sections;
mod shochi;
mod toyaku;
pub mod visit;
mod zaitaku;

use crate::error::{Error, Result};
use crate::masters::drug::{DrugForm, PriceKind};
use crate::masters::procedure::{InOut, KokujiKind, KoukiScope, PointsKind};
use crate::masters::{
    describe_date, AgeBound, DrugRow, Generation, Lookup, MasterRow, ProcedureRow, Table,
};
use crate::model::{
    CalcRequest, FacilityKind, Finding, InsurerType, Line, LineItem, Severity, TimeCategory,
};
use chrono::NaiveDate;
use drug::{drug_points_per_unit, format_sen, parse_quantity, sen_to_yen};
use rust_decimal::Decimal;
use visit::{visit_addons, visit_kind, VisitKind, AUTO_ADDONS};

/// What the calculation needs besides the request.
pub struct Context<'a> {
    pub generation: &'a Generation,
    pub date: NaiveDate,
    pub birth: NaiveDate,
    pub age: u32,
    /// Codes already billed earlier in the same month, with their 回数 (empty for a lone visit).
    pub earlier: &'a std::collections::HashMap<String, u32>,
}

/// Upper bound on 回数 / 日数 of one order, beyond which a request is taken to be a mistake.
const MAX_COUNT: u32 = 999;

/// 点数欄集計先識別（入院外） (別紙7-2) → 診療識別 (記録条件仕様 別表20).
pub fn section_of(aggregation: u32) -> Option<&'static str> {
    Some(match aggregation {
        110 => "11",
        120 | 122 | 123 | 124 | 125 => "12",
        130 => "13",
        140 => "14",
        210 | 230 | 240 => "24",
        250 => "25",
        260 => "26",
        270 => "27",
        300 | 311 => "31",
        321 => "32",
        331 => "33",
        400 => "40",
        500 | 502 => "50",
        540 => "54",
        600 => "60",
        700 => "70",
        800 => "80",
        _ => return None,
    })
}

/// One visit's calculation in progress; the passes of the 部 (e.g. [`kensa`]) work on it.
pub(crate) struct Calc<'a> {
    pub(crate) ctx: &'a Context<'a>,
    pub(crate) req: &'a CalcRequest,
    pub(crate) lines: Vec<Line>,
    pub(crate) findings: Vec<Finding>,
}

/// A resolved procedure: its row and the points in force on the date of service.
pub(crate) struct Resolved<'a> {
    pub(crate) row: &'a ProcedureRow,
    pub(crate) points: i64,
    pub(crate) section: &'static str,
    /// The points are the row's 旧点数 (the date is before the row's 変更年月日).
    pub(crate) old: bool,
}

impl<'a> Calc<'a> {
    pub(crate) fn finding(&mut self, code: &str, path: &str, message: String) {
        self.findings.push(Finding {
            code: code.to_string(),
            severity: Severity::Error,
            path: path.to_string(),
            message,
        });
    }

    /// Looks a 診療行為 up and checks everything the master says about using it on this claim.
    pub(crate) fn resolve_procedure(&mut self, code: &str, path: &str) -> Option<Resolved<'a>> {
        // a row published ahead of its 変更年月日 carries the points in force before it as 旧点数
        let (row, (kind, x100)) = self.dated(
            path,
            code,
            &self.ctx.generation.procedures,
            |r| (r.points_kind, r.points_x100),
            |r| r.old_points_x100.map(|old| (r.old_points_kind, old)),
        )?;
        if row.inout == InOut::InpatientOnly {
            self.finding(
                "INPATIENT_ONLY",
                path,
                format!("{code} {} is for 入院 only (入外適用区分 1)", row.name),
            );
            return None;
        }
        let kouki = self.req.insurance.insurer_type == InsurerType::Kouki;
        if (row.kouki == KoukiScope::MedicalInsuranceOnly && kouki)
            || (row.kouki == KoukiScope::KoukiOnly && !kouki)
        {
            let which = if row.kouki == KoukiScope::MedicalInsuranceOnly {
                "医療保険 (not 後期高齢者医療)"
            } else {
                "後期高齢者医療"
            };
            self.finding(
                "INSURANCE_NOT_APPLICABLE",
                path,
                format!(
                    "{code} {} applies to {which} only (後期高齢者医療適用区分 {})",
                    row.name,
                    row.kouki.code()
                ),
            );
            return None;
        }
        match self.in_age_band(row.age_lower, row.age_upper) {
            Ok(true) => {}
            Ok(false) => {
                self.finding(
                    "AGE_LIMIT",
                    path,
                    format!(
                        "{code} {} is limited to ages {} (上下限年齢); the patient is {}",
                        row.name,
                        crate::masters::procedure::band_text(row.age_lower, row.age_upper),
                        self.ctx.age
                    ),
                );
                return None;
            }
            Err(special) => {
                self.finding(
                    "UNSUPPORTED_RULE",
                    path,
                    format!(
                        "{code} {}: 上下限年齢 code {special} is not supported yet",
                        row.name
                    ),
                );
                return None;
            }
        }
        if kind != PointsKind::Points || x100 % 100 != 0 {
            self.finding(
                "UNSUPPORTED_RULE",
                path,
                format!(
                    "{code} {}: 点数識別 {} is not supported yet",
                    row.name,
                    kind.code()
                ),
            );
            return None;
        }
        // 施設基準①–⑩ (master columns 72–81): billed only with one of them 届出 (when declared)
        if let Some(held) = &self.req.facility.standards {
            if !row.facility_standards.is_empty()
                && !row.facility_standards.iter().any(|s| held.contains(s))
            {
                let need: Vec<String> = row.facility_standards.iter().map(u32::to_string).collect();
                self.finding(
                    "FACILITY_STANDARD_REQUIRED",
                    path,
                    format!(
                        "{code} {} needs a 施設基準 届出 ({}); the facility declares none of them",
                        row.name,
                        need.join(", ")
                    ),
                );
                return None;
            }
        }
        let Some(section) = section_of(row.section_outpatient) else {
            self.finding(
                "UNSUPPORTED_RULE",
                path,
                format!(
                    "{code} {}: 点数欄集計先識別 {} is not an outpatient 点数欄",
                    row.name, row.section_outpatient
                ),
            );
            return None;
        };
        Some(Resolved {
            row,
            points: x100 / 100,
            section,
            old: row.changed > crate::date::ymd_number(self.ctx.date),
        })
    }

    /// The value of a master row in force on the date of service: the current one from its
    /// 変更年月日, the 旧 one before it (a finding when there is none), nothing after 廃止年月日.
    /// The row of a code in force on the date of service and its dated value: the current one,
    /// or the 旧 one when every version starts after the date (a finding when there is none),
    /// nothing when unknown or abolished.
    fn dated<R: MasterRow, T>(
        &mut self,
        path: &str,
        code: &str,
        table: &'a Table<R>,
        current: impl Fn(&R) -> T,
        old: impl Fn(&R) -> Option<T>,
    ) -> Option<(&'a R, T)> {
        match table.get(code, self.ctx.date) {
            Lookup::Valid(row) => Some((row, current(row))),
            Lookup::NotYet(row) => match old(row) {
                Some(v) => Some((row, v)),
                None => {
                    self.finding(
                        "CODE_NOT_YET_VALID",
                        path,
                        format!(
                            "{code} {} is valid from {} (変更年月日)",
                            row.name(),
                            describe_date(row.changed())
                        ),
                    );
                    None
                }
            },
            Lookup::Abolished(row) => {
                self.finding(
                    "CODE_ABOLISHED",
                    path,
                    format!(
                        "{code} {} may be used only until {} (廃止年月日)",
                        row.name(),
                        describe_date(row.abolished())
                    ),
                );
                None
            }
            Lookup::Unknown => {
                self.finding(
                    "UNKNOWN_CODE",
                    path,
                    format!(
                        "{} {code} is not in the {} of {}",
                        R::CODE_NAME,
                        R::TITLE,
                        self.generation_name()
                    ),
                );
                None
            }
        }
    }

    fn generation_name(&self) -> String {
        self.ctx.generation.effective_date().to_string()
    }

    /// Whether the patient is inside a master age band (lower inclusive, upper exclusive).
    /// Err carries a special age code this version does not evaluate.
    pub(crate) fn in_age_band(
        &self,
        lower: AgeBound,
        upper: AgeBound,
    ) -> std::result::Result<bool, String> {
        crate::masters::procedure::in_age_band(self.ctx.birth, self.ctx.date, lower, upper)
    }

    /// Adds a procedure line; `rule` says why (evaluated only when the request asks for a trace).
    pub(crate) fn push(&mut self, r: &Resolved<'_>, count: u32, rule: impl FnOnce() -> String) {
        let trace = if self.req.trace {
            let points = if r.old {
                format!(
                    "{}点 (旧点数, before 変更年月日 {})",
                    r.points,
                    describe_date(r.row.changed)
                )
            } else {
                format!("{}点", r.points)
            };
            vec![
                format!(
                    "医科診療行為マスター {} {}: {points}",
                    r.row.code, r.row.name
                ),
                rule(),
            ]
        } else {
            Vec::new()
        };
        self.lines.push(Line {
            section: r.section.to_string(),
            items: vec![LineItem {
                code: r.row.code.clone(),
                name: r.row.name.clone(),
                quantity: None,
                unit: None,
                unit_price: None,
            }],
            points: r.points,
            count,
            total: r.points * i64::from(count),
            trace,
        });
    }

    /// Adds the 年齢加算 (master columns 100–111) of a base row that match the patient's age.
    pub(crate) fn age_addons(&mut self, base: &ProcedureRow, count: u32, path: &str) {
        for addon in &base.age_addons {
            match self.in_age_band(addon.lower, addon.upper) {
                Ok(true) => {
                    // a %加算 (撮影, ギプス) is priced with its base by the 画像診断 / 処置 pass
                    let percent = self
                        .ctx
                        .generation
                        .procedures
                        .latest(&addon.code)
                        .is_some_and(|a| a.points_kind == PointsKind::PercentAdd);
                    if percent
                        && (gazou::prices_percent_age_addon(base)
                            || shochi::prices_percent_age_addon(base))
                    {
                        continue;
                    }
                    if let Some(r) = self.resolve_procedure(&addon.code, path) {
                        let age = self.ctx.age;
                        self.push(&r, count, || {
                            format!(
                                "年齢加算 of {} {} (ages {}): the patient is {age}",
                                base.code,
                                base.name,
                                crate::masters::procedure::band_text(addon.lower, addon.upper)
                            )
                        });
                    }
                }
                Ok(false) => {}
                Err(special) => self.finding(
                    "UNSUPPORTED_RULE",
                    path,
                    format!(
                        "{} {}: 年齢加算 age code {special} is not supported yet",
                        base.code, base.name
                    ),
                ),
            }
        }
    }

    fn orders(&mut self) -> Result<()> {
        let req = self.req;
        let mut visit: Option<(VisitKind, &'a ProcedureRow)> = None;
        let mut excludes_gairai_kanri: Option<String> = None;
        let mut gairai_kanri: Vec<(Resolved<'a>, u32, String)> = Vec::new();
        // 注加算コード of the base items (通番 0) ordered at this visit: a 加算 needs its base
        let procedures = &self.ctx.generation.procedures;
        let bases: Vec<&str> = req
            .orders
            .iter()
            .filter_map(|o| procedures.latest(&o.code))
            .filter(|r| r.addon_seq == "0" && has_addon_code(r))
            .map(|r| r.addon_code.as_str())
            .collect();
        // 年齢加算 codes (master columns 100–111) of the ordered items: the engine adds them itself
        let age_addon_codes: Vec<&str> = req
            .orders
            .iter()
            .filter_map(|o| procedures.latest(&o.code))
            .flat_map(|r| r.age_addons.iter().map(|a| a.code.as_str()))
            .collect();
        for (i, order) in req.orders.iter().enumerate() {
            let path = format!("orders[{i}]");
            let count = order.count.unwrap_or(1);
            if count == 0 || count > MAX_COUNT {
                return Err(Error::invalid_request(
                    &format!("{path}.count"),
                    format!("must be 1–{MAX_COUNT}, found {count}"),
                ));
            }
            let code_path = format!("{path}.code");
            if AUTO_ADDONS.contains(&order.code.as_str())
                || age_addon_codes.contains(&order.code.as_str())
            {
                self.finding(
                    "AUTO_ADDON_ORDERED",
                    &code_path,
                    format!("{} is added by the engine from the patient's age and `time`; do not order it", order.code),
                );
                continue;
            }
            if procedures
                .latest(&order.code)
                .is_some_and(zaitaku::handles_order)
            {
                continue; // 往診料 注1 加算: billed or refused by the 在宅 pass
            }
            let Some(r) = self.resolve_procedure(&order.code, &code_path) else {
                continue;
            };
            // 注加算コード / 通番 (master columns 38–39): a 加算 item is billed with its base item
            if r.row.kokuji1 == KokujiKind::Addon
                && has_addon_code(r.row)
                && r.row.addon_seq != "0"
                && !bases.contains(&r.row.addon_code.as_str())
            {
                self.finding(
                    "ADDON_WITHOUT_BASE",
                    &code_path,
                    format!(
                        "{} {} is a 加算 of 注加算コード {}; no base item of that code is ordered at this visit",
                        r.row.code, r.row.name, r.row.addon_code
                    ),
                );
                continue;
            }
            let Some(r) = self.quantity(r, order, &path)? else {
                continue;
            };
            if let Some(kind) = visit_kind(r.row) {
                if count != 1 {
                    return Err(Error::invalid_request(
                        &format!("{path}.count"),
                        "a 初診料・再診料・外来診療料 is billed once per visit",
                    ));
                }
                if let Some((_, first)) = &visit {
                    self.finding(
                        "DUPLICATE_VISIT_FEE",
                        &code_path,
                        format!(
                            "{} {} and {} {} in one visit: only one 基本診療料 per visit",
                            first.code, first.name, r.row.code, r.row.name
                        ),
                    );
                    continue;
                }
                if !self.visit_fee_allowed(kind, r.row, &code_path) {
                    continue;
                }
                visit = Some((kind, r.row));
                self.push(&r, 1, || format!("ordered ({code_path})"));
                self.visit_addons(kind, r.row, &code_path);
                if r.row.gairai_kanri == 1 {
                    excludes_gairai_kanri
                        .get_or_insert_with(|| format!("{} {}", r.row.code, r.row.name));
                }
                continue;
            }
            match r.row.gairai_kanri {
                2 => {
                    gairai_kanri.push((r, count, code_path));
                    continue;
                }
                1 => {
                    excludes_gairai_kanri
                        .get_or_insert_with(|| format!("{} {}", r.row.code, r.row.name));
                }
                _ => {}
            }
            self.push(&r, count, || format!("ordered ({code_path})"));
            if let (Some(q), Some(item)) = (
                order.quantity.as_ref(),
                self.lines.last_mut().and_then(|l| l.items.first_mut()),
            ) {
                item.quantity = Some(q.clone());
                item.unit = Some(r.row.unit.clone());
            }
            self.age_addons(r.row, count, &code_path);
            self.supplies(order, r.section, count, &path)?;
        }
        // A001 注8 外来管理加算: with 再診料 only, not when a 処置・リハビリ・検査 etc. the master marks
        // (外来管理加算区分 1) is done at the same visit
        for (r, count, path) in gairai_kanri {
            let reason = match (&visit, &excludes_gairai_kanri) {
                (Some((VisitKind::Saishin, _)), None) => {
                    self.push(&r, count, || {
                        format!("ordered ({path}); A001 注8: with 再診料, no 外来管理加算区分 1 item at the visit")
                    });
                    continue;
                }
                (Some((VisitKind::Saishin, _)), Some(by)) => {
                    format!("not with {by} (外来管理加算区分 1) at the same visit")
                }
                _ => "only with 再診料 (A001 注8)".to_string(),
            };
            self.finding(
                "GAIRAI_KANRI_NOT_ALLOWED",
                &path,
                format!("{} {}: {reason}", r.row.code, r.row.name),
            );
        }
        Ok(())
    }

    /// 薬剤 and 特定保険医療材料 used with a 診療行為 at each 回: one line each, in its 点数欄.
    fn supplies(
        &mut self,
        order: &crate::model::Order,
        section: &'static str,
        count: u32,
        path: &str,
    ) -> Result<()> {
        if !order.drugs.is_empty() {
            let injection = matches!(section, "31" | "32" | "33");
            let mut items = Vec::new();
            let mut total = Decimal::ZERO;
            let mut ok = true;
            let (mut biological, mut narcotic) = (false, false);
            for (d, drug) in order.drugs.iter().enumerate() {
                let dpath = format!("{path}.drugs[{d}]");
                if drug.psychotropic.is_some() {
                    return Err(Error::invalid_request(
                        &format!("{dpath}.psychotropic"),
                        "applies to the drugs of a prescription (投薬, F100 1 / F200 注2) only",
                    ));
                }
                let qty = positive_quantity(&drug.quantity, &format!("{dpath}.quantity"))?;
                let form =
                    injection.then_some((DrugForm::Injection, "as an injection (注射薬 only)"));
                match self.resolve_drug(&drug.code, form, &format!("{dpath}.code")) {
                    Some((row, price_sen)) => {
                        total += sen_to_yen(price_sen) * qty;
                        biological |= row.biological == 1;
                        narcotic |= row.narcotic == 1;
                        items.push(LineItem {
                            code: row.code.clone(),
                            name: row.name.clone(),
                            quantity: Some(drug.quantity.clone()),
                            unit: Some(row.unit.clone()),
                            unit_price: Some(format_sen(price_sen)),
                        });
                    }
                    None => ok = false,
                }
            }
            if ok {
                // G100 注射 薬剤: 15円以下 1点; C200 / D500 / E300 / J300 / K940 / L200 (在宅・検査・画像・
                // 処置・手術・麻酔の薬剤): 15円以下は算定しない; above, (薬価 − 15) / 10 切り上げ + 1 (1回分)
                if !injection && total <= Decimal::from(15) {
                    self.findings.push(Finding {
                        code: "DRUG_NOT_BILLABLE".to_string(),
                        severity: Severity::Warning,
                        path: format!("{path}.drugs"),
                        message: format!("薬剤 {}円 per 回 is 15円以下: not billed outside 投薬・注射 (e.g. J300 注)", yen(total)),
                    });
                } else {
                    let points = drug_points_per_unit(total);
                    let trace = if self.req.trace {
                        let mut t = supply_trace("医薬品マスター", &items);
                        t.push(format!(
                            "1回分 {}円 → {points}点 ({})",
                            yen(total),
                            if injection {
                                "G100"
                            } else {
                                "薬剤料: 15円を超える場合"
                            }
                        ));
                        t
                    } else {
                        Vec::new()
                    };
                    self.lines.push(Line {
                        section: section.to_string(),
                        items,
                        points,
                        count,
                        total: points * i64::from(count),
                        trace,
                    });
                }
                // 第6部 注射 通則: 生物学的製剤を注射した場合 15点, 麻薬を注射した場合 5点 (医薬品マスター
                // 生物学的製剤 / 麻薬・毒薬・覚醒剤原料・向精神薬 columns)
                if injection && biological {
                    self.fee_times(
                        "130000110",
                        path,
                        count,
                        "第6部 注射 通則: 生物学的製剤注射加算 (医薬品マスター 生物学的製剤 1)",
                    );
                }
                if injection && narcotic {
                    self.fee_times(
                        "130000310",
                        path,
                        count,
                        "第6部 注射 通則: 麻薬注射加算 (医薬品マスター 麻薬 1)",
                    );
                }
            }
        }
        for (m, material) in order.materials.iter().enumerate() {
            if gazou::prices_material(&material.code) {
                continue; // priced with its study by the 画像診断 pass (フィルム料（乳幼児）加算)
            }
            let mpath = format!("{path}.materials[{m}]");
            let qty = positive_quantity(&material.quantity, &format!("{mpath}.quantity"))?;
            let Some((row, price_sen)) = self.dated(
                &format!("{mpath}.code"),
                &material.code,
                &self.ctx.generation.materials,
                |r| r.price_sen,
                |r| r.old_price_sen,
            ) else {
                continue;
            };
            if row.price_kind != 1 {
                self.finding(
                    "UNSUPPORTED_RULE",
                    &format!("{mpath}.code"),
                    format!(
                        "{} {}: 金額種別 {} is not supported yet",
                        row.code, row.name, row.price_kind
                    ),
                );
                continue;
            }
            // 特定保険医療材料: 材料価格を10円で除して得た点数 (1点未満四捨五入), e.g. G200, J400, K950
            let amount = sen_to_yen(price_sen) * qty;
            let points = material_points(amount);
            let item = LineItem {
                code: row.code.clone(),
                name: row.name.clone(),
                quantity: Some(material.quantity.clone()),
                unit: Some(row.unit.clone()),
                unit_price: Some(format_sen(price_sen)),
            };
            let trace = if self.req.trace {
                let mut t = supply_trace("特定器材マスター", std::slice::from_ref(&item));
                t.push(format!(
                    "{}円 / 10 → {points}点 (1点未満四捨五入)",
                    yen(amount)
                ));
                t
            } else {
                Vec::new()
            };
            self.lines.push(Line {
                section: section.to_string(),
                items: vec![item],
                points,
                count,
                total: points * i64::from(count),
                trace,
            });
        }
        Ok(())
    }

    /// 数量データ: required by, and only allowed for, codes priced by きざみ値 (master column 30).
    fn quantity(
        &mut self,
        mut r: Resolved<'a>,
        order: &crate::model::Order,
        path: &str,
    ) -> Result<Option<Resolved<'a>>> {
        let row = r.row;
        match (&order.quantity, row.kizami == 1) {
            (None, false) => Ok(Some(r)),
            // a later pass prices it from what it counts (外来迅速検体検査加算: the qualifying 検体検査)
            (None, true) if kensa::derives_quantity(&row.code) => Ok(None),
            (Some(q), false) => Err(Error::invalid_request(
                &format!("{path}.quantity"),
                format!(
                    "{} {} is not priced by 数量データ (きざみ値計算識別 0); remove {q:?}",
                    row.code, row.name
                ),
            )),
            (None, true) => {
                self.finding(
                    "QUANTITY_REQUIRED",
                    &format!("{path}.quantity"),
                    format!(
                        "{} {} is priced by 数量データ in {} (きざみ値); give `quantity`",
                        row.code, row.name, row.unit
                    ),
                );
                Ok(None)
            }
            (Some(q), true) => {
                let data: u64 = q
                    .parse()
                    .ok()
                    .filter(|_| q.bytes().all(|b| b.is_ascii_digit()) && q.len() <= 8)
                    .ok_or_else(|| {
                        Error::invalid_request(
                            &format!("{path}.quantity"),
                            format!("expected a whole number of {}, found {q:?}", row.unit),
                        )
                    })?;
                match kizami::kizami_points(r.points * 100, &row.kizami_params, data) {
                    kizami::KizamiPoints::NotBillable => {
                        self.finding(
                            "QUANTITY_OUT_OF_RANGE",
                            &format!("{path}.quantity"),
                            format!(
                                "{} {}: {data}{} is at or below 下限値 {} − きざみ値 {}: not billable (上下限エラー処理 {})",
                                row.code, row.name, row.unit, row.kizami_params.lower, row.kizami_params.step, row.kizami_params.error_handling
                            ),
                        );
                        Ok(None)
                    }
                    kizami::KizamiPoints::Points { x100, capped } => {
                        if capped {
                            self.findings.push(Finding {
                                code: "QUANTITY_CAPPED".to_string(),
                                severity: Severity::Warning,
                                path: format!("{path}.quantity"),
                                message: format!(
                                    "{} {}: {data}{} is over 上限値 {}; priced at the 上限値 (上下限エラー処理 {})",
                                    row.code, row.name, row.unit, row.kizami_params.upper, row.kizami_params.error_handling
                                ),
                            });
                        }
                        // 1点未満四捨五入; the 画像診断 pass re-prices 逓減 steps in hundredths
                        r.points = (x100 + 50).div_euclid(100);
                        Ok(Some(r))
                    }
                }
            }
        }
    }

    fn visit_fee_allowed(&mut self, kind: VisitKind, row: &ProcedureRow, path: &str) -> bool {
        let f = &self.req.facility;
        let large_hospital = f.kind == FacilityKind::Hospital && f.beds >= 200;
        let problem = match kind {
            VisitKind::Saishin if large_hospital => Some("再診料 is billed by 診療所 and 病院 under 200 beds (A001); a 病院 with 200 or more beds bills 外来診療料 (A002)"),
            VisitKind::GairaiShinryo if !large_hospital => Some("外来診療料 is billed by 病院 with 200 or more beds (A002)"),
            _ => None,
        };
        if let Some(p) = problem {
            self.finding(
                "VISIT_FEE_FACILITY",
                path,
                format!("{} {}: {p}", row.code, row.name),
            );
            return false;
        }
        if self.req.time == TimeCategory::NightEarly && f.kind == FacilityKind::Hospital {
            self.finding(
                "TIME_ADDON_FACILITY",
                "time",
                "夜間・早朝等加算 is for 診療所 only (A000 注9, A001 注7)".to_string(),
            );
            return false;
        }
        true
    }

    fn visit_addons(&mut self, kind: VisitKind, base: &'a ProcedureRow, path: &str) {
        let time = if base.time_addon == 1 {
            self.req.time
        } else {
            TimeCategory::Regular
        };
        let plan = visit_addons(kind, time, self.ctx.age < 6);
        if plan.infant_addon {
            self.age_addons(base, 1, path);
        }
        if let Some((code, rule)) = plan.time_code {
            if let Some(r) = self.resolve_procedure(code, path) {
                let age = self.ctx.age;
                self.push(&r, 1, || format!("{rule}: time {time:?}, age {age}"));
            }
        }
    }

    /// A fee the engine derives itself (調剤料, 処方料, 処方箋料), with its 年齢加算.
    pub(crate) fn fee(&mut self, code: &str, path: &str, rule: &str) {
        self.fee_times(code, path, 1, rule);
    }

    /// A derived fee billed `count` times.
    fn fee_times(&mut self, code: &str, path: &str, count: u32, rule: &str) {
        if let Some(r) = self.resolve_procedure(code, path) {
            self.push(&r, count, || rule.to_string());
            self.age_addons(r.row, count, path);
        }
    }

    /// A drug and its 薬価 on the date; `form` is the 剤形 the use requires and how to say the use.
    pub(crate) fn resolve_drug(
        &mut self,
        code: &str,
        form: Option<(DrugForm, &str)>,
        path: &str,
    ) -> Option<(&'a DrugRow, i64)> {
        let (row, price) = self.dated(
            path,
            code,
            &self.ctx.generation.drugs,
            |r| r.price_sen,
            |r| r.old_price_sen,
        )?;
        if let Some((expected, usage)) = form {
            if row.form != expected {
                self.finding(
                    "WRONG_DRUG_FORM",
                    path,
                    format!(
                        "{code} {} is {} (剤形 {}); it cannot be given {usage}",
                        row.name,
                        row.form.label(),
                        row.form.code()
                    ),
                );
                return None;
            }
        }
        if row.price_kind != PriceKind::Amount {
            self.finding(
                "UNSUPPORTED_RULE",
                path,
                format!(
                    "{code} {}: 金額種別 {} is not supported yet",
                    row.name,
                    row.price_kind.code()
                ),
            );
            return None;
        }
        Some((row, price))
    }
}

/// Whether a row links to a base through 注加算コード (column 38; "0" / empty = none).
pub(crate) fn has_addon_code(row: &ProcedureRow) -> bool {
    !row.addon_code.is_empty() && row.addon_code.bytes().any(|b| b != b'0')
}

/// 特定保険医療材料: 材料価格 / 10, rounded half up to a whole 点.
pub fn material_points(amount_yen: Decimal) -> i64 {
    let p = (amount_yen / Decimal::from(10))
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    i64::try_from(p).unwrap_or(i64::MAX / 2)
}

/// A positive 使用量; anything else is an invalid request naming the field.
fn positive_quantity(q: &str, field: &str) -> Result<Decimal> {
    parse_quantity(q).filter(|d| !d.is_zero()).ok_or_else(|| {
        Error::invalid_request(
            field,
            format!("expected a positive decimal like \"3\" or \"1.5\", found {q:?}"),
        )
    })
}

/// 薬価 / 材料価格 × 使用量 per item, naming the master the price comes from.
fn supply_trace(master: &str, items: &[LineItem]) -> Vec<String> {
    items
        .iter()
        .map(|i| {
            let price = i.unit_price.as_deref().unwrap_or("");
            let qty = i.quantity.as_deref().unwrap_or("");
            let amount =
                parse_quantity(price).unwrap_or_default() * parse_quantity(qty).unwrap_or_default();
            format!(
                "{master} {} {}: {price}円 × {qty} = {}円",
                i.code,
                i.name,
                yen(amount)
            )
        })
        .collect()
}

/// A yen amount, exact, with at least two decimals (30.30, 9.90, 0.12345).
fn yen(d: Decimal) -> String {
    let mut d = d.normalize();
    if d.scale() < 2 {
        d.rescale(2);
    }
    d.to_string()
}

/// Calculates the lines and findings of one visit; lines come out in 診療識別 order.
pub fn calculate(ctx: &Context<'_>, req: &CalcRequest) -> Result<(Vec<Line>, Vec<Finding>)> {
    let mut calc = Calc {
        ctx,
        req,
        lines: Vec::new(),
        findings: Vec::new(),
    };
    calc.orders()?;
    calc.prescription()?;
    // each 部's pass runs only when the visit has something of that 部 (a cheap test first)
    let has = |calc: &Calc<'_>, sections: &[&str]| {
        calc.lines
            .iter()
            .any(|l| sections.contains(&l.section.as_str()))
    };
    let (kensa, gazou, chusha, shochi) = (
        // an 外来迅速検体検査加算 order left to the 検査 pass must reach it even with no 検査 line
        has(&calc, &["60"]) || req.orders.iter().any(|o| kensa::derives_quantity(&o.code)),
        has(&calc, &["70"]),
        has(&calc, &["31", "32", "33"]),
        has(&calc, &["40", "50", "54"]),
    );
    // 在宅 also refuses 往診料 加算 orders the orders pass left to it (C 区分 codes 114…)
    let zaitaku = has(&calc, &["14"]) || req.orders.iter().any(|o| o.code.starts_with("114"));
    if kensa {
        kensa::apply(&mut calc);
    }
    if gazou {
        gazou::apply(&mut calc);
    }
    if chusha {
        chusha::apply(&mut calc);
    }
    if shochi {
        shochi::apply(&mut calc);
    }
    if zaitaku {
        zaitaku::apply(&mut calc);
    }
    // 医学管理等 (13), 在宅 (14) and the 投薬 加算 it checks (処方料 25, 処方箋料 80)
    if has(&calc, &["13", "14", "25", "80"]) {
        kanri::apply(&mut calc);
    }
    calc.lines.sort_by(|a, b| a.section.cmp(&b.section));
    Ok((calc.lines, calc.findings))
}
