//! Writing a RECEIPTC.UKE file: CP932, CRLF after every record, fields in the spec's order, and
//! the EOF code 0x1A at the end when [`UkeFile::eof_mark`] is set (the spec requires it; a file
//! read without it is written back without it, so read → write gives the same bytes).
//!
//! The values are checked as they are written (the records are plain data and may come from JSON):
//! a field that would break the file — a comma, quote or control character in a text, a character
//! CP932 cannot encode, a number wider than its field, a malformed code — is an error naming the
//! output line, the record and the field.

use super::fields::{self as f, check_code, check_text, Chars};
use super::records::*;
use super::values::{Date, MasterCode, ShinryoShikibetsu, UkeDecimal, YearMonth};
use crate::error::{Error, ErrorCode, Result};

/// Writes the file's exact bytes.
pub fn write_uke(file: &UkeFile) -> Result<Vec<u8>> {
    let lines: usize = 2 + file
        .receipts
        .iter()
        .map(|r| 1 + r.records.len())
        .sum::<usize>();
    let mut o = Out {
        buf: Vec::with_capacity(lines * 80),
        line: 0,
        kind: "",
        names: &[],
    };
    write_ir(&mut o, &file.ir)?;
    for r in &file.receipts {
        write_re(&mut o, &r.re)?;
        for rec in &r.records {
            match rec {
                Record::Ho(x) => write_ho(&mut o, x)?,
                Record::Ko(x) => write_ko(&mut o, x)?,
                Record::Sn(x) => write_sn(&mut o, x)?,
                Record::Jd(x) => write_jd(&mut o, x)?,
                Record::Mf(x) => write_mf(&mut o, x)?,
                Record::Gr(x) => write_gr(&mut o, x)?,
                Record::Sy(x) => write_sy(&mut o, x)?,
                Record::Si(x) => write_si(&mut o, x)?,
                Record::Iy(x) => write_iy(&mut o, x)?,
                Record::To(x) => write_to(&mut o, x)?,
                Record::Co(x) => write_co(&mut o, x)?,
                Record::Sj(x) => write_sj(&mut o, x)?,
                Record::Other(x) => write_other(&mut o, x)?,
            }
        }
    }
    write_go(&mut o, &file.go)?;
    if file.eof_mark {
        o.buf.push(0x1A);
    }
    Ok(o.buf)
}

struct Out {
    buf: Vec<u8>,
    line: usize,
    kind: &'static str,
    names: &'static [&'static str],
}

