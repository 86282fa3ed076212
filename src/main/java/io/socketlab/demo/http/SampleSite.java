package io.socketlab.demo.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder the http demo serves: a few small files of different types, and a symbolic link that
 * points out of the folder (to the system's /etc), which the server must refuse to follow.
 */
public final class SampleSite implements java.io.Closeable {
    private final Path folder;

    private SampleSite(Path folder) {
        this.folder = folder;
    }

    /** Writes the site into a new temporary folder; {@link #close()} deletes it. */
    public static SampleSite create() throws IOException {
        Path folder = Files.createTempDirectory("socketlab-site-");
        Files.writeString(folder.resolve("index.html"), """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>SocketLab</title><link rel="stylesheet" href="style.css"></head>
                <body><h1>Served by your own socket code</h1>
                <ul><li><a href="hello.txt">hello.txt</a></li><li><a href="%E4%BD%A0%E5%A5%BD.txt">你好.txt</a></li>
                <li><a href="data.json">data.json</a></li><li><a href="missing.html">a page that is not there</a></li></ul>
                </body></html>
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("hello.txt"), "hello, HTTP\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("你好.txt"), "你好，HTTP\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("data.json"), "{\"chapter\": 11, \"protocol\": \"HTTP/1.1\"}\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("style.css"), "body { font-family: sans-serif; }\n", StandardCharsets.UTF_8);
        Path outside = Path.of("/etc");
        if (Files.isDirectory(outside)) {
            try {
                Files.createSymbolicLink(folder.resolve("etc"), outside);
            } catch (IOException | UnsupportedOperationException noLinks) {
                // a system without symbolic links has no such way out to refuse
            }
        }
        return new SampleSite(folder);
    }

    /** The folder to serve. */
    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
