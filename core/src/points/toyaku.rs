//! 第5部 投薬 of an outpatient visit: the 剤 of the prescription priced by F200 (院内), F000 調剤料,
//! and F100 処方料 / F400 処方箋料 by the kind of prescription.
//!
//! **Which 処方料 / 処方箋料.** F100 1 / F400 1 向精神薬多剤投与 (18点 / 20点) before F100 2 / F400 2
//! 7種類以上の内服薬 (29点 / 32点) before F100 3 / F400 3 (42点 / 60点): each 号 reads "1以外の場合",
//! "1及び2以外の場合".
//!
//! **7種類以上の内服薬 (F200 注3).** The 種類 of the 内服薬 of one 処方: a 臨時の投薬 of 14日 or less
//! is not counted, a 剤 whose 1剤1日分 薬価 is 205円以下 counts as 1種類 (通知 F100 (7), F200).
//! 院内, when the count reaches 7, the 薬剤料 of each 内服 剤 is its 所定点数 × 90/100, 1点未満四捨五入
//! (診療報酬の算定方法 第一号), per 1剤1日分. A 臨時 剤 (≤ 14日) is not reduced (通知 F200 「注3」:
//! 常態として投与する内服薬が7種類以上の場合に行い、臨時に投与する薬剤については対象としない).
//! No reduction when A001 注12 地域包括診療加算 or B001-2-9 地域包括診療料 is billed at the visit.
//!
//! **向精神薬多剤投与 (F100 1, F400 1, F200 注2).** 3種類以上の抗不安薬, 睡眠薬, 抗うつ薬 or 抗精神病薬,
//! or 4種類以上の抗不安薬及び睡眠薬 in one 処方. The class comes from the request (`psychotropic`,
//! 通知 別紙36); 種類 are counted by 一般名 (通知 F100 (3)), which santei reads as the 成分 of the
//! 薬価基準収載医薬品コード (its first 7 characters: 薬効分類 + 投与経路及び成分). 抗うつ薬 and
//! 抗精神病薬 given 臨時 (`temporary`, 14日 or 14回 or less) are not counted; 抗不安薬 and 睡眠薬 are
//! counted even then (通知 F100 (3) ウ). 院内, the 薬剤料 of every drug of the four classes in the 処方
//! is × 80/100 (F200 注2: 抗不安薬、睡眠薬、抗うつ薬及び抗精神病薬に係る薬剤料に限り; 疑義解釈
//! 平成26年10月10日 問9: the 臨時 ones included). Within a 剤 that also holds other drugs the 通知
//! gives no apportioning rule, so santei prices the 剤's 向精神薬 as their own 所定単位 (own 1日分
//! 薬価 → F200 点数 → × 80/100) on a line of their own, the rest of the 剤 on another line. When both
//! rules apply, the other drugs are × 90/100 only if they alone still make 7種類 (疑義解釈 平成28年4月25日
//! その2 問22). The other exceptions of 「臨時の投薬等」 (通知 F100 (3) ア, イ: a new patient's first 6
//! months, a 3-month switch) and the 精神科 医師's やむを得ず 3種類 cannot be expressed in a request:
//! leave `psychotropic` out for such drugs.
//!
//! **電子レセプト.** A reduced 剤 carries the 減点 code of the 医薬品マスター (金額種別 7) as its last
//! item, 630010002 薬剤料逓減（９０／１００）（内服薬） or 630010005 薬剤料逓減（８０／１００）
//! （向精神薬多剤投与）, and the line's `points` are the reduced 点数 (記録条件仕様: the 点数 of a
//! 点数・回数算定単位 is recorded on its last record). The trace shows 所定 and reduced 点数.
//!
//! F100 2 has the same 地域包括診療加算 exception (its 処方料 is then F100 3); F400 2 has none.
//!
//! **Not done here.** F000 注 / F100 注1 麻薬等加算 (麻薬・向精神薬・覚醒剤原料・毒薬); 地域包括診療料's
//! 包括 of the 処方料; F100 2's 向精神薬長期処方 (1年以上継続, 120004410).

