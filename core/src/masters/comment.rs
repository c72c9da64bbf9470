//! コメントマスター (c): レセプト記載のコメント, with where embedded numbers go.
//! Columns: マスターファイル仕様説明書 コメントマスター 項番 1–30.

use super::csvfile::Row;
use crate::error::Result;

pub const COLUMNS: &[usize] = &[30];

/// レセプト編集情報 (columns 10–17): where a number is embedded in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditField {
    pub column: u32,
    pub digits: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentRow {
    /// 23 コメントコード (区分 8 + パターン 2 + 一連番号 6)
    pub code: String,
    /// 4 パターン (10 自由記載, 20 定型文, 30 定型+自由文, 31 診療行為名称, 40 数字埋込, 42 数値,
    /// 50 和暦日付, 51 時刻, 52 分, 53 日時分, 80 日付+検査値, 90 修飾語)
    pub pattern: u32,
    /// 5 一連番号
    pub serial: u32,
    /// 7 漢字名称
    pub name: String,
    /// 9 カナ名称
    pub kana: String,
    /// 10–17 レセプト編集情報 ①–④ (column 0 = unused)
    pub edits: Vec<EditField>,
    /// 20 選択式コメント識別
    pub selectable: u32,
    /// 21 変更年月日, 22 廃止年月日
    pub changed: u32,
    pub abolished: u32,
}

fn parse_row(row: &Row<'_>) -> Result<CommentRow> {
    let code = row.digits(23, "コメントコード", 9)?;
    let (kubun, pattern, serial) = (
        row.text(3),
        row.number(4, "パターン")?,
        row.number(5, "一連番号")?,
    );
    if code != format!("{kubun}{pattern:02}{serial:06}") {
        return Err(row.error(
            23,
            "コメントコード",
            format!("{code} is not 区分 {kubun} + パターン {pattern:02} + 一連番号 {serial:06}"),
        ));
    }
    let mut edits = Vec::new();
    for i in 0..4 {
        let column = row.number(10 + i * 2, "レセプト編集情報 カラム位置")?;
        let digits = row.number(11 + i * 2, "レセプト編集情報 桁数")?;
        if column != 0 {
            edits.push(EditField { column, digits });
        }
    }
    Ok(CommentRow {
        code,
        pattern,
        serial,
        name: row.text(7).to_string(),
        kana: row.text(9).to_string(),
        edits,
        selectable: row.number(20, "選択式コメント識別")?,
        changed: row.date(21, "変更年月日")?,
        abolished: row.date(22, "廃止年月日")?,
    })
}

crate::master_row!(
    CommentRow,
    "C",
    COLUMNS,
    "コメントコード",
    "コメントマスター",
    key = comment_key
);

/// コメントコード from 区分 (3), パターン (4) and 一連番号 (5): 差分 rows leave column 23 empty.
pub fn comment_key(row: &Row<'_>) -> String {
    format!(
        "{}{:0>2}{:0>6}",
        row.text(3).trim(),
        row.text(4).trim(),
        row.text(5).trim()
    )
}
