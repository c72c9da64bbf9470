package jp.santei;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Canonical JSON of tests/README.md, written by hand over Jackson's tree (Jackson's own writer
 * neither sorts keys by code point nor escapes exactly like JSON.stringify / serde_json):
 * compact; object keys sorted by Unicode code point; arrays in order; integers as written;
 * strings escaping only {@code "}, {@code \}, {@code \b \f \n \r \t}, other control characters
 * as a lowercase six-character escape (backslash, u, 00xx; like JSON.stringify, an unpaired
 * surrogate is escaped the same way);
 * everything else raw. Floating-point numbers are outside the contract and are refused.
 */
final class CanonicalJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Orders strings by Unicode code point (String.compareTo orders by UTF-16 unit). */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String canonical(String json) {
        return canonical(parse(json));
    }

    static String canonical(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb) {
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case OBJECT: {
                List<String> keys = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(CODE_POINT_ORDER);
                sb.append('{');
                boolean first = true;
                for (String key : keys) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    string(key, sb);
                    sb.append(':');
                    write(node.get(key), sb);
                }
                sb.append('}');
                break;
            }
            case ARRAY: {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), sb);
                }
                sb.append(']');
                break;
            }
            case STRING:
                string(node.textValue(), sb);
                break;
            case NUMBER:
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException("floating-point number " + node
                            + " is outside the canonical JSON contract (tests/README.md)");
                }
                sb.append(node.bigIntegerValue().toString());
                break;
            case BOOLEAN:
                sb.append(node.booleanValue() ? "true" : "false");
                break;
            case NULL:
                sb.append("null");
                break;
            default:
                throw new IllegalArgumentException("not a JSON value: " + type);
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        unicodeEscape(c, sb);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c, sb); // unpaired: JSON.stringify escapes it
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder sb) {
        sb.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
