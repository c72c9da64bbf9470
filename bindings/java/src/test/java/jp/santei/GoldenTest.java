package jp.santei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Java surface of the golden vectors (tests/README.md): every tests/vectors/**&#47;*.json, in path
 * order, against the bundled masters through libsantei.so; one dynamic test per vector named by its
 * id; {@code call} picks the entry point ({@code calculate} = {@link Engine#calculateJson},
 * {@code calculateMonth} = {@link Engine#calculateMonthJson}, {@code calculateCopay} =
 * {@link Engine#calculateCopayJson}, {@code check} = {@link Engine#checkJson}, {@code checkUke} =
 * {@link Engine#checkUkeJson} and {@code readUke} = {@link Engine#readUkeJson} on the bytes of the
 * vector's {@code requestFile} (a path from the repository root), {@code writeUke} =
 * {@link Engine#writeUke} (its bytes must equal the {@code expectedFile}'s, written to &lt;id&gt;.uke),
 * {@code diffMasters} = {@link Engine#diffMastersJson}, {@code info} = {@link Engine#infoJson}
 * with the request unsent; absent = calculate, anything else fails the test); {@code expectedSubset}
 * checks only the keys it names; canonical outputs
 * written to tests/out/java/&lt;id&gt;.json. Set {@code -Dsantei.golden.filter=x} to run only the
 * vectors whose id contains x.
 */
class GoldenTest {
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static Engine engine;
    private static Path outDir;

    @BeforeAll
    static void load() throws IOException {
        engine = Engine.fromDirectory(TestPaths.masters());
        outDir = TestPaths.repoRoot().resolve("tests/out/java");
        Files.createDirectories(outDir);
    }

    @AfterAll
    static void summary() {
        if (engine != null) {
            engine.close();
        }
        System.out.println(PASSED.get() + " passed, " + FAILED.get() + " failed");
    }

