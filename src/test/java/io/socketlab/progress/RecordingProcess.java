package io.socketlab.progress;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second SocketLab process, for {@link ProgressStoreTest}: {@code COURSE NAME COUNT} marks chapter
 * 1 read (so its classes are loaded and it records as fast as it can later), prints "ready", waits
 * for a line on stdin (so all processes start recording together), records the exercises NAME-1 ...
 * NAME-COUNT as passed, one update each, and prints "done".
 */
public final class RecordingProcess {
    private RecordingProcess() {
    }

    public static void main(String[] args) throws Exception {
        ProgressStore store = new ProgressStore(Path.of(args[0]), warning -> System.out.println(warning));
        int count = Integer.parseInt(args[2]);
        store.update(progress -> progress.markRead(1));
        System.out.println("ready");
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            return;
        }
        for (int i = 1; i <= count; i++) {
            String id = args[1] + "-" + i;
            store.update(progress -> progress.markDone(id));
        }
        System.out.println("done");
    }
}
