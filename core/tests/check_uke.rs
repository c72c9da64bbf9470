//! 事前審査 of a UKE file: tests/uke/check-2024-06.UKE, written by hand from the 記録条件仕様
//! layouts (two receipts of June 2024), checked against the bundled official masters.

use santei_core::Engine;
use std::path::Path;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../masters")).unwrap()
    })
}

/// (code, line, item, day) of a finding.
type At<'a> = (&'a str, Option<usize>, Option<usize>, Option<u32>);

fn file() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/uke/check-2024-06.UKE"))
        .unwrap()
}

#[test]
fn receipts_become_claims() {
    let r = engine().check_uke(&file()).unwrap();
    assert_eq!(r.billing_month, "2024-07");
    assert_eq!(r.receipts.len(), 2);
    let c = &r.receipts[0].claim;
    // RE 1: 診療年月 202406, 1979-04-10, 男; HO 実日数 2; SY 4659007 主病
    assert_eq!(c.month, "2024-06");
    assert_eq!(c.patient.birth_date, "1979-04-10");
    assert_eq!(c.actual_days, Some(2));
    assert_eq!(c.diseases.len(), 1);
    assert!(c.diseases[0].main);
    assert_eq!(c.diseases[0].start_date.as_deref(), Some("2024-06-03"));
    // two 算定単位: 初診料 on day 3, 再診料 on day 10, each with its 点数
    assert_eq!(c.lines.len(), 2);
    assert_eq!(c.lines[0].section, "11");
    assert_eq!(c.lines[0].items[0].code, "111000110");
    assert_eq!(c.lines[0].points, Some(291));
    assert_eq!((c.lines[0].days[0].day, c.lines[0].days[0].count), (3, 1));
    assert_eq!(c.lines[1].section, "12");
    assert_eq!(c.lines[1].days[0].day, 10);
    // RE 2: 初診料 + 乳幼児加算 are one unit (the 点数 366 on its last record), 診療識別 carried over
    let c2 = &r.receipts[1].claim;
    assert_eq!(c2.lines.len(), 1);
    assert_eq!(c2.lines[0].section, "11");
    assert_eq!(c2.lines[0].items.len(), 2);
    assert_eq!(c2.lines[0].points, Some(366));
}

#[test]
fn findings_per_receipt() {
    let r = engine().check_uke(&file()).unwrap();
    // receipt 1: 初診 + 再診, 実日数 2 = days 3 and 10, 主病 on file → nothing
    assert!(
        r.receipts[0].check.findings.is_empty(),
        "{:?}",
        r.receipts[0].check.findings
    );
    // receipt 2: 111000370 乳幼児加算（初診） (上下限年齢 00–06) for a 40歳 → E-AGE-001 on day 3;
    // HO 実日数 2 but only day 3 bills a 初診/再診 → E-JITSU-001
    let codes: Vec<At<'_>> = r.receipts[1]
        .check
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.line, f.item, f.day))
        .collect();
    assert!(
        codes.contains(&("E-AGE-001", Some(0), Some(1), Some(3))),
        "{codes:?}"
    );
    assert!(codes.iter().any(|c| c.0 == "E-JITSU-001"), "{codes:?}");
    assert_eq!(r.receipts[1].check.errors, 2, "{codes:?}");
    assert_eq!(r.errors, 2);
}

#[test]
fn a_month_without_masters_is_a_finding_not_a_failure() {
    // the receiptisan sample is of 2021-10: no bundled generation covers it
    let sample = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/uke/RECEIPTC_GAIRAI_SAMPLE.excerpt.cp932.UKE"),
    )
    .unwrap();
    let r = engine().check_uke(&sample).unwrap();
    assert_eq!(r.receipts.len(), 21);
    assert!(r
        .receipts
        .iter()
        .all(|x| x.check.findings.len() == 1 && x.check.findings[0].code == "E-UKE-001"));
}

#[test]
fn a_broken_file_is_a_parse_error() {
    let mut bytes = file();
    bytes.truncate(40);
    let e = engine().check_uke(&bytes).unwrap_err();
    assert_eq!(e.code.name(), "SANTEI_PARSE_ERROR");
}
