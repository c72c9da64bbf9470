package jp.santei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The golden runner's canonicalizer against the rules of tests/README.md (JSON.stringify escaping). */
class CanonicalJsonTest {
    @Test
    void compactAndSortedByCodePoint() {
        // U+FF61 sorts before U+1F600 by code point, after it by UTF-16 unit.
        assertEquals("{\"a\":[1,{\"B\":null,\"a\":true}],\"b\":-0,\"｡\":1,\"😀\":2}".replace("-0", "0"),
                CanonicalJson.canonical("{ \"😀\": 2, \"｡\": 1, \"b\": -0, \"a\": [1, {\"a\": true, \"B\": null}] }"));
    }

    @Test
    void escapesLikeJsonStringify() {
        assertEquals("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f初診料é😀\"",
                CanonicalJson.canonical("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001F\\u007f初診料\\u00e9\\ud83d\\ude00\""));
        assertEquals("\"\\ud800x\\udc00\"", CanonicalJson.canonical("\"\\uD800x\\uDC00\""));
    }

    @Test
    void integersAsWritten() {
        assertEquals("[0,-5,12345678901234567890123]", CanonicalJson.canonical("[0, -5, 12345678901234567890123]"));
    }

    @Test
    void floatsAreOutsideTheContract() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonical("1.5"));
    }
}