use super::common::{billed, row_of};
use super::drug::{drug_points_per_unit, format_sen, parse_quantity, sen_to_yen};
use super::{supply_trace, yen, Calc, MAX_COUNT};
use crate::error::{Error, Result};
use crate::masters::drug::DrugForm;
use crate::model::{Dispensing, Line, LineItem, Psychotropic, Rp, RpForm};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// 630010002 薬剤料逓減（９０／１００）（内服薬）: F200 注3.
const REDUCTION_SEVEN: &str = "630010002";
/// 630010005 薬剤料逓減（８０／１００）（向精神薬多剤投与）: F200 注2.
const REDUCTION_PSYCHOTROPIC: &str = "630010005";

/// A001 注12 地域包括診療加算 1 / 2, B001-2-9 地域包括診療料 1 / 2: F200 注3 does not apply with them.
const CHIIKI_HOKATSU: [&str; 4] = ["112021770", "112017270", "113024810", "113015810"];

/// 臨時の投薬: 投与期間 2週間以内 (内服 14日, 頓服 14回) (通知 F100 (3) ウ, F200 「注3」 エ).
const TEMPORARY_MAX: u32 = 14;
/// A 剤 whose 1剤1日分 薬価 is 205円以下 counts as 1種類 (通知 F100 (7)).
const ONE_KIND_MAX_YEN: i64 = 205;

/// One drug of a 剤, priced.
struct Priced {
    item: LineItem,
    /// 薬価 × 使用量 (円)
    amount: Decimal,
    class: Option<Psychotropic>,
    /// 一般名 for counting 向精神薬: the 成分 part of the 薬価基準収載医薬品コード (or the code)
    ingredient: String,
}

/// A 剤 whose drugs all resolved.
struct PricedRp<'r> {
    rp: &'r Rp,
    count: u32,
    drugs: Vec<Priced>,
}

impl PricedRp<'_> {
    /// 臨時の投薬 of 2週間 (14日 / 14回) or less.
    fn temporary(&self) -> bool {
        self.rp.temporary && self.count <= TEMPORARY_MAX
    }
}

/// A 薬剤料逓減: the 医薬品マスター 減点 row, the percentage kept, and the rule for the trace.
struct Reduction {
    code: &'static str,
    percent: i64,
    rule: String,
}

