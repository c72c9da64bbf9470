package jp.santei;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository, its masters and its golden vectors are. */
final class TestPaths {
    private TestPaths() {
    }

    /** The repository root: {@code santei.repo.root} (set by the pom) or two levels above basedir. */
    static Path repoRoot() {
        String root = System.getProperty("santei.repo.root");
        Path base = root != null
                ? Paths.get(root)
                : Paths.get(System.getProperty("basedir", "")).toAbsolutePath().resolve("../..");
        return base.toAbsolutePath().normalize();
    }

    static Path masters() {
        return repoRoot().resolve("masters");
    }

    /** Every tests/vectors/**&#47;*.json, sorted by path as the Rust runner does (per folder, by name). */
    static List<Path> vectorFiles() {
        List<Path> out = new ArrayList<>();
        collect(repoRoot().resolve("tests/vectors"), out);
        return out;
    }

    private static void collect(Path dir, List<Path> out) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = new ArrayList<>(s.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(dir.toString(), e);
        }
        entries.sort((a, b) -> CanonicalJson.CODE_POINT_ORDER.compare(
                a.getFileName().toString(), b.getFileName().toString()));
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                collect(p, out);
            } else if (p.getFileName().toString().endsWith(".json")) {
                out.add(p);
            }
        }
    }
}
