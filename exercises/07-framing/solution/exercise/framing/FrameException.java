package exercise.framing;

import java.io.IOException;

/** A frame that breaks the protocol: a negative or oversized length, or a stream cut inside a frame. */
public final class FrameException extends IOException {
    public FrameException(String message) {
        super(message);
    }
}