impl<'a> Calc<'a> {
    pub(crate) fn prescription(&mut self) -> Result<()> {
        let Some(p) = &self.req.prescription else {
            return Ok(());
        };
        if p.rps.is_empty() {
            return Err(Error::invalid_request(
                "prescription.rps",
                "at least one 剤 is needed",
            ));
        }
        let in_house = p.dispensing == Dispensing::InHouse;
        let (mut internal_or_prn, mut external) = (false, false);
        let mut complete = true;
        let mut priced = Vec::new();
        for (r, rp) in p.rps.iter().enumerate() {
            let path = format!("prescription.rps[{r}]");
            let count = rp_count(rp, &path)?;
            let mut drugs = Vec::new();
            let mut ok = true;
            for (d, order) in rp.drugs.iter().enumerate() {
                let dpath = format!("{path}.drugs[{d}]");
                let qty = parse_quantity(&order.quantity)
                    .filter(|q| !q.is_zero())
                    .ok_or_else(|| {
                        Error::invalid_request(
                            &format!("{dpath}.quantity"),
                            format!(
                                "expected a positive decimal like \"3\" or \"1.5\", found {:?}",
                                order.quantity
                            ),
                        )
                    })?;
                let expected = match rp.form {
                    RpForm::Internal | RpForm::Prn => DrugForm::Internal,
                    RpForm::External => DrugForm::External,
                };
                let usage = format!("in an {} 剤", rp_form_name(rp.form));
                match self.resolve_drug(
                    &order.code,
                    Some((expected, &usage)),
                    &format!("{dpath}.code"),
                ) {
                    Some((row, price_sen)) => {
                        let ingredient = match row.yj_code.get(..7) {
                            Some(i) if !i.trim().is_empty() => i.to_string(),
                            _ => row.code.clone(),
                        };
                        drugs.push(Priced {
                            item: LineItem {
                                code: row.code.clone(),
                                name: row.name.clone(),
                                quantity: Some(order.quantity.clone()),
                                unit: Some(row.unit.clone()),
                                unit_price: Some(format_sen(price_sen)),
                            },
                            amount: sen_to_yen(price_sen) * qty,
                            class: order.psychotropic,
                            ingredient,
                        });
                    }
                    None => ok = false,
                }
            }
            match rp.form {
                RpForm::Internal | RpForm::Prn => internal_or_prn = true,
                RpForm::External => external = true,
            }
            if ok {
                priced.push(PricedRp { rp, count, drugs });
            } else {
                complete = false;
            }
        }
        if !complete {
            return Ok(()); // the fees depend on every 剤; the findings already say what is wrong
        }
        // F100 通知 (7): 内服薬の種類 (臨時の投薬 ≤ 14日 not counted; 1日分 205円以下 = 1種類)
        let kinds: usize = priced.iter().map(|p| internal_kinds(p, |_| true)).sum();
        let psychotropic = psychotropic_kinds(&priced);
        let multi_psychotropic = psychotropic.is_multi();
        // F100 2: 7種類以上 (… 及び A001 注12 地域包括診療加算を算定するものを除く); F400 2 has no such exception
        let kasan = CHIIKI_HOKATSU[..2]
            .iter()
            .find(|c| billed(self, c) > 0)
            .copied();
        let seven = kinds >= 7;
        if in_house {
            self.in_house_drugs(&priced, kinds, multi_psychotropic, &psychotropic);
            // F000 調剤料 1 入院中の患者以外: イ 内服薬・浸煎薬及び屯服薬 11点, ロ 外用薬 8点 (1回の処方につき)
            if internal_or_prn {
                self.fee(
                    "120000710",
                    "prescription",
                    "F000 調剤料 1 イ: 院内, 内服・頓服 (1回の処方につき)",
                );
            }
            if external {
                self.fee(
                    "120001010",
                    "prescription",
                    "F000 調剤料 1 ロ: 院内, 外用 (1回の処方につき)",
                );
            }
            // F100 処方料: 1 向精神薬多剤投与 18点, 2 7種類以上の内服薬 29点, 3 1及び2以外 42点
            let (code, rule) = if multi_psychotropic {
                (
                    "120003610",
                    format!(
                        "F100 処方料 1: 向精神薬多剤投与 ({})",
                        psychotropic.describe()
                    ),
                )
            } else if let (true, Some(k)) = (seven, kasan) {
                (
                    "120001210",
                    format!("F100 処方料 3: 内服薬 {kinds}種類, but {k} 地域包括診療加算 is billed (F100 2 excepts it)"),
                )
            } else if seven {
                (
                    "120002610",
                    format!("F100 処方料: 内服薬 {kinds}種類 (7種類以上)"),
                )
            } else {
                (
                    "120001210",
                    format!("F100 処方料: 内服薬 {kinds}種類 (6種類以下)"),
                )
            };
            self.fee(code, "prescription", &rule);
        } else {
            // F400 処方箋料: 1 向精神薬多剤投与 20点, 2 7種類以上の内服薬 32点, 3 1及び2以外 60点
            let (code, rule) = if multi_psychotropic {
                (
                    "120003710",
                    format!(
                        "F400 処方箋料 1: 院外, 向精神薬多剤投与 ({})",
                        psychotropic.describe()
                    ),
                )
            } else if seven {
                (
                    "120002710",
                    format!("F400 処方箋料: 院外, 内服薬 {kinds}種類 (7種類以上)"),
                )
            } else {
                (
                    "120002910",
                    format!("F400 処方箋料: 院外, 内服薬 {kinds}種類 (6種類以下)"),
                )
            };
            self.fee(code, "prescription", &rule);
        }
        Ok(())
    }

