package exercise.resilient_client;

import java.net.Socket;

/**
 * How connecting went: {@code outcome} is {@link Outcome#CONNECTED} with the connected
 * {@code socket}, or how the last attempt failed ({@code socket} null); {@code attempts} counts the
 * connects tried, the successful one included.
 */
public record ConnectResult(Outcome outcome, int attempts, Socket socket) {
    public enum Outcome {
        CONNECTED,
        /** Nobody listens there: the other host answered the SYN with a reset. */
        REFUSED,
        /** No answer within the connect timeout. */
        TIMED_OUT
    }
}
