package exercise.phone_client;

import java.io.IOException;

/** The caller of chapter 4. */
public final class PhoneClient {
    private PhoneClient() {
    }

    /**
     * Connects to 127.0.0.1:{@code port}, sends {@code message} as UTF-8 and returns everything the
     * server sends back until it closes the connection, decoded as UTF-8.
     *
     * @throws IOException when the connection fails or the server stays silent for 5 seconds
     */
    public static String call(int port, String message) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
