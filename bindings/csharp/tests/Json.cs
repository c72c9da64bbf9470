// A small, strict JSON parser (RFC 8259) and the canonical writer of tests/README.md, for the
// golden runner only (mono has no System.Text.Json).
//
// Values: null -> JsonNull.Value, true/false -> bool, string -> string, number -> JsonNumber
// (its text kept as written), array -> List<object>, object -> JsonObject (members in input order;
// duplicate keys are refused).
//
// Canonical form: compact, object keys sorted by code point, arrays in order, numbers as written,
// strings escaped like JSON.stringify / serde_json (\" \\ \b \f \n \r \t, other controls as \u00xx
// lowercase, everything else raw), UTF-8, no trailing newline.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Santei.Tests
{
    public sealed class JsonNull
    {
        public static readonly JsonNull Value = new JsonNull();

        private JsonNull()
        {
        }
    }

    public sealed class JsonNumber
    {
        public JsonNumber(string text)
        {
            Text = text;
        }

        /// <summary>The number exactly as written in the input.</summary>
        public string Text { get; private set; }
    }

    public sealed class JsonObject
    {
        private readonly List<KeyValuePair<string, object>> members = new List<KeyValuePair<string, object>>();
        private readonly Dictionary<string, object> byKey = new Dictionary<string, object>(StringComparer.Ordinal);

        public IList<KeyValuePair<string, object>> Members { get { return members.AsReadOnly(); } }

        public bool Add(string key, object value)
        {
            if (byKey.ContainsKey(key))
            {
                return false;
            }
            byKey.Add(key, value);
            members.Add(new KeyValuePair<string, object>(key, value));
            return true;
        }

        public bool Has(string key)
        {
            return byKey.ContainsKey(key);
        }

        /// <summary>The member's value, or null (C# null) when absent.</summary>
        public object Get(string key)
        {
            object v;
            return byKey.TryGetValue(key, out v) ? v : null;
        }
    }

    public class JsonException : Exception
    {
        public JsonException(string message)
            : base(message)
        {
        }
    }

    public static class Json
    {
        private const int MaxDepth = 256;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Parses UTF-8 bytes (invalid UTF-8 and a BOM are refused).</summary>
        public static object Parse(byte[] utf8)
        {
            string text;
            try
            {
                text = StrictUtf8.GetString(utf8);
            }
            catch (DecoderFallbackException e)
            {
                throw new JsonException("invalid UTF-8: " + e.Message);
            }
            return Parse(text);
        }

        public static object Parse(string text)
        {
            var p = new Parser(text);
            p.SkipWhitespace();
            object value = p.ParseValue(0);
            p.SkipWhitespace();
            if (!p.AtEnd)
            {
                throw p.Error("trailing characters after the JSON value");
            }
            return value;
        }

        /// <summary>The canonical JSON text of a parsed value.</summary>
        public static string Canonical(object value)
        {
            var sb = new StringBuilder();
            Write(sb, value);
            return sb.ToString();
        }

        /// <summary>The canonical JSON as UTF-8 bytes (no BOM, no trailing newline).</summary>
        public static byte[] CanonicalBytes(object value)
        {
            return StrictUtf8.GetBytes(Canonical(value));
        }

        /// <summary>The JSON string literal of s, escaped like JSON.stringify.</summary>
        public static string Quote(string s)
        {
            var sb = new StringBuilder(s.Length + 2);
            WriteString(sb, s);
            return sb.ToString();
        }

        private static void Write(StringBuilder sb, object value)
        {
            if (value == null || value is JsonNull)
            {
                sb.Append("null");
            }
            else if (value is bool)
            {
                sb.Append((bool)value ? "true" : "false");
            }
            else if (value is JsonNumber)
            {
                sb.Append(((JsonNumber)value).Text);
            }
            else if (value is string)
            {
                WriteString(sb, (string)value);
            }
            else if (value is List<object>)
            {
                sb.Append('[');
                bool first = true;
                foreach (object item in (List<object>)value)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    Write(sb, item);
                }
                sb.Append(']');
            }
            else if (value is JsonObject)
            {
                var sorted = new List<KeyValuePair<string, object>>(((JsonObject)value).Members);
                sorted.Sort((a, b) => CompareCodePoints(a.Key, b.Key));
                sb.Append('{');
                bool first = true;
                foreach (KeyValuePair<string, object> m in sorted)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    WriteString(sb, m.Key);
                    sb.Append(':');
                    Write(sb, m.Value);
                }
                sb.Append('}');
            }
            else
            {
                throw new ArgumentException("not a JSON value: " + value.GetType().FullName);
            }
        }

        private static void WriteString(StringBuilder sb, string s)
        {
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            AppendUnicodeEscape(sb, c);
                        }
                        else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            sb.Append(c).Append(s[i + 1]);
                            i++;
                        }
                        else if (char.IsSurrogate(c))
                        {
                            // lone surrogate: well-formed JSON.stringify writes it as an escape
                            AppendUnicodeEscape(sb, c);
                        }
                        else
                        {
                            sb.Append(c);
                        }
                        break;
                }
            }
            sb.Append('"');
        }

        private static void AppendUnicodeEscape(StringBuilder sb, char c)
        {
            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        /// <summary>Orders strings by Unicode code point (UTF-16 ordinal differs for astral vs U+E000..U+FFFF).</summary>
        public static int CompareCodePoints(string a, string b)
        {
            int n = Math.Min(a.Length, b.Length);
            for (int i = 0; i < n; i++)
            {
                char x = a[i], y = b[i];
                if (x == y)
                {
                    continue;
                }
                bool xs = char.IsSurrogate(x), ys = char.IsSurrogate(y);
                if (xs != ys)
                {
                    // a surrogate stands for a code point above U+FFFF: greater than any BMP char
                    return xs ? 1 : -1;
                }
                return x < y ? -1 : 1;
            }
            return a.Length.CompareTo(b.Length);
        }

        private sealed class Parser
        {
            private readonly string s;
            private int pos;

            public Parser(string s)
            {
                this.s = s;
            }

            public bool AtEnd { get { return pos >= s.Length; } }

            public JsonException Error(string what)
            {
                int line = 1, col = 1;
                for (int i = 0; i < pos && i < s.Length; i++)
                {
                    if (s[i] == '\n')
                    {
                        line++;
                        col = 1;
                    }
                    else
                    {
                        col++;
                    }
                }
                return new JsonException(what + " at line " + line + " column " + col);
            }

            public void SkipWhitespace()
            {
                while (pos < s.Length)
                {
                    char c = s[pos];
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                    {
                        pos++;
                    }
                    else
                    {
                        break;
                    }
                }
            }

            public object ParseValue(int depth)
            {
                if (depth > MaxDepth)
                {
                    throw Error("nested too deeply");
                }
                if (AtEnd)
                {
                    throw Error("unexpected end of input");
                }
                char c = s[pos];
                switch (c)
                {
                    case '{': return ParseObject(depth);
                    case '[': return ParseArray(depth);
                    case '"': return ParseString();
                    case 't': Literal("true"); return true;
                    case 'f': Literal("false"); return false;
                    case 'n': Literal("null"); return JsonNull.Value;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9'))
                        {
                            return ParseNumber();
                        }
                        throw Error("unexpected character '" + c + "'");
                }
            }

            private void Literal(string word)
            {
                if (string.CompareOrdinal(s, pos, word, 0, word.Length) != 0)
                {
                    throw Error("invalid literal");
                }
                pos += word.Length;
            }

            private void Expect(char c)
            {
                if (AtEnd || s[pos] != c)
                {
                    throw Error(AtEnd ? "unexpected end of input, expected '" + c + "'" : "expected '" + c + "'");
                }
                pos++;
            }

            private JsonObject ParseObject(int depth)
            {
                Expect('{');
                var obj = new JsonObject();
                SkipWhitespace();
                if (!AtEnd && s[pos] == '}')
                {
                    pos++;
                    return obj;
                }
                while (true)
                {
                    SkipWhitespace();
                    if (AtEnd || s[pos] != '"')
                    {
                        throw Error("expected a string key");
                    }
                    int keyPos = pos;
                    string key = ParseString();
                    SkipWhitespace();
                    Expect(':');
                    SkipWhitespace();
                    object value = ParseValue(depth + 1);
                    if (!obj.Add(key, value))
                    {
                        pos = keyPos;
                        throw Error("duplicate key " + Quote(key));
                    }
                    SkipWhitespace();
                    if (AtEnd)
                    {
                        throw Error("unexpected end of input in an object");
                    }
                    if (s[pos] == ',')
                    {
                        pos++;
                        continue;
                    }
                    Expect('}');
                    return obj;
                }
            }

            private List<object> ParseArray(int depth)
            {
                Expect('[');
                var list = new List<object>();
                SkipWhitespace();
                if (!AtEnd && s[pos] == ']')
                {
                    pos++;
                    return list;
                }
                while (true)
                {
                    SkipWhitespace();
                    list.Add(ParseValue(depth + 1));
                    SkipWhitespace();
                    if (AtEnd)
                    {
                        throw Error("unexpected end of input in an array");
                    }
                    if (s[pos] == ',')
                    {
                        pos++;
                        continue;
                    }
                    Expect(']');
                    return list;
                }
            }

            private string ParseString()
            {
                Expect('"');
                var sb = new StringBuilder();
                while (true)
                {
                    if (AtEnd)
                    {
                        throw Error("unterminated string");
                    }
                    char c = s[pos];
                    if (c == '"')
                    {
                        pos++;
                        return sb.ToString();
                    }
                    if (c < 0x20)
                    {
                        throw Error("control character in a string");
                    }
                    if (c != '\\')
                    {
                        // the input came from a strict UTF-8 decode, so surrogates here are paired
                        sb.Append(c);
                        pos++;
                        continue;
                    }
                    pos++;
                    if (AtEnd)
                    {
                        throw Error("unterminated escape");
                    }
                    char e = s[pos++];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            {
                                char u = Hex4();
                                if (char.IsHighSurrogate(u))
                                {
                                    if (pos + 1 < s.Length && s[pos] == '\\' && s[pos + 1] == 'u')
                                    {
                                        pos += 2;
                                        char low = Hex4();
                                        if (!char.IsLowSurrogate(low))
                                        {
                                            throw Error("unpaired surrogate escape");
                                        }
                                        sb.Append(u).Append(low);
                                    }
                                    else
                                    {
                                        throw Error("unpaired surrogate escape");
                                    }
                                }
                                else if (char.IsLowSurrogate(u))
                                {
                                    throw Error("unpaired surrogate escape");
                                }
                                else
                                {
                                    sb.Append(u);
                                }
                                break;
                            }
                        default:
                            pos--;
                            throw Error("invalid escape '\\" + e + "'");
                    }
                }
            }

            private char Hex4()
            {
                if (pos + 4 > s.Length)
                {
                    throw Error("truncated \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++)
                {
                    char h = s[pos + i];
                    int d;
                    if (h >= '0' && h <= '9') d = h - '0';
                    else if (h >= 'a' && h <= 'f') d = h - 'a' + 10;
                    else if (h >= 'A' && h <= 'F') d = h - 'A' + 10;
                    else throw Error("invalid \\u escape");
                    v = v * 16 + d;
                }
                pos += 4;
                return (char)v;
            }

            private JsonNumber ParseNumber()
            {
                int start = pos;
                if (s[pos] == '-')
                {
                    pos++;
                }
                if (AtEnd)
                {
                    throw Error("truncated number");
                }
                if (s[pos] == '0')
                {
                    pos++;
                }
                else if (s[pos] >= '1' && s[pos] <= '9')
                {
                    Digits();
                }
                else
                {
                    throw Error("invalid number");
                }
                if (!AtEnd && s[pos] == '.')
                {
                    pos++;
                    if (AtEnd || !IsDigit(s[pos]))
                    {
                        throw Error("expected a digit after '.'");
                    }
                    Digits();
                }
                if (!AtEnd && (s[pos] == 'e' || s[pos] == 'E'))
                {
                    pos++;
                    if (!AtEnd && (s[pos] == '+' || s[pos] == '-'))
                    {
                        pos++;
                    }
                    if (AtEnd || !IsDigit(s[pos]))
                    {
                        throw Error("expected a digit in the exponent");
                    }
                    Digits();
                }
                return new JsonNumber(s.Substring(start, pos - start));
            }

            private void Digits()
            {
                while (!AtEnd && IsDigit(s[pos]))
                {
                    pos++;
                }
            }

            private static bool IsDigit(char c)
            {
                return c >= '0' && c <= '9';
            }
        }
    }
}
