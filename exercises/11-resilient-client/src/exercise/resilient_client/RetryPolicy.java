package exercise.resilient_client;

/**
 * How hard to try: at most {@code attempts} connects, each waiting at most
 * {@code connectTimeoutMillis}; before the second attempt wait {@code firstDelayMillis}, then
 * twice as long before each next one, never longer than {@code maxDelayMillis}.
 */
public record RetryPolicy(int attempts, int connectTimeoutMillis, long firstDelayMillis, long maxDelayMillis) {
    public RetryPolicy {
        if (attempts < 1 || connectTimeoutMillis < 1 || firstDelayMillis < 0 || maxDelayMillis < firstDelayMillis) {
            throw new IllegalArgumentException("attempts and connectTimeoutMillis must be at least 1 and"
                    + " 0 <= firstDelayMillis <= maxDelayMillis, were " + this);
        }
    }
}