    @TestFactory
    List<DynamicTest> golden() throws IOException {
        String filter = System.getProperty("santei.golden.filter", "");
        List<Path> files = TestPaths.vectorFiles();
        assertFalse(files.isEmpty(), "no vectors under tests/vectors");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            JsonNode vector;
            String id;
            try {
                vector = CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8));
                JsonNode idNode = vector.get("id");
                if (idNode == null || !idNode.isTextual()) {
                    throw new IllegalArgumentException("no id");
                }
                id = idNode.textValue();
            } catch (RuntimeException e) {
                String name = TestPaths.repoRoot().relativize(file).toString();
                tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> {
                    FAILED.incrementAndGet();
                    System.out.println("test " + name + " ... FAILED\n     " + e.getMessage());
                    throw new AssertionError(name + ": " + e.getMessage(), e);
                }));
                continue;
            }
            if (!id.contains(filter)) {
                continue;
            }
            JsonNode v = vector;
            tests.add(DynamicTest.dynamicTest(id, file.toUri(), () -> {
                try {
                    run(id, v);
                    PASSED.incrementAndGet();
                    System.out.println("test " + id + " ... ok");
                } catch (Throwable t) {
                    FAILED.incrementAndGet();
                    System.out.println("test " + id + " ... FAILED\n     " + t.getMessage());
                    throw t;
                }
            }));
        }
        return tests;
    }

    /** The entry point named by the vector's {@code call} (absent = {@code calculate}). */
    private interface Call {
        String invoke(String requestJson);
    }

    private static Call entryPoint(JsonNode vector) {
        JsonNode call = vector.get("call");
        if (call == null || call.isNull()) {
            return engine::calculateJson;
        }
        String name = call.isTextual() ? call.textValue() : call.toString();
        switch (name) {
            case "calculate":
                return engine::calculateJson;
            case "calculateMonth":
                return engine::calculateMonthJson;
            case "calculateCopay":
                return engine::calculateCopayJson;
            case "check":
                return engine::checkJson;
            case "checkUke":
            case "readUke": {
                // a byte input: the file named by requestFile, passed as it is on disk
                JsonNode file = vector.get("requestFile");
                if (file == null || !file.isTextual()) {
                    throw new AssertionError("call " + name + " needs a requestFile");
                }
                Path path = TestPaths.repoRoot().resolve(file.textValue());
                boolean check = name.equals("checkUke");
                return request -> {
                    try {
                        byte[] bytes = Files.readAllBytes(path);
                        return check ? engine.checkUkeJson(bytes) : engine.readUkeJson(bytes);
                    } catch (IOException e) {
                        throw new AssertionError(path + ": " + e.getMessage(), e);
                    }
                };
            }
            case "writeUke":
                return null; // bytes out: run() compares them with the expectedFile
            case "diffMasters":
                return engine::diffMastersJson;
            case "info":
                return request -> engine.infoJson(); // its request ({}) is not sent
            default:
                throw new AssertionError("unknown call " + call);
        }
    }

    /**
     * {@code expectedSubset} (tests/README.md): null when every key of an expected object is in the
     * actual one with a matching value, recursively, arrays have the same length and match element
     * by element, and scalars are equal (as canonical JSON); otherwise where and how they differ.
     */
    static String subsetMismatch(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject() && actual.isObject()) {
            for (Map.Entry<String, JsonNode> member : expected.properties()) {
                String at = path + "." + member.getKey();
                JsonNode a = actual.get(member.getKey());
                if (a == null) {
                    return at + ": missing";
                }
                String m = subsetMismatch(member.getValue(), a, at);
                if (m != null) {
                    return m;
                }
            }
            return null;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String m = subsetMismatch(expected.get(i), actual.get(i), path + "[" + i + "]");
                if (m != null) {
                    return m;
                }
            }
            return null;
        }
        String e = CanonicalJson.canonical(expected);
        String a = CanonicalJson.canonical(actual);
        return e.equals(a) ? null : path + ": expected " + e + ", actual " + a;
    }

    /** A writeUke vector: the bytes written must equal the expectedFile's; they go to &lt;id&gt;.uke. */
    private static void runWriteUke(String id, String text, JsonNode expectedFile, String expectedCode)
            throws IOException {
        byte[] actual;
        try {
            actual = engine.writeUke(text);
        } catch (SanteiException e) {
            ObjectNode code = JsonNodeFactory.instance.objectNode().put("code", e.getCode());
            Files.write(outDir.resolve(id + ".json"), CanonicalJson.canonical(code).getBytes(StandardCharsets.UTF_8));
            if (expectedCode == null || !expectedCode.equals(e.getCode())) {
                fail("unexpected error " + e.getCode() + ": " + e.getMessage()
                        + (expectedCode == null ? "" : " (expected " + expectedCode + ")"));
            }
            return;
        }
        Files.write(outDir.resolve(id + ".uke"), actual);
        if (expectedFile == null) {
            fail("expected error " + expectedCode + ", got " + actual.length + " bytes");
        }
        byte[] expected = Files.readAllBytes(TestPaths.repoRoot().resolve(expectedFile.textValue()));
        if (!java.util.Arrays.equals(expected, actual)) {
            fail("output (" + actual.length + " bytes) differs from " + expectedFile.textValue()
                    + " (" + expected.length + " bytes)");
        }
    }

    private static void run(String id, JsonNode vector) throws IOException {
        Call entry = entryPoint(vector); // an unknown call fails before anything is written
        int inputs = (vector.has("request") ? 1 : 0) + (vector.has("requestText") ? 1 : 0)
                + (vector.has("requestFile") ? 1 : 0);
        if (inputs != 1) {
            throw new AssertionError("exactly one of \"request\", \"requestText\" and \"requestFile\" is required");
        }
        String callName = vector.path("call").asText();
        if (vector.has("requestFile") && !"checkUke".equals(callName) && !"readUke".equals(callName)) {
            throw new AssertionError("\"requestFile\" is only for calls \"checkUke\" and \"readUke\"");
        }
        boolean writes = "writeUke".equals(callName);
        if (vector.has("expectedFile") != (writes && !vector.has("expectedError"))) {
            throw new AssertionError("\"expectedFile\" is for call \"writeUke\", which takes it or \"expectedError\"");
        }
        JsonNode requestText = vector.get("requestText");
        JsonNode request = vector.get("request");
        String text = requestText != null && requestText.isTextual()
                ? requestText.textValue()
                : (request == null ? "null" : CanonicalJson.MAPPER.writeValueAsString(request));

        JsonNode expected = vector.get("expected");
        JsonNode expectedSubset = vector.get("expectedSubset");
        JsonNode expectedError = vector.get("expectedError");
        JsonNode expectedFile = vector.get("expectedFile");
        int kinds = (expected != null ? 1 : 0) + (expectedSubset != null ? 1 : 0) + (expectedFile != null ? 1 : 0)
                + (expectedError != null ? 1 : 0);
        if (kinds != 1) {
            throw new AssertionError(
                    "exactly one of \"expected\", \"expectedSubset\", \"expectedFile\" and \"expectedError\" is required");
        }
        boolean expectSuccess = expectedError == null;
        String expectedCode = vector.path("expectedError").path("code").asText(null);
        if (writes) {
            runWriteUke(id, text, expectedFile, expectedCode);
            return;
        }

        String actual;
        SanteiException error = null;
        try {
            actual = CanonicalJson.canonical(entry.invoke(text));
        } catch (SanteiException e) {
            error = e;
            ObjectNode code = JsonNodeFactory.instance.objectNode().put("code", e.getCode());
            actual = CanonicalJson.canonical(code);
        }
        Files.write(outDir.resolve(id + ".json"), actual.getBytes(StandardCharsets.UTF_8));

        if (error == null) {
            if (!expectSuccess) {
                fail("expected error " + expectedCode + ", got a response " + actual);
            }
            if (expectedSubset != null) {
                String mismatch = subsetMismatch(expectedSubset, CanonicalJson.parse(actual), "");
                if (mismatch != null) {
                    fail(mismatch + "\n     actual   " + actual);
                }
            } else {
                assertEquals(CanonicalJson.canonical(expected), actual, id);
            }
        } else {
            if (expectedCode == null || !expectedCode.equals(error.getCode())) {
                fail("unexpected error " + error.getCode() + ": " + error.getMessage()
                        + (expectedCode == null ? "" : " (expected " + expectedCode + ")"));
            }
        }
    }
}
