package jp.santei;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static Engine engine;

    @BeforeAll
    static void load() {
        engine = Engine.fromDirectory(TestPaths.masters());
    }

    @AfterAll
    static void unload() {
        engine.close();
    }

    /** The request text of the first success vector of {@code call} (in path order). */
    private static String firstSuccessRequest(String call) throws IOException {
        for (Path file : TestPaths.vectorFiles()) {
            JsonNode v = CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8));
            String vectorCall = v.hasNonNull("call") ? v.get("call").asText() : "calculate";
            boolean success = v.hasNonNull("expected") || v.hasNonNull("expectedSubset");
            if (vectorCall.equals(call) && success && v.hasNonNull("request")) {
                return CanonicalJson.MAPPER.writeValueAsString(v.get("request"));
            }
        }
        throw new AssertionError("no " + call + " success vector under tests/vectors");
    }

    /** The request text of the first calculate success vector (in path order). */
    private static String firstSuccessRequest() throws IOException {
        return firstSuccessRequest("calculate");
    }

    /** Every file under masters/, keyed by its path under the master root with '/' separators. */
    private static Map<String, byte[]> masterFiles() throws IOException {
        Path root = TestPaths.masters();
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(p).toString().replace('\\', '/');
                files.put(name, Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static byte[] extractedSCsv() throws IOException {
        try (Stream<Path> s = Files.list(TestPaths.masters().resolve("2024-06-01"))) {
            Path zip = s.filter(p -> p.getFileName().toString().matches("s_.*\\.zip"))
                    .findFirst().orElseThrow(() -> new AssertionError("no s_*.zip in masters/2024-06-01"));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().toLowerCase().endsWith(".csv")) {
                        return readAll(in);
                    }
                }
            }
            throw new AssertionError("no CSV inside " + zip);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    /** Sends the first success request of {@code call} through {@code method}; the answer must be canonical. */
    private static String assertCanonicalResponse(String call, UnaryOperator<String> method) throws IOException {
        String out = method.apply(firstSuccessRequest(call));
        assertEquals(CanonicalJson.canonical(out), out);
        return out;
    }

    /** {@code method("{not json")} must throw SANTEI_PARSE_ERROR with the library's message. */
    private static SanteiException assertNotJsonIsAParseError(UnaryOperator<String> method) {
        SanteiException e = assertThrows(SanteiException.class, () -> method.apply("{not json"));
        assertEquals("SANTEI_PARSE_ERROR", e.getCode());
        assertFalse(e.getMessage().isEmpty(), "message from santei_last_error_message()");
        return e;
    }

    @Test
    void versions() {
        assertEquals("0.1.0", Santei.version());
        assertEquals(Santei.ABI_VERSION, Santei.abiVersion());
        assertEquals(1, Santei.abiVersion());
    }

    @Test
    void fromFilesGivesTheSameAnswerAsFromDirectory() throws IOException {
        String request = firstSuccessRequest();
        String expected = engine.calculateJson(request);
        try (Engine fromFiles = Engine.fromFiles(masterFiles())) {
            assertEquals(expected, fromFiles.calculateJson(request));
        }
    }

    @Test
    void infoJsonDescribesEachGeneration() {
        String json = engine.infoJson();
        assertEquals(CanonicalJson.canonical(json), json);
        JsonNode info = CanonicalJson.parse(json);
        assertEquals(Santei.version(), info.path("version").asText());
        JsonNode generations = info.path("generations");
        assertEquals(1, generations.size(), json);
        JsonNode g = generations.get(0);
        assertEquals("2024-06-01", g.path("effective").asText());
        // codes: one count per 基本マスター, by file letter
        JsonNode codes = g.path("codes");
        assertTrue(codes.isObject(), json);
        for (String kind : List.of("s", "y", "t", "c", "b", "z")) {
            assertTrue(codes.path(kind).isIntegralNumber(), "codes." + kind);
        }
        assertTrue(codes.path("s").asLong() > 0, "codes.s");
        assertTrue(codes.path("y").asLong() > 0, "codes.y");
        assertTrue(g.path("tensuhyo").isObject(), json);
        g.path("tensuhyo").fields().forEachRemaining(e ->
                assertTrue(e.getValue().isIntegralNumber(), "tensuhyo." + e.getKey()));
        // files: objects {name, kind, full, rows}; at least one full file and one 差分
        JsonNode files = g.path("files");
        assertTrue(files.isArray() && files.size() > 0, json);
        boolean sawFull = false;
        boolean sawUpdate = false;
        for (JsonNode f : files) {
            assertTrue(f.path("name").isTextual(), f.toString());
            assertTrue(codes.has(f.path("kind").asText()), f.toString());
            assertTrue(f.path("full").isBoolean(), f.toString());
            assertTrue(f.path("rows").isIntegralNumber(), f.toString());
            sawFull |= f.path("full").booleanValue();
            sawUpdate |= !f.path("full").booleanValue();
        }
        assertTrue(sawFull && sawUpdate, json);
        assertTrue(g.path("skipped").isArray(), json);
    }

    @Test
    void fromFilesLoadsTheSameMasters() throws IOException {
        try (Engine fromFiles = Engine.fromFiles(masterFiles())) {
            JsonNode a = CanonicalJson.parse(engine.infoJson()).path("generations");
            JsonNode b = CanonicalJson.parse(fromFiles.infoJson()).path("generations");
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).path("codes"), b.get(i).path("codes"));
                assertEquals(a.get(i).path("tensuhyo"), b.get(i).path("tensuhyo"));
            }
        }
    }

    @Test
    void responseIsAlreadyCanonical() throws IOException {
        assertCanonicalResponse("calculate", engine::calculateJson);
    }

    @Test
    void truncatedMasterIsAMasterError() throws IOException {
        byte[] truncated = Arrays.copyOf(extractedSCsv(), 5000);
        SanteiException e = assertThrows(SanteiException.class,
                () -> Engine.fromFiles(Map.of("2024-06-01/s_ALL20240531.csv", truncated)).close());
        assertEquals("SANTEI_MASTER_ERROR", e.getCode());
        assertEquals(SanteiStatus.MASTER_ERROR, e.getStatus());
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void noFilesIsAMasterError() {
        SanteiException e = assertThrows(SanteiException.class, () -> Engine.fromFiles(Map.of()).close());
        assertEquals("SANTEI_MASTER_ERROR", e.getCode());
    }

    @Test
    void missingDirectoryFails() {
        SanteiException e = assertThrows(SanteiException.class,
                () -> Engine.fromDirectory(TestPaths.repoRoot().resolve("no-such-masters")).close());
        assertNotNull(e.getStatus());
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void notJsonIsAParseError() {
        SanteiException e = assertNotJsonIsAParseError(engine::calculateJson);
        assertTrue(e.toString().contains("SANTEI_PARSE_ERROR"));
    }

    @Test
    void calculateMonthNotJsonIsAParseError() {
        SanteiException e = assertNotJsonIsAParseError(engine::calculateMonthJson);
        assertEquals(SanteiStatus.PARSE_ERROR, e.getStatus());
    }

    @Test
    void calculateMonthResponseIsAlreadyCanonical() throws IOException {
        assertCanonicalResponse("calculateMonth", engine::calculateMonthJson);
    }

    @Test
    void calculateCopayNotJsonIsAParseError() {
        SanteiException e = assertNotJsonIsAParseError(engine::calculateCopayJson);
        assertEquals(SanteiStatus.PARSE_ERROR, e.getStatus());
    }

    @Test
    void calculateCopayResponseIsAlreadyCanonical() throws IOException {
        String out = assertCanonicalResponse("calculateCopay", engine::calculateCopayJson);
        JsonNode copay = CanonicalJson.parse(out);
        assertTrue(copay.path("patientYen").isIntegralNumber() && copay.path("parts").isArray(), out);
    }

    @Test
    void calculateCopayInvalidRequest() {
        SanteiException e = assertThrows(SanteiException.class, () -> engine.calculateCopayJson(
                "{\"serviceDate\":\"2024-06-15\",\"patient\":{\"birthDate\":\"1980-01-01\",\"sex\":\"male\"},"
                        + "\"insurance\":{\"insurerType\":\"shaho\",\"relation\":\"honnin\"},\"parts\":[]}"));
        assertEquals("SANTEI_INVALID_REQUEST", e.getCode());
        assertTrue(e.getMessage().contains("parts"), e.getMessage());
    }

    @Test
    void checkNotJsonIsAParseError() {
        SanteiException e = assertNotJsonIsAParseError(engine::checkJson);
        assertEquals(SanteiStatus.PARSE_ERROR, e.getStatus());
    }

    @Test
    void checkResponseIsAlreadyCanonical() throws IOException {
        String out = assertCanonicalResponse("check", engine::checkJson);
        JsonNode checked = CanonicalJson.parse(out);
        assertTrue(checked.path("errors").isIntegralNumber() && checked.path("findings").isArray(), out);
    }

    @Test
    void checkInvalidRequest() {
        SanteiException e = assertThrows(SanteiException.class, () -> engine.checkJson(
                "{\"month\":\"2024-06\",\"patient\":{\"birthDate\":\"1980-01-01\",\"sex\":\"male\"},"
                        + "\"insurance\":{\"insurerType\":\"shaho\",\"relation\":\"honnin\"},\"lines\":[]}"));
        assertEquals("SANTEI_INVALID_REQUEST", e.getCode());
        assertTrue(e.getMessage().contains("lines"), e.getMessage());
    }

    @Test
    void checkUkeTakesTheFileBytes() throws IOException {
        byte[] uke = Files.readAllBytes(TestPaths.repoRoot().resolve("tests/uke/check-2024-06.UKE"));
        String out = engine.checkUkeJson(uke);
        assertEquals(CanonicalJson.canonical(CanonicalJson.parse(out)), out, "already canonical");
        JsonNode checked = CanonicalJson.parse(out);
        assertEquals("2024-07", checked.path("billingMonth").asText());
        assertEquals(2, checked.path("receipts").size(), out);
        assertEquals(2, checked.path("receipts").get(1).path("receiptNo").asInt(), out);
        assertEquals(2, checked.path("errors").asInt(), out);
    }

    @Test
    void readUkeThenWriteUkeGivesTheFileBack() throws IOException {
        byte[] uke = Files.readAllBytes(TestPaths.repoRoot().resolve("tests/uke/check-2024-06.UKE"));
        String json = engine.readUkeJson(uke);
        assertEquals(CanonicalJson.canonical(CanonicalJson.parse(json)), json, "already canonical");
        JsonNode file = CanonicalJson.parse(json);
        assertEquals("2024-07", file.path("ir").path("seikyuYm").asText());
        assertEquals(2, file.path("receipts").size(), json);
        assertEquals("HO", file.path("receipts").get(0).path("records").get(0).path("record").asText());
        assertArrayEquals(uke, engine.writeUke(json));
    }

    @Test
    void ukeErrors() {
        SanteiException e = assertThrows(SanteiException.class,
                () -> engine.readUkeJson("{not json".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(SanteiStatus.PARSE_ERROR, e.getStatus());
        e = assertThrows(SanteiException.class, () -> engine.writeUke("{not json"));
        assertEquals(SanteiStatus.PARSE_ERROR, e.getStatus());
        e = assertThrows(SanteiException.class, () -> engine.writeUke("{}"));
        assertEquals(SanteiStatus.PARSE_ERROR, e.getStatus());
    }

    @Test
    void checkUkeOfWhatIsNotAUkeFileIsAParseError() {
        for (byte[] bytes : new byte[][] {"{not json".getBytes(StandardCharsets.US_ASCII), new byte[0]}) {
            SanteiException e = assertThrows(SanteiException.class, () -> engine.checkUkeJson(bytes));
            assertEquals(SanteiStatus.PARSE_ERROR, e.getStatus());
            assertFalse(e.getMessage().isEmpty());
        }
    }

    @Test
    void diffMastersNotJsonIsAParseError() {
        SanteiException e = assertNotJsonIsAParseError(engine::diffMastersJson);
        assertEquals(SanteiStatus.PARSE_ERROR, e.getStatus());
    }

    @Test
    void diffMastersResponseIsAlreadyCanonical() throws IOException {
        String out = assertCanonicalResponse("diffMasters", engine::diffMastersJson);
        JsonNode diff = CanonicalJson.parse(out);
        assertTrue(diff.has("from") && diff.has("to") && diff.has("changes"), out);
    }

    @Test
    void diffMastersInvalidRequestAndArgument() {
        SanteiException e = assertThrows(SanteiException.class,
                () -> engine.diffMastersJson("{\"from\":\"2024-13-01\",\"to\":\"2024-07-01\"}"));
        assertEquals("SANTEI_INVALID_REQUEST", e.getCode());
        assertFalse(e.getMessage().isEmpty());
        assertEquals("SANTEI_INVALID_ARGUMENT",
                assertThrows(SanteiException.class, () -> engine.diffMastersJson("\ud800")).getCode());
    }

    @Test
    void emptyRequestIsAParseError() {
        SanteiException e = assertThrows(SanteiException.class, () -> engine.calculateJson(""));
        assertEquals("SANTEI_PARSE_ERROR", e.getCode());
    }

    @Test
    void unpairedSurrogateIsAnInvalidArgument() {
        SanteiException e = assertThrows(SanteiException.class, () -> engine.calculateJson("{\"x\":\"\ud800\"}"));
        assertEquals("SANTEI_INVALID_ARGUMENT", e.getCode());
    }

    @Test
    void nullArgumentsAreNullPointerExceptions() {
        assertThrows(NullPointerException.class, () -> engine.calculateJson(null));
        assertThrows(NullPointerException.class, () -> engine.calculateMonthJson(null));
        assertThrows(NullPointerException.class, () -> engine.calculateCopayJson(null));
        assertThrows(NullPointerException.class, () -> engine.checkJson(null));
        assertThrows(NullPointerException.class, () -> engine.checkUkeJson(null));
        assertThrows(NullPointerException.class, () -> engine.readUkeJson(null));
        assertThrows(NullPointerException.class, () -> engine.writeUke(null));
        assertThrows(NullPointerException.class, () -> engine.diffMastersJson(null));
        assertThrows(NullPointerException.class, () -> Engine.fromDirectory(null));
        assertThrows(NullPointerException.class, () -> Engine.fromFiles(null));
        Map<String, byte[]> nullData = new HashMap<>();
        nullData.put("2024-06-01/s_ALL20240531.csv", null);
        assertThrows(NullPointerException.class, () -> Engine.fromFiles(nullData));
        Map<String, byte[]> nullName = new HashMap<>();
        nullName.put(null, new byte[0]);
        assertThrows(NullPointerException.class, () -> Engine.fromFiles(nullName));
    }

    @Test
    void useAfterCloseIsIllegalState() throws IOException {
        String request = firstSuccessRequest();
        String monthRequest = firstSuccessRequest("calculateMonth");
        Engine e = Engine.fromDirectory(TestPaths.masters());
        assertFalse(e.isClosed());
        assertNotNull(e.calculateJson(request));
        assertNotNull(e.calculateMonthJson(monthRequest));
        e.close();
        assertTrue(e.isClosed());
        assertDoesNotThrow(e::close); // idempotent
        assertThrows(IllegalStateException.class, () -> e.calculateJson(request));
        assertThrows(IllegalStateException.class, () -> e.calculateMonthJson(monthRequest));
        assertThrows(IllegalStateException.class, () -> e.calculateCopayJson("{not json"));
        assertThrows(IllegalStateException.class, () -> e.checkJson("{not json"));
        assertThrows(IllegalStateException.class, () -> e.checkUkeJson(new byte[] {'I', 'R', ','}));
        assertThrows(IllegalStateException.class, () -> e.readUkeJson(new byte[] {'I', 'R', ','}));
        assertThrows(IllegalStateException.class, () -> e.writeUke("{}"));
        assertThrows(IllegalStateException.class, e::infoJson);
        assertThrows(IllegalStateException.class, () -> e.diffMastersJson("{not json"));
        assertThrows(NullPointerException.class, () -> e.calculateJson(null));
        assertThrows(NullPointerException.class, () -> e.calculateMonthJson(null));
        assertThrows(NullPointerException.class, () -> e.diffMastersJson(null));
    }

    @Test
    void oneEngineServesManyThreads() throws Exception {
        String request = firstSuccessRequest();
        String expected = engine.calculateJson(request);
        String diffRequest = firstSuccessRequest("diffMasters");
        String expectedDiff = engine.diffMastersJson(diffRequest);
        String monthRequest = firstSuccessRequest("calculateMonth");
        String expectedMonth = engine.calculateMonthJson(monthRequest);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                final int n = i;
                results.add(pool.submit(() -> {
                    if (n % 4 == 0) {
                        // errors on other threads must not leak into this thread's last error message
                        SanteiException e = assertThrows(SanteiException.class, () -> engine.calculateJson("["));
                        assertEquals("SANTEI_PARSE_ERROR", e.getCode());
                    }
                    if (n % 4 == 1) {
                        assertEquals(expectedDiff, engine.diffMastersJson(diffRequest));
                    }
                    if (n % 4 == 2) {
                        assertEquals(expectedMonth, engine.calculateMonthJson(monthRequest));
                        SanteiException e = assertThrows(SanteiException.class,
                                () -> engine.calculateMonthJson("{not json"));
                        assertEquals("SANTEI_PARSE_ERROR", e.getCode());
                    }
                    return engine.calculateJson(request);
                }));
            }
            for (Future<String> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