impl Out {
    fn begin(&mut self, kind: &'static str, names: &'static [&'static str]) {
        self.line += 1;
        self.kind = kind;
        self.names = names;
        self.buf.extend_from_slice(kind.as_bytes());
    }

    fn end(&mut self) {
        self.buf.extend_from_slice(b"\r\n");
    }

    fn err(&self, pos: usize, message: impl std::fmt::Display) -> Error {
        let name = self.names.get(pos - 1).copied().unwrap_or("");
        Error::new(
            ErrorCode::InvalidRequest,
            format!(
                "UKE line {}: {} field {pos} ({name}): {message}",
                self.line, self.kind
            ),
        )
    }

    fn empty(&mut self) {
        self.buf.push(b',');
    }

    fn empties(&mut self, n: usize) {
        self.buf.extend(std::iter::repeat_n(b',', n));
    }

    fn text(&mut self, pos: usize, v: &str) -> Result<()> {
        self.buf.push(b',');
        if v.is_empty() {
            return Ok(());
        }
        check_text(v).map_err(|m| self.err(pos, m))?;
        if v.is_ascii() {
            self.buf.extend_from_slice(v.as_bytes());
            return Ok(());
        }
        let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(v);
        if unmappable {
            let c = v
                .chars()
                .find(|c| {
                    let mut b = [0u8; 4];
                    encoding_rs::SHIFT_JIS.encode(c.encode_utf8(&mut b)).2
                })
                .unwrap_or('?');
            return Err(self.err(
                pos,
                format!(
                    "{c:?} (U+{:04X}) cannot be written in CP932 (Shift_JIS)",
                    c as u32
                ),
            ));
        }
        self.buf.extend_from_slice(&bytes);
        Ok(())
    }

    fn opt_text(&mut self, pos: usize, v: &Option<String>) -> Result<()> {
        self.text(pos, v.as_deref().unwrap_or(""))
    }

    fn code(&mut self, pos: usize, v: &str, len: usize, fixed: bool, chars: Chars) -> Result<()> {
        check_code(v, len, fixed, chars, 1).map_err(|m| self.err(pos, m))?;
        self.buf.push(b',');
        self.buf.extend_from_slice(v.as_bytes());
        Ok(())
    }

    fn opt_code(
        &mut self,
        pos: usize,
        v: &Option<String>,
        len: usize,
        fixed: bool,
        chars: Chars,
    ) -> Result<()> {
        match v {
            Some(v) if !v.is_empty() => self.code(pos, v, len, fixed, chars),
            _ => {
                self.empty();
                Ok(())
            }
        }
    }

    /// Codes of `unit` characters written one after another (at most `max` characters).
    fn units(
        &mut self,
        pos: usize,
        v: &[String],
        max: usize,
        chars: Chars,
        unit: usize,
    ) -> Result<()> {
        self.buf.push(b',');
        let start = self.buf.len();
        for u in v {
            if u.len() != unit {
                return Err(self.err(
                    pos,
                    format!("each code must have {unit} characters, found {u:?}"),
                ));
            }
            check_code(u, unit, true, chars, 1).map_err(|m| self.err(pos, m))?;
            self.buf.extend_from_slice(u.as_bytes());
        }
        if self.buf.len() - start > max {
            return Err(self.err(
                pos,
                format!("at most {} codes of {unit} characters", max / unit),
            ));
        }
        Ok(())
    }

    fn num(&mut self, pos: usize, v: u64, digits: usize) -> Result<()> {
        self.buf.push(b',');
        let mut tmp = [0u8; 20];
        let s = format_u64(v, &mut tmp);
        if s.len() > digits {
            return Err(self.err(pos, format!("{v} has more than {digits} digits")));
        }
        self.buf.extend_from_slice(s);
        Ok(())
    }

    fn opt_num(&mut self, pos: usize, v: Option<u64>, digits: usize) -> Result<()> {
        match v {
            Some(v) => self.num(pos, v, digits),
            None => {
                self.empty();
                Ok(())
            }
        }
    }

    /// A one-digit code out of `allowed`.
    fn small(&mut self, pos: usize, v: u8, allowed: &[u8]) -> Result<()> {
        if !allowed.contains(&v) {
            return Err(self.err(pos, format!("unknown code {v}")));
        }
        self.buf.push(b',');
        self.buf.push(b'0' + v);
        Ok(())
    }

    /// `v` zero-padded to `width` digits (固定 numbers, dates, master codes).
    fn padded(&mut self, v: u64, width: usize) {
        self.buf.push(b',');
        let mut tmp = [0u8; 20];
        let s = format_u64(v, &mut tmp);
        self.buf
            .extend(std::iter::repeat_n(b'0', width.saturating_sub(s.len())));
        self.buf.extend_from_slice(s);
    }

    fn ym(&mut self, v: YearMonth) {
        self.padded(u64::from(v.yyyymm()), 6);
    }

    fn date(&mut self, v: Date) {
        self.padded(u64::from(v.yyyymmdd()), 8);
    }

    fn opt_date(&mut self, v: Option<Date>) {
        match v {
            Some(d) => self.date(d),
            None => self.empty(),
        }
    }

    fn master(&mut self, v: MasterCode) {
        self.padded(u64::from(v.value()), 9);
    }

    fn shikibetsu(&mut self, v: Option<ShinryoShikibetsu>) {
        match v {
            Some(s) => self.padded(u64::from(s.code()), 2),
            None => self.empty(),
        }
    }

    fn decimal(
        &mut self,
        pos: usize,
        v: Option<UkeDecimal>,
        int: usize,
        frac: usize,
    ) -> Result<()> {
        let Some(d) = v else {
            self.empty();
            return Ok(());
        };
        if d.int_digits() > int || usize::from(d.scale()) > frac {
            return Err(self.err(
                pos,
                format!("{d} has more than {int} integer or {frac} fraction digits"),
            ));
        }
        self.buf.push(b',');
        let p = 10u64.pow(u32::from(d.scale()));
        let mut tmp = [0u8; 20];
        self.buf
            .extend_from_slice(format_u64(d.mantissa() / p, &mut tmp));
        if d.scale() > 0 {
            self.buf.push(b'.');
            let frac_digits = format_u64(d.mantissa() % p, &mut tmp);
            self.buf.extend(std::iter::repeat_n(
                b'0',
                usize::from(d.scale()).saturating_sub(frac_digits.len()),
            ));
            self.buf.extend_from_slice(frac_digits);
        }
        Ok(())
    }

    fn comments(&mut self, first: usize, v: &[Comment]) -> Result<()> {
        if v.len() > 3 {
            return Err(self.err(first, format!("at most 3 コメント, found {}", v.len())));
        }
        for (k, c) in v.iter().enumerate() {
            self.master(c.code);
            self.opt_text(first + 2 * k + 1, &c.text)?;
        }
        self.empties(2 * (3 - v.len()));
        Ok(())
    }

    fn days(&mut self, first: usize, v: &[u16; 31]) -> Result<()> {
        for (d, &n) in v.iter().enumerate() {
            if n == 0 {
                self.empty();
            } else {
                self.num(first + d, u64::from(n), 3)?;
            }
        }
        Ok(())
    }
}

/// Decimal digits of `v` (no allocation).
fn format_u64(mut v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &buf[i..]
}

fn write_ir(o: &mut Out, r: &Ir) -> Result<()> {
    o.begin("IR", &f::IR);
    o.small(2, r.shinsa_shiharai_kikan, &[1, 2])?;
    o.code(3, &r.todofuken, 2, true, Chars::Digits)?;
    o.small(4, r.tensuhyo, &[1])?;
    o.code(5, &r.iryokikan_code, 7, true, Chars::Digits)?;
    o.empty();
    o.opt_text(7, &r.iryokikan_name)?;
    o.ym(r.seikyu_ym);
    o.code(9, &r.multi_volume, 2, true, Chars::Digits)?;
    o.opt_code(10, &r.phone, 15, false, Chars::Alnum)?;
    o.end();
    Ok(())
}

fn write_re(o: &mut Out, r: &Re) -> Result<()> {
    o.begin("RE", &f::RE);
    o.num(2, u64::from(r.receipt_no), 6)?;
    if !(1000..=9999).contains(&r.receipt_type) {
        return Err(o.err(3, format!("expected 4 digits, found {}", r.receipt_type)));
    }
    o.num(3, u64::from(r.receipt_type), 4)?;
    o.ym(r.shinryo_ym);
    o.text(5, &r.name)?;
    o.small(6, r.sex, &[1, 2])?;
    o.date(r.birth_date);
    o.opt_num(8, r.kyufu_wariai.map(u64::from), 3)?;
    o.opt_date(r.admission_date);
    o.units(10, &r.byoto, 8, Chars::Alnum, 2)?;
    o.opt_num(11, r.futan_kubun.map(u64::from), 1)?;
    o.units(12, &r.tokki, 10, Chars::Alnum, 2)?;
    o.opt_num(13, r.beds.map(u64::from), 4)?;
    o.opt_code(14, &r.karte_no, 20, false, Chars::Alnum)?;
    o.opt_num(15, r.discount_unit_price.map(u64::from), 2)?;
    o.empties(3);
    o.opt_code(19, &r.search_no, 30, false, Chars::Digits)?;
    o.empty();
    o.opt_text(21, &r.seikyu_info)?;
    if r.shinryoka.len() > 3 {
        return Err(o.err(22, format!("at most 3 診療科, found {}", r.shinryoka.len())));
    }
    let none = Shinryoka::default();
    for k in 0..3 {
        let d = r.shinryoka.get(k).unwrap_or(&none);
        let p = 22 + 5 * k;
        o.opt_code(p, &d.name, 2, false, Chars::Digits)?;
        o.opt_code(p + 1, &d.body_part, 3, false, Chars::Digits)?;
        o.opt_code(p + 2, &d.sex, 3, false, Chars::Digits)?;
        o.opt_code(p + 3, &d.treatment, 3, false, Chars::Digits)?;
        o.opt_code(p + 4, &d.disease, 3, false, Chars::Digits)?;
    }
    o.opt_text(37, &r.kana_name)?;
    o.units(38, &r.patient_state, 60, Chars::Digits, 3)?;
    o.end();
    Ok(())
}

fn write_ho(o: &mut Out, r: &Ho) -> Result<()> {
    o.begin("HO", &f::HO);
    o.code(2, &r.hokensha_no, 8, true, Chars::PaddedDigits)?;
    o.opt_text(3, &r.kigo)?;
    o.opt_text(4, &r.bango)?;
    o.num(5, u64::from(r.jitsunissu), 2)?;
    o.num(6, u64::from(r.total_points), 8)?;
    o.empty();
    o.opt_num(8, r.meal_count.map(u64::from), 2)?;
    o.opt_num(9, r.meal_yen.map(u64::from), 8)?;
    o.opt_num(10, r.shokumu_jiyu.map(u64::from), 1)?;
    o.opt_code(11, &r.certificate_no, 3, false, Chars::Digits)?;
    o.opt_num(12, r.futan_yen.map(u64::from), 9)?;
    o.opt_num(13, r.genmen_kubun.map(u64::from), 1)?;
    o.opt_num(14, r.gengaku_wariai.map(u64::from), 3)?;
    o.opt_num(15, r.gengaku_yen.map(u64::from), 6)?;
    o.end();
    Ok(())
}

fn write_ko(o: &mut Out, r: &Ko) -> Result<()> {
    o.begin("KO", &f::KO);
    o.code(2, &r.futansha_no, 8, true, Chars::PaddedDigits)?;
    o.opt_code(3, &r.jukyusha_no, 7, false, Chars::Digits)?;
    o.opt_num(4, r.nini_kyufu.map(u64::from), 1)?;
    o.num(5, u64::from(r.jitsunissu), 2)?;
    o.num(6, u64::from(r.total_points), 8)?;
    o.opt_num(7, r.futan_yen.map(u64::from), 8)?;
    o.opt_num(8, r.gairai_futan_yen.map(u64::from), 6)?;
    o.opt_num(9, r.nyuin_futan_yen.map(u64::from), 6)?;
    o.empty();
    o.opt_num(11, r.meal_count.map(u64::from), 2)?;
    o.opt_num(12, r.meal_yen.map(u64::from), 8)?;
    o.end();
    Ok(())
}

fn write_sn(o: &mut Out, r: &Sn) -> Result<()> {
    o.begin("SN", &f::SN);
    o.small(2, r.futansha_shubetsu, &[1, 2, 3, 4, 5])?;
    o.opt_code(3, &r.kakunin_kubun, 2, true, Chars::Digits)?;
    o.opt_code(4, &r.hokensha_no, 8, false, Chars::Alnum)?;
    o.opt_text(5, &r.kigo)?;
    o.opt_text(6, &r.bango)?;
    o.opt_code(7, &r.edaban, 2, false, Chars::Alnum)?;
    o.opt_code(8, &r.jukyusha_no, 7, false, Chars::Digits)?;
    o.empty();
    o.end();
    Ok(())
}

fn write_jd(o: &mut Out, r: &Jd) -> Result<()> {
    o.begin("JD", &f::JD[..f::JD_LEN]);
    o.small(2, r.futansha_shubetsu, &[1, 2, 3, 4, 5])?;
    for (d, &v) in r.days.iter().enumerate() {
        if v == 0 {
            o.empty();
        } else {
            o.small(3 + d, v, &[1, 2, 9])?;
        }
    }
    o.end();
    Ok(())
}

fn write_mf(o: &mut Out, r: &Mf) -> Result<()> {
    o.begin("MF", &f::MF[..f::MF_LEN]);
    o.code(2, &r.madoguchi_kubun, 2, true, Chars::Digits)?;
    o.empties(31);
    o.end();
    Ok(())
}

fn write_gr(o: &mut Out, r: &Gr) -> Result<()> {
    o.begin("GR", &f::GR);
    o.code(2, &r.santei_riyu, 2, true, Chars::Digits)?;
    o.opt_code(3, &r.dpc_code, 14, false, Chars::Alnum)?;
    o.end();
    Ok(())
}

fn write_sy(o: &mut Out, r: &Sy) -> Result<()> {
    o.begin("SY", &f::SY);
    o.code(2, &r.code, 7, true, Chars::Digits)?;
    o.date(r.start_date);
    o.small(4, r.tenki, &[1, 2, 3, 4])?;
    o.units(5, &r.modifiers, 80, Chars::Alnum, 4)?;
    o.opt_text(6, &r.name)?;
    o.opt_code(7, &r.main, 2, false, Chars::Digits)?;
    o.opt_text(8, &r.comment)?;
    o.end();
    Ok(())
}

fn write_si(o: &mut Out, r: &Si) -> Result<()> {
    o.begin("SI", &f::SI[..f::SI_LEN]);
    o.shikibetsu(r.shikibetsu);
    o.buf.extend_from_slice(&[b',', r.futan.code() as u8]);
    o.master(r.code);
    o.opt_num(5, r.quantity.map(u64::from), 8)?;
    o.opt_num(6, r.points.map(u64::from), 7)?;
    o.num(7, u64::from(r.count), 3)?;
    o.comments(8, &r.comments)?;
    o.days(14, &r.days)?;
    o.end();
    Ok(())
}

fn write_iy(o: &mut Out, r: &Iy) -> Result<()> {
    o.begin("IY", &f::IY[..f::IY_LEN]);
    o.shikibetsu(r.shikibetsu);
    o.buf.extend_from_slice(&[b',', r.futan.code() as u8]);
    o.master(r.code);
    o.decimal(5, r.amount, 5, 5)?;
    o.opt_num(6, r.points.map(u64::from), 7)?;
    o.num(7, u64::from(r.count), 3)?;
    o.comments(8, &r.comments)?;
    o.days(14, &r.days)?;
    o.end();
    Ok(())
}

fn write_to(o: &mut Out, r: &To) -> Result<()> {
    o.begin("TO", &f::TO[..f::TO_LEN]);
    o.shikibetsu(r.shikibetsu);
    o.buf.extend_from_slice(&[b',', r.futan.code() as u8]);
    o.master(r.code);
    o.decimal(5, r.amount, 5, 3)?;
    o.opt_num(6, r.points.map(u64::from), 7)?;
    o.num(7, u64::from(r.count), 3)?;
    o.opt_code(8, &r.unit_code, 3, false, Chars::Digits)?;
    o.decimal(9, r.unit_price, 8, 2)?;
    o.empty();
    o.opt_text(11, &r.product_name)?;
    o.comments(12, &r.comments)?;
    o.days(18, &r.days)?;
    o.end();
    Ok(())
}

fn write_co(o: &mut Out, r: &Co) -> Result<()> {
    o.begin("CO", &f::CO);
    o.shikibetsu(r.shikibetsu);
    o.buf.extend_from_slice(&[b',', r.futan.code() as u8]);
    o.master(r.code);
    o.opt_text(5, &r.text)?;
    o.end();
    Ok(())
}

fn write_sj(o: &mut Out, r: &Sj) -> Result<()> {
    o.begin("SJ", &f::SJ);
    o.opt_code(2, &r.kubun, 2, false, Chars::Digits)?;
    o.opt_text(3, &r.text)?;
    o.end();
    Ok(())
}

fn write_other(o: &mut Out, r: &OtherRecord) -> Result<()> {
    o.line += 1;
    o.kind = "";
    o.names = &[];
    let kind = r.fields.first().map_or("", |s| s.as_str());
    if kind.len() != 2 || !kind.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(o.err(
            1,
            format!("expected a record identifier (two capital letters), found {kind:?}"),
        ));
    }
    o.buf.extend_from_slice(kind.as_bytes());
    for (i, v) in r.fields.iter().enumerate().skip(1) {
        o.text(i + 1, v)?;
    }
    o.end();
    Ok(())
}

fn write_go(o: &mut Out, r: &Go) -> Result<()> {
    o.begin("GO", &f::GO);
    o.opt_num(2, r.total_receipts.map(u64::from), 6)?;
    o.opt_num(3, r.total_points, 10)?;
    o.code(4, &r.multi_volume, 2, true, Chars::Digits)?;
    o.end();
    Ok(())
}
