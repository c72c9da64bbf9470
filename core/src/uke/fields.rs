//! Field names and counts of each record (記録条件仕様（医科用）令和４年４月版), and the checks
//! shared by the reader and the writer.

/// Field names by 1-based position (index 0 = field 1 = レコード識別情報).
pub const IR: [&str; 10] = [
    "レコード識別情報",
    "審査支払機関",
    "都道府県",
    "点数表",
    "医療機関コード",
    "予備",
    "医療機関名称",
    "請求年月",
    "マルチボリューム識別情報",
    "電話番号",
];

pub const RE: [&str; 38] = [
    "レコード識別情報",
    "レセプト番号",
    "レセプト種別",
    "診療年月",
    "氏名",
    "男女区分",
    "生年月日",
    "給付割合",
    "入院年月日",
    "病棟区分",
    "一部負担金・食事療養費・生活療養費標準負担額区分",
    "レセプト特記事項",
    "病床数",
    "カルテ番号等",
    "割引点数単価",
    "予備",
    "予備",
    "予備",
    "検索番号",
    "予備",
    "請求情報",
    "診療科1 診療科名",
    "診療科1 人体の部位等",
    "診療科1 性別等",
    "診療科1 医学的処置",
    "診療科1 特定疾病",
    "診療科2 診療科名",
    "診療科2 人体の部位等",
    "診療科2 性別等",
    "診療科2 医学的処置",
    "診療科2 特定疾病",
    "診療科3 診療科名",
    "診療科3 人体の部位等",
    "診療科3 性別等",
    "診療科3 医学的処置",
    "診療科3 特定疾病",
    "カタカナ（氏名）",
    "患者の状態",
];

pub const HO: [&str; 15] = [
    "レコード識別情報",
    "保険者番号",
    "被保険者証（手帳）等の記号",
    "被保険者証（手帳）等の番号",
    "診療実日数",
    "合計点数",
    "予備",
    "食事療養・生活療養 回数",
    "食事療養・生活療養 合計金額",
    "職務上の事由",
    "証明書番号",
    "負担金額 医療保険",
    "減免区分",
    "減額割合",
    "減額金額",
];

pub const KO: [&str; 12] = [
    "レコード識別情報",
    "負担者番号",
    "受給者番号",
    "任意給付区分",
    "診療実日数",
    "合計点数",
    "負担金額 公費",
    "公費給付対象外来一部負担金",
    "公費給付対象入院一部負担金",
    "予備",
    "食事療養・生活療養 回数",
    "食事療養・生活療養 合計金額",
];

pub const SN: [&str; 9] = [
    "レコード識別情報",
    "負担者種別",
    "確認区分",
    "保険者番号等（資格確認）",
    "被保険者証（手帳）等の記号（資格確認）",
    "被保険者証（手帳）等の番号（資格確認）",
    "枝番",
    "受給者番号",
    "予備",
];

const fn day_names<const N: usize>(
    head: [&'static str; N],
    label: &'static [&'static str; 31],
) -> [&'static str; 64] {
    let mut out = [""; 64];
    let mut i = 0;
    while i < N {
        out[i] = head[i];
        i += 1;
    }
    let mut d = 0;
    while d < 31 {
        out[N + d] = label[d];
        d += 1;
    }
    out
}

const DAY_INFO: [&str; 31] = [
    "1日の情報",
    "2日の情報",
    "3日の情報",
    "4日の情報",
    "5日の情報",
    "6日の情報",
    "7日の情報",
    "8日の情報",
    "9日の情報",
    "10日の情報",
    "11日の情報",
    "12日の情報",
    "13日の情報",
    "14日の情報",
    "15日の情報",
    "16日の情報",
    "17日の情報",
    "18日の情報",
    "19日の情報",
    "20日の情報",
    "21日の情報",
    "22日の情報",
    "23日の情報",
    "24日の情報",
    "25日の情報",
    "26日の情報",
    "27日の情報",
    "28日の情報",
    "29日の情報",
    "30日の情報",
    "31日の情報",
];

const YOBI: [&str; 31] = [
    "予備1", "予備2", "予備3", "予備4", "予備5", "予備6", "予備7", "予備8", "予備9", "予備10",
    "予備11", "予備12", "予備13", "予備14", "予備15", "予備16", "予備17", "予備18", "予備19",
    "予備20", "予備21", "予備22", "予備23", "予備24", "予備25", "予備26", "予備27", "予備28",
    "予備29", "予備30", "予備31",
];

const SANTEIBI: [&str; 31] = [
    "算定日情報 1日",
    "算定日情報 2日",
    "算定日情報 3日",
    "算定日情報 4日",
    "算定日情報 5日",
    "算定日情報 6日",
    "算定日情報 7日",
    "算定日情報 8日",
    "算定日情報 9日",
    "算定日情報 10日",
    "算定日情報 11日",
    "算定日情報 12日",
    "算定日情報 13日",
    "算定日情報 14日",
    "算定日情報 15日",
    "算定日情報 16日",
    "算定日情報 17日",
    "算定日情報 18日",
    "算定日情報 19日",
    "算定日情報 20日",
    "算定日情報 21日",
    "算定日情報 22日",
    "算定日情報 23日",
    "算定日情報 24日",
    "算定日情報 25日",
    "算定日情報 26日",
    "算定日情報 27日",
    "算定日情報 28日",
    "算定日情報 29日",
    "算定日情報 30日",
    "算定日情報 31日",
];

