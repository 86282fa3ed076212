package io.socketlab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Path BUNDLES = Path.of("src/main/resources/io/socketlab/i18n");

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void everyMessageExistsInEveryLanguage() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path en : files.filter(p -> p.getFileName().toString().endsWith("_en.properties")).toList()) {
                Path zh = en.resolveSibling(en.getFileName().toString().replace("_en.", "_zh."));
                assertTrue(Files.exists(zh), "no Chinese bundle for " + en.getFileName());
                assertEquals(keys(en), keys(zh), "keys differ between " + en.getFileName() + " and " + zh.getFileName());
            }
        }
    }

    /** A merge that keeps both sides' line for one key leaves the first one dead, silently. */
    @Test
    void noBundleSetsAKeyTwice() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path bundle : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Set<String> seen = new TreeSet<>();
                Set<String> twice = new TreeSet<>();
                Properties counter = new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        if (!seen.add((String) key)) {
                            twice.add((String) key);
                        }
                        return super.put(key, value);
                    }
                };
                try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                    counter.load(reader);
                }
                assertEquals(Set.of(), twice, bundle.getFileName() + " sets these keys more than once");
            }
        }
    }

    @Test
    void placeholdersAreFilledAndApostrophesKept() {
        Messages shell = Messages.of("shell", Lang.EN);
        assertEquals("Unknown command 'x'. Did you mean next?", shell.get("unknown.suggest", "x", "next"));
        assertEquals("未知命令“x”。你是想输入 next 吗？", Messages.of("shell", Lang.ZH).get("unknown.suggest", "x", "next"));
    }

    @Test
    void languageFollowsTheLocaleVariables() {
        assertEquals(Lang.ZH, Lang.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8")));
        assertEquals(Lang.EN, Lang.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "en_US.UTF-8")));
        assertEquals(Lang.EN, Lang.fromEnvironment(Map.of("LANG", "fr_FR.UTF-8")));
    }

    @Test
    void placeholdersAreFilledInOnePassSoArgumentsStayAsTheyAre() {
        Messages grade = Messages.of("grade", Lang.EN);
        // report.header is "== {0}: {1}"; a first argument that looks like a placeholder is kept
        assertEquals("== says {1}: title", grade.get("report.header", "says {1}", "title"));
        assertEquals("== $1 \\ {0}: t", grade.get("report.header", "$1 \\ {0}", "t"));
        assertEquals("no.such.key", grade.get("no.such.key", "x"));
    }
}
