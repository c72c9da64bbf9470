//! Canonical JSON written straight from `Serialize`: compact, object keys sorted (byte order), the
//! same bytes as going through `serde_json::Value` (whose maps are sorted) but without building
//! the tree. Leaves are written by serde_json itself; an object's values are written in field
//! order, then the object is laid out again by key.

use serde::ser::{self, Serialize};
use std::borrow::Cow;

type Error = serde_json::Error;

/// `value` as canonical JSON.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(256);
    value.serialize(Canonical { out: &mut out })?;
    Ok(out)
}

struct Canonical<'a> {
    out: &'a mut Vec<u8>,
}

impl Canonical<'_> {
    fn leaf<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, v)
    }
}

/// An object being written: its entries' values sit at the end of `out` from `start`.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    start: usize,
    /// key, and where its value's bytes are
    entries: Vec<(Cow<'static, str>, usize, usize)>,
    /// a map's key waiting for its value
    key: Option<String>,
    /// `{"variant":` written before the object: close it too
    variant: bool,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut Vec<u8>, len: usize, variant: Option<&'static str>) -> Result<Self, Error> {
        if let Some(name) = variant {
            out.push(b'{');
            serde_json::to_writer(&mut *out, name)?;
            out.push(b':');
        }
        Ok(Object {
            start: out.len(),
            out,
            entries: Vec::with_capacity(len),
            key: None,
            variant: variant.is_some(),
        })
    }

    fn value<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Error> {
        let from = self.out.len();
        value.serialize(Canonical {
            out: &mut *self.out,
        })?;
        self.entries.push((key, from, self.out.len()));
        Ok(())
    }

    fn finish(mut self) -> Result<(), Error> {
        let values = self.out.split_off(self.start);
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        let out = &mut *self.out;
        out.push(b'{');
        for (i, (key, from, to)) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut *out, key.as_ref())?;
            out.push(b':');
            let bytes = values
                .get(from - self.start..to - self.start)
                .unwrap_or_default();
            out.extend_from_slice(bytes);
        }
        out.push(b'}');
        if self.variant {
            out.push(b'}');
        }
        Ok(())
    }
}

/// An array being written.
struct Array<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    /// `{"variant":` written before the array: close it too
    variant: bool,
}

impl<'a> Array<'a> {
    fn new(out: &'a mut Vec<u8>, variant: Option<&'static str>) -> Result<Self, Error> {
        if let Some(name) = variant {
            out.push(b'{');
            serde_json::to_writer(&mut *out, name)?;
            out.push(b':');
        }
        out.push(b'[');
        Ok(Array {
            out,
            first: true,
            variant: variant.is_some(),
        })
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        value.serialize(Canonical {
            out: &mut *self.out,
        })
    }

    fn finish(self) -> Result<(), Error> {
        self.out.push(b']');
        if self.variant {
            self.out.push(b'}');
        }
        Ok(())
    }
}

/// A map key as `serde_json::Value` would have it: a string, or a number or bool as text.
fn key_text<T: Serialize + ?Sized>(key: &T) -> Result<String, Error> {
    match serde_json::to_value(key)? {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        _ => Err(ser::Error::custom("key must be a string")),
    }
}

impl<'a> ser::Serializer for Canonical<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // as Value holds it: widened to f64
        self.leaf(&f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.leaf(&v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.leaf(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.leaf(v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.leaf(&())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.leaf(&())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.leaf(&())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.leaf(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut o = Object::new(self.out, 1, None)?;
        o.value(Cow::Borrowed(variant), value)?;
        o.finish()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Array<'a>, Error> {
        Array::new(self.out, None)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Array<'a>, Error> {
        Array::new(self.out, None)
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Array<'a>, Error> {
        Array::new(self.out, None)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Array<'a>, Error> {
        Array::new(self.out, Some(variant))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Object<'a>, Error> {
        Object::new(self.out, len.unwrap_or(0), None)
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Object<'a>, Error> {
        Object::new(self.out, len, None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Object<'a>, Error> {
        Object::new(self.out, len, Some(variant))
    }
}

macro_rules! array {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for Array<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    };
}
array!(SerializeSeq, serialize_element);
array!(SerializeTuple, serialize_element);
array!(SerializeTupleStruct, serialize_field);
array!(SerializeTupleVariant, serialize_field);

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key_text(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| ser::Error::custom("a map value without its key"))?;
        self.value(Cow::Owned(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish_map()
    }
}

impl Object<'_> {
    /// A map may repeat a key (e.g. flattened fields): like `Value`, the last one wins.
    fn finish_map(mut self) -> Result<(), Error> {
        let mut seen = std::collections::BTreeMap::new();
        for (i, (key, _, _)) in self.entries.iter().enumerate() {
            seen.insert(key.clone(), i);
        }
        if seen.len() < self.entries.len() {
            let keep: Vec<_> = seen.into_values().collect();
            let mut i = 0;
            self.entries.retain(|_| {
                i += 1;
                keep.contains(&(i - 1))
            });
        }
        self.finish()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.value(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.value(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::{BTreeMap, HashMap};

    fn via_value<T: Serialize>(v: &T) -> Vec<u8> {
        serde_json::to_vec(&serde_json::to_value(v).unwrap()).unwrap()
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        zeta: Option<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        alpha: Option<f64>,
        text: String,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    enum Kind {
        Unit,
        New(i64),
        Tuple(u8, bool),
        Struct { z: u8, a: u8 },
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        z_list: Vec<Inner>,
        a_map: HashMap<String, i64>,
        m_num_keys: BTreeMap<u32, &'static str>,
        kinds: Vec<Kind>,
        tuple: (i8, f32, char),
        empty: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        #[serde(flatten)]
        extra: BTreeMap<String, String>,
    }

    #[test]
    fn same_bytes_as_through_value() {
        let v = Outer {
            z_list: vec![
                Inner {
                    zeta: None,
                    alpha: Some(1.5),
                    text: "é \"q\" \n\u{1}".into(),
                },
                Inner {
                    zeta: Some(3),
                    alpha: Some(f64::NAN),
                    text: String::new(),
                },
            ],
            a_map: [
                ("b".to_string(), -1),
                ("a".to_string(), 2),
                ("ab".to_string(), 3),
            ]
            .into_iter()
            .collect(),
            m_num_keys: [(10, "ten"), (9, "nine")].into_iter().collect(),
            kinds: vec![
                Kind::Unit,
                Kind::New(-7),
                Kind::Tuple(1, true),
                Kind::Struct { z: 1, a: 2 },
            ],
            tuple: (-1, 0.1, 'x'),
            empty: vec![],
            empty_map: BTreeMap::new(),
            extra: [("aaa".to_string(), "x".to_string())].into_iter().collect(),
        };
        assert_eq!(
            String::from_utf8(to_vec(&v).unwrap()).unwrap(),
            String::from_utf8(via_value(&v)).unwrap()
        );
    }
}
