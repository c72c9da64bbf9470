package jp.santei;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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

    /** The request text of the first success vector (in path order). */
    private static String firstSuccessRequest() throws IOException {
        for (Path file : TestPaths.vectorFiles()) {
            JsonNode v = CanonicalJson.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (v.hasNonNull("expected") && v.hasNonNull("request")) {
                return CanonicalJson.MAPPER.writeValueAsString(v.get("request"));
            }
        }
        throw new AssertionError("no success vector under tests/vectors");
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
    void infoJsonNamesVersionAndGeneration() {
        JsonNode info = CanonicalJson.parse(engine.infoJson());
        assertEquals(Santei.version(), info.path("version").asText());
        assertTrue(engine.infoJson().contains("2024-06-01"), engine.infoJson());
    }

    @Test
    void responseIsAlreadyCanonical() throws IOException {
        String out = engine.calculateJson(firstSuccessRequest());
        assertEquals(CanonicalJson.canonical(out), out);
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
        SanteiException e = assertThrows(SanteiException.class, () -> engine.calculateJson("{not json"));
        assertEquals("SANTEI_PARSE_ERROR", e.getCode());
        assertFalse(e.getMessage().isEmpty(), "message from santei_last_error_message()");
        assertTrue(e.toString().contains("SANTEI_PARSE_ERROR"));
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
        Engine e = Engine.fromDirectory(TestPaths.masters());
        assertFalse(e.isClosed());
        assertNotNull(e.calculateJson(request));
        e.close();
        assertTrue(e.isClosed());
        assertDoesNotThrow(e::close); // idempotent
        assertThrows(IllegalStateException.class, () -> e.calculateJson(request));
        assertThrows(IllegalStateException.class, e::infoJson);
        assertThrows(NullPointerException.class, () -> e.calculateJson(null));
    }

    @Test
    void oneEngineServesManyThreads() throws Exception {
        String request = firstSuccessRequest();
        String expected = engine.calculateJson(request);
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