/// JD: 33 fields.
pub const JD: [&str; 64] = day_names(["レコード識別情報", "負担者種別"], &DAY_INFO);
pub const JD_LEN: usize = 33;
/// MF: 33 fields.
pub const MF: [&str; 64] = day_names(["レコード識別情報", "窓口負担額区分"], &YOBI);
pub const MF_LEN: usize = 33;

pub const GR: [&str; 3] = ["レコード識別情報", "医科点数表算定理由", "ＤＰＣコード"];

pub const SY: [&str; 8] = [
    "レコード識別情報",
    "傷病名コード",
    "診療開始日",
    "転帰区分",
    "修飾語コード",
    "傷病名称",
    "主傷病",
    "補足コメント",
];

const SI_HEAD: [&str; 13] = [
    "レコード識別情報",
    "診療識別",
    "負担区分",
    "診療行為コード",
    "数量データ",
    "点数",
    "回数",
    "コメント① コメントコード",
    "コメント① 文字データ",
    "コメント② コメントコード",
    "コメント② 文字データ",
    "コメント③ コメントコード",
    "コメント③ 文字データ",
];
/// SI: 44 fields.
pub const SI: [&str; 64] = day_names(SI_HEAD, &SANTEIBI);
pub const SI_LEN: usize = 44;

const IY_HEAD: [&str; 13] = [
    "レコード識別情報",
    "診療識別",
    "負担区分",
    "医薬品コード",
    "使用量",
    "点数",
    "回数",
    "コメント① コメントコード",
    "コメント① 文字データ",
    "コメント② コメントコード",
    "コメント② 文字データ",
    "コメント③ コメントコード",
    "コメント③ 文字データ",
];
/// IY: 44 fields.
pub const IY: [&str; 64] = day_names(IY_HEAD, &SANTEIBI);
pub const IY_LEN: usize = 44;

const TO_HEAD: [&str; 17] = [
    "レコード識別情報",
    "診療識別",
    "負担区分",
    "特定器材コード",
    "使用量",
    "点数",
    "回数",
    "単位コード",
    "単価",
    "予備",
    "商品名及び規格又はサイズ",
    "コメント① コメントコード",
    "コメント① 文字データ",
    "コメント② コメントコード",
    "コメント② 文字データ",
    "コメント③ コメントコード",
    "コメント③ 文字データ",
];
/// TO: 48 fields.
pub const TO: [&str; 64] = day_names(TO_HEAD, &SANTEIBI);
pub const TO_LEN: usize = 48;

pub const CO: [&str; 5] = [
    "レコード識別情報",
    "診療識別",
    "負担区分",
    "コメントコード",
    "文字データ",
];

pub const SJ: [&str; 3] = ["レコード識別情報", "症状詳記区分", "症状詳記データ"];

pub const GO: [&str; 4] = [
    "レコード識別情報",
    "総件数",
    "総合計点数",
    "マルチボリューム識別情報",
];

/// Which characters a code field may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Chars {
    /// 数字: ASCII digits.
    Digits,
    /// 英数: printable ASCII.
    Alnum,
    /// 保険者番号 / 負担者番号 (英数8 固定): digits, right-aligned with leading spaces.
    PaddedDigits,
}

/// A code of `len` characters (exactly when `fixed`, at most otherwise), optionally made of
/// `unit`-sized codes (病棟区分 2, 特記事項 2, 修飾語 4, 患者の状態 3). Err = what is wrong.
pub fn check_code(
    v: &str,
    len: usize,
    fixed: bool,
    chars: Chars,
    unit: usize,
) -> Result<(), String> {
    let ok_chars = match chars {
        Chars::Digits => v.bytes().all(|b| b.is_ascii_digit()),
        Chars::Alnum => v.bytes().all(|b| b.is_ascii_graphic() || b == b' '),
        Chars::PaddedDigits => {
            let t = v.trim_start_matches(' ');
            !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
        }
    };
    let what = match chars {
        Chars::Digits => "digits",
        Chars::Alnum => "ASCII letters or digits",
        Chars::PaddedDigits => "digits (leading spaces allowed)",
    };
    let ok_len = if fixed {
        v.len() == len
    } else {
        v.len() <= len
    };
    if !ok_chars || !ok_len {
        let n = if fixed { "" } else { "at most " };
        return Err(format!("expected {n}{len} {what}, found {v:?}"));
    }
    if unit > 1 && v.len() / unit * unit != v.len() {
        return Err(format!(
            "expected codes of {unit} characters each (a multiple of {unit}), found {v:?}"
        ));
    }
    Ok(())
}

/// A text field may not hold what would break the line: comma, quote, control characters.
pub fn check_text(v: &str) -> Result<(), String> {
    match v.chars().find(|&c| c == ',' || c == '"' || c.is_control()) {
        None => Ok(()),
        Some(c) => Err(format!(
            "{} is not allowed in a field (記録条件仕様: comma separates fields, quotes are not used)",
            describe(c)
        )),
    }
}

pub fn describe(c: char) -> String {
    match c {
        ',' => "a comma".into(),
        '"' => "a double quote".into(),
        c => format!("the control character U+{:04X}", c as u32),
    }
}