    /// The 薬剤料 lines of a 院内 prescription (F200), with its 注2 / 注3 reductions.
    fn in_house_drugs(
        &mut self,
        priced: &[PricedRp<'_>],
        kinds: usize,
        multi_psychotropic: bool,
        psychotropic: &PsychotropicKinds,
    ) {
        // F200 注3: 7種類以上 counted without the 向精神薬 when 注2 applies (疑義解釈 H28.4.25 問22)
        let seven_kinds = if multi_psychotropic {
            priced
                .iter()
                .map(|p| internal_kinds(p, |d| d.class.is_none()))
                .sum()
        } else {
            kinds
        };
        let chiiki = CHIIKI_HOKATSU.iter().find(|c| billed(self, c) > 0).copied();
        let seven = (seven_kinds >= 7 && chiiki.is_none()).then(|| Reduction {
            code: REDUCTION_SEVEN,
            percent: 90,
            rule: format!(
                "F200 注3: 7種類以上の内服薬 ({seven_kinds}種類{}, 院内)",
                if multi_psychotropic {
                    " without the 向精神薬"
                } else {
                    ""
                }
            ),
        });
        let psych = multi_psychotropic.then(|| Reduction {
            code: REDUCTION_PSYCHOTROPIC,
            percent: 80,
            rule: format!(
                "F200 注2: 向精神薬多剤投与 ({}), 院内",
                psychotropic.describe()
            ),
        });
        // A001 注12 / B001-2-9: the F200 注3 reduction does not apply; say so on the 剤 it spares
        let exempt = match chiiki {
            Some(code) if seven_kinds >= 7 && self.req.trace => {
                let name = row_of(self, code).map_or("", |r| r.name.as_str());
                Some(format!(
                    "F200 注3: 7種類以上の内服薬 ({seven_kinds}種類) not reduced: {code} {name} is billed at this visit"
                ))
            }
            _ => None,
        };
        for (r, p) in priced.iter().enumerate() {
            let reducible = p.rp.form == RpForm::Internal && !p.temporary();
            let seven = seven.as_ref().filter(|_| reducible);
            let before = self.lines.len();
            match &psych {
                Some(psych) if p.drugs.iter().any(|d| d.class.is_some()) => {
                    let (ps, others): (Vec<&Priced>, Vec<&Priced>) =
                        p.drugs.iter().partition(|d| d.class.is_some());
                    let split = !others.is_empty();
                    self.rp_line(p, &ps, Some(psych), split.then_some(r));
                    if split {
                        self.rp_line(p, &others, seven, Some(r));
                    }
                }
                _ => {
                    let all: Vec<&Priced> = p.drugs.iter().collect();
                    self.rp_line(p, &all, seven, None);
                }
            }
            if let (Some(text), true) = (&exempt, reducible) {
                for line in &mut self.lines[before..] {
                    if !line.items.iter().any(|i| i.code == REDUCTION_PSYCHOTROPIC) {
                        line.trace
                            .insert(line.trace.len().saturating_sub(1), text.clone());
                    }
                }
            }
        }
    }

    /// One 薬剤料 line: the drugs' 1剤1日分 (1回分, 1調剤) 薬価 → F200 点数, then the reduction.
    /// `split` names the 剤 when its 向精神薬 and other drugs are priced apart.
    fn rp_line(
        &mut self,
        p: &PricedRp<'_>,
        drugs: &[&Priced],
        reduction: Option<&Reduction>,
        split: Option<usize>,
    ) {
        let unit_price: Decimal = drugs.iter().map(|d| d.amount).sum();
        let base = drug_points_per_unit(unit_price);
        let mut items: Vec<LineItem> = drugs.iter().map(|d| d.item.clone()).collect();
        let mut trace = if self.req.trace {
            drug_trace(p.rp.form, &items, unit_price, base)
        } else {
            Vec::new()
        };
        if let (Some(r), true) = (split, self.req.trace) {
            trace.push(format!(
                "prescription.rps[{r}] holds 向精神薬 and other drugs: each part priced as its own 所定単位 (F200 注2 applies to the 向精神薬 only)"
            ));
        }
        let mut points = base;
        if let Some(red) = reduction {
            // 所定点数 × percent / 100, 1点未満四捨五入 (診療報酬の算定方法 第一号)
            points = (base * red.percent + 50).div_euclid(100);
            let row = self
                .dated(
                    "prescription",
                    red.code,
                    &self.ctx.generation.drugs,
                    |r| r.price_sen,
                    |r| r.old_price_sen,
                )
                .map(|(row, _)| row);
            if let Some(row) = row {
                items.push(LineItem {
                    code: row.code.clone(),
                    name: row.name.clone(),
                    quantity: None,
                    unit: None,
                    unit_price: None,
                });
            }
            if self.req.trace {
                let exact = Decimal::new(base * red.percent, 2).normalize();
                trace.push(format!(
                    "{}: 所定 {base}点 × {}/100 = {exact} → {points}点 (1点未満四捨五入); 医薬品マスター {}",
                    red.rule,
                    red.percent,
                    row.map_or_else(|| red.code.to_string(), |r| format!("{} {}", r.code, r.name))
                ));
            }
        }
        if self.req.trace {
            let per = match p.rp.form {
                RpForm::Internal => "日",
                RpForm::Prn => "回",
                RpForm::External => "調剤",
            };
            trace.push(format!(
                "{points}点 × {}{per} = {}点",
                p.count,
                points * i64::from(p.count)
            ));
        }
        self.lines.push(Line {
            section: match p.rp.form {
                RpForm::Internal => "21",
                RpForm::Prn => "22",
                RpForm::External => "23",
            }
            .to_string(),
            items,
            points,
            count: p.count,
            total: points * i64::from(p.count),
            trace,
        });
    }
}

/// 内服薬の種類 of a 剤 (F100 通知 (7)) among the drugs `counted` keeps: none for a 頓服 / 外用 剤 or a
/// 臨時 one of 14日 or less; 1 when their 1日分 薬価 is 205円以下; else one per drug.
fn internal_kinds(p: &PricedRp<'_>, counted: impl Fn(&Priced) -> bool) -> usize {
    if p.rp.form != RpForm::Internal || p.temporary() {
        return 0;
    }
    let drugs: Vec<&Priced> = p.drugs.iter().filter(|d| counted(d)).collect();
    let day: Decimal = drugs.iter().map(|d| d.amount).sum();
    match drugs.len() {
        0 => 0,
        _ if day <= Decimal::from(ONE_KIND_MAX_YEN) => 1,
        n => n,
    }
}

/// The 一般名 (成分) of each class in one 処方 (通知 F100 (3), 別紙36).
#[derive(Default)]
struct PsychotropicKinds {
    anxiolytic: BTreeSet<String>,
    hypnotic: BTreeSet<String>,
    antidepressant: BTreeSet<String>,
    antipsychotic: BTreeSet<String>,
}

impl PsychotropicKinds {
    /// F100 1: 3種類以上の抗不安薬、3種類以上の睡眠薬、3種類以上の抗うつ薬、3種類以上の抗精神病薬又は
    /// 4種類以上の抗不安薬及び睡眠薬.
    fn is_multi(&self) -> bool {
        self.anxiolytic.len() >= 3
            || self.hypnotic.len() >= 3
            || self.antidepressant.len() >= 3
            || self.antipsychotic.len() >= 3
            || self.anxiolytic.union(&self.hypnotic).count() >= 4
    }

