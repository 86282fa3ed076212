package exercise.resilient_client;

/** Waits between attempts. The tests pass one that records each wait instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(long millis) throws InterruptedException;

    /** The real thing. */
    Sleeper THREAD = Thread::sleep;
}
