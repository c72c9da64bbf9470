//! 基本診療料: 初診料 (A000), 再診料 (A001), 外来診療料 (A002) and the 加算 that follow from the
//! patient's age and the time of the visit. The base codes are recognised from the master
//! (注加算コード 1101 / 1201 / 1202 with 通番 0); the 加算 codes are this table's dated rule data.

use crate::masters::ProcedureRow;
use crate::model::TimeCategory;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitKind {
    /// A000 初診料
    Shoshin,
    /// A001 再診料 (診療所, 病院 200床未満)
    Saishin,
    /// A002 外来診療料 (病院 200床以上)
    GairaiShinryo,
}

pub fn visit_kind(row: &ProcedureRow) -> Option<VisitKind> {
    if row.addon_seq != "0" {
        return None;
    }
    match row.addon_code.as_str() {
        "1101" => Some(VisitKind::Shoshin),
        "1201" => Some(VisitKind::Saishin),
        "1202" => Some(VisitKind::GairaiShinryo),
        _ => None,
    }
}

/// 時間外・休日・深夜・夜間早朝等 加算 codes, (adult, 6歳未満).
fn time_codes(kind: VisitKind, time: TimeCategory) -> Option<(&'static str, &'static str)> {
    use TimeCategory::*;
    use VisitKind::*;
    Some(match (kind, time) {
        (_, Regular) => return None,
        // A000 注7: 時間外 85 / 休日 250 / 深夜 480; 6歳未満 200 / 365 / 695
        (Shoshin, Overtime) => ("111000570", "111011970"),
        (Shoshin, Holiday) => ("111000670", "111012070"),
        (Shoshin, LateNight) => ("111000770", "111012170"),
        // A000 注9: 夜間・早朝等加算 50 (診療所); 乳幼児加算 is still added
        (Shoshin, NightEarly) => ("111012470", "111012470"),
        // A001 注5: 時間外 65 / 休日 190 / 深夜 420; 6歳未満 135 / 260 / 590
        (Saishin, Overtime) => ("112001110", "112014770"),
        (Saishin, Holiday) => ("112001210", "112014870"),
        (Saishin, LateNight) => ("112001310", "112014970"),
        // A001 注7: 夜間・早朝等加算 50 (診療所)
        (Saishin, NightEarly) => ("112015570", "112015570"),
        // A002 (外来診療料) 時間外等加算: A001 注5 の例による; 6歳未満 uses the 外来診療料 codes
        (GairaiShinryo, Overtime) => ("112001110", "112015170"),
        (GairaiShinryo, Holiday) => ("112001210", "112015270"),
        (GairaiShinryo, LateNight) => ("112001310", "112015370"),
        (GairaiShinryo, NightEarly) => return None,
    })
}

/// Every 加算 code this module adds by itself: ordering one explicitly is refused, so that the
/// age / time 加算 of a visit are never counted twice.
pub const AUTO_ADDONS: &[&str] = &[
    "111000370",
    "112000970",
    "112006270", // 乳幼児加算 (A000 注6, A001 注4, A002 注6)
    "111000570",
    "111011970",
    "111000670",
    "111012070",
    "111000770",
    "111012170",
    "111012470",
    "112001110",
    "112014770",
    "112001210",
    "112014870",
    "112001310",
    "112014970",
    "112015570",
    "112015170",
    "112015270",
    "112015370",
];

/// What the visit adds: 6歳未満 with a 時間外・休日・深夜 加算 takes the 乳幼児時間外等 code instead of
/// 乳幼児加算 (A000 注6 ただし書, A001 注4 ただし書); 夜間・早朝等 keeps 乳幼児加算.
pub struct VisitAddons {
    /// Add the base row's own 年齢加算 (乳幼児加算).
    pub infant_addon: bool,
    /// The 時間外等 加算 code and the 告示 it comes from.
    pub time_code: Option<(&'static str, &'static str)>,
}

/// The 告示 of a visit's 時間外等 加算.
fn time_rule(kind: VisitKind, time: TimeCategory) -> &'static str {
    match (kind, time) {
        (VisitKind::Shoshin, TimeCategory::NightEarly) => "A000 注9 夜間・早朝等加算",
        (VisitKind::Shoshin, _) => "A000 注7 時間外・休日・深夜加算",
        (VisitKind::Saishin, TimeCategory::NightEarly) => "A001 注7 夜間・早朝等加算",
        (VisitKind::Saishin, _) => "A001 注5 時間外・休日・深夜加算",
        (VisitKind::GairaiShinryo, _) => "A002 時間外等加算 (A001 注5 の例による)",
    }
}

pub fn visit_addons(kind: VisitKind, time: TimeCategory, infant: bool) -> VisitAddons {
    let codes = time_codes(kind, time);
    let replaces_infant = codes.is_some() && time != TimeCategory::NightEarly;
    VisitAddons {
        infant_addon: infant && !replaces_infant,
        time_code: codes
            .map(|(adult, child)| (if infant { child } else { adult }, time_rule(kind, time))),
    }
}