    /// The counts that are not zero, e.g. "抗うつ薬 3種類".
    fn describe(&self) -> String {
        let both = self.anxiolytic.union(&self.hypnotic).count();
        let mut parts: Vec<String> = [
            ("抗不安薬", self.anxiolytic.len()),
            ("睡眠薬", self.hypnotic.len()),
            ("抗うつ薬", self.antidepressant.len()),
            ("抗精神病薬", self.antipsychotic.len()),
        ]
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{what} {n}種類"))
        .collect();
        if !self.anxiolytic.is_empty() && !self.hypnotic.is_empty() {
            parts.push(format!("抗不安薬及び睡眠薬 {both}種類"));
        }
        parts.join(", ")
    }
}

/// Counts the 向精神薬 by class: 抗うつ薬 and 抗精神病薬 of a 臨時 剤 are left out, 抗不安薬 and 睡眠薬
/// are counted even then (通知 F100 (3) ウ).
fn psychotropic_kinds(priced: &[PricedRp<'_>]) -> PsychotropicKinds {
    let mut k = PsychotropicKinds::default();
    for p in priced {
        for d in &p.drugs {
            let set = match d.class {
                None => continue,
                Some(Psychotropic::Anxiolytic) => &mut k.anxiolytic,
                Some(Psychotropic::Hypnotic) => &mut k.hypnotic,
                Some(_) if p.temporary() => continue,
                Some(Psychotropic::Antidepressant) => &mut k.antidepressant,
                Some(Psychotropic::Antipsychotic) => &mut k.antipsychotic,
            };
            set.insert(d.ingredient.clone());
        }
    }
    k
}

/// 日数 / 回数 of a 剤 by its form (内服: days, 頓服: times, 外用: one 調剤).
fn rp_count(rp: &Rp, path: &str) -> Result<u32> {
    if rp.drugs.is_empty() {
        return Err(Error::invalid_request(
            &format!("{path}.drugs"),
            "a 剤 needs at least one drug",
        ));
    }
    let check = |field: &str, v: Option<u32>| -> Result<u32> {
        match v {
            Some(n) if (1..=MAX_COUNT).contains(&n) => Ok(n),
            Some(n) => Err(Error::invalid_request(
                &format!("{path}.{field}"),
                format!("must be 1–{MAX_COUNT}, found {n}"),
            )),
            None => Err(Error::invalid_request(
                &format!("{path}.{field}"),
                "is required for this form",
            )),
        }
    };
    let forbid = |field: &str, v: Option<u32>, form: &str| -> Result<()> {
        match v {
            Some(_) => Err(Error::invalid_request(
                &format!("{path}.{field}"),
                format!("does not apply to {form}"),
            )),
            None => Ok(()),
        }
    };
    match rp.form {
        RpForm::Internal => {
            forbid("times", rp.times, "内服 (internal), which counts days")?;
            check("days", rp.days)
        }
        RpForm::Prn => {
            forbid("days", rp.days, "頓服 (prn), which counts times")?;
            check("times", rp.times)
        }
        RpForm::External => {
            forbid("days", rp.days, "外用 (external), billed per 調剤")?;
            forbid("times", rp.times, "外用 (external), billed per 調剤")?;
            Ok(1)
        }
    }
}

/// How a 剤's 所定点数 came about: each drug's 薬価 × 使用量 and the F200 rule.
fn drug_trace(form: RpForm, items: &[LineItem], unit_price: Decimal, points: i64) -> Vec<String> {
    let mut t = supply_trace("医薬品マスター", items);
    let unit = match form {
        RpForm::Internal => "1剤1日分",
        RpForm::Prn => "1回分",
        RpForm::External => "1調剤",
    };
    let p = yen(unit_price);
    let fifteen = Decimal::from(15);
    t.push(if unit_price <= fifteen {
        format!("{unit} {p}円 ≤ 15円 → 1点 (F200)")
    } else {
        let steps = ((unit_price - fifteen) / Decimal::from(10)).normalize();
        format!("{unit} {p}円 → ({p} − 15) / 10 = {steps} → 切り上げ + 1 = {points}点 (F200, 五捨五超入)")
    });
    t
}

/// The wire name of a 剤 form.
fn rp_form_name(form: RpForm) -> &'static str {
    match form {
        RpForm::Internal => "internal (内服)",
        RpForm::Prn => "prn (頓服)",
        RpForm::External => "external (外用)",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ninety_percent_rounds_half_up() {
        let r = |base: i64, pct: i64| (base * pct + 50).div_euclid(100);
        assert_eq!(r(12, 90), 11); // 10.8
        assert_eq!(r(14, 90), 13); // 12.6
        assert_eq!(r(13, 90), 12); // 11.7
        assert_eq!(r(11, 90), 10); // 9.9
        assert_eq!(r(15, 90), 14); // 13.5 → 14
        assert_eq!(r(4, 90), 4); // 3.6
        assert_eq!(r(1, 80), 1); // 0.8
        assert_eq!(r(7, 80), 6); // 5.6
        assert_eq!(r(12, 80), 10); // 9.6
    }
}
