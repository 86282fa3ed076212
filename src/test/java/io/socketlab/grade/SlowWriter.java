package io.socketlab.grade;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For {@link ScratchFoldersTest}: writes into a scratch folder for 1.5 s without a pause, as javac writes
 * its classes (making the folders it writes into), and says {@code writing} once it has begun.
 */
public final class SlowWriter {
    private SlowWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = ScratchFolders.create("socketlab-slow");
        ScratchFolders.writing(() -> {
            long end = System.nanoTime() + 1_500_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                Path out = Files.createDirectories(dir.resolve("classes/p" + i % 50));
                Files.writeString(out.resolve("C" + i % 7 + ".class"), "x");
                if (i == 0) {
                    System.out.println("writing");
                }
            }
            return null;
        });
        System.out.println("wrote");
    }
}
