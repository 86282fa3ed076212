package io.socketlab.grade;

import io.socketlab.testkit.Say;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the learner's code prints: passed through to stdout, and kept, capped, for the whole run
 * and for the test running now.
 */
final class OutputCapture extends OutputStream {
    private final OutputStream through;
    private final CappedText run = new CappedText(ExerciseChecker.OUTPUT_CAP, Say.lang());
    private CappedText test = new CappedText(ChildTestRunner.TEST_OUTPUT_CAP, Say.lang());

    OutputCapture(OutputStream through) {
        this.through = through;
    }

    synchronized void startRun() {
        run.clear();
    }

    synchronized void startTest() {
        test = new CappedText(ChildTestRunner.TEST_OUTPUT_CAP, Say.lang());
    }

    synchronized String endTest() {
        String text = test.text();
        test = new CappedText(ChildTestRunner.TEST_OUTPUT_CAP, Say.lang());
        return text;
    }

    synchronized String runText() {
        return run.text();
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        run.add(b, off, len);
        test.add(b, off, len);
        try {
            through.write(b, off, len);
        } catch (IOException e) {
            // the parent stopped reading; what is kept still reaches the results
        }
    }
}
