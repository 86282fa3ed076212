package io.socketlab.demo.live;

import java.io.IOException;

/** A client that answers each typed line with the server's reply, or null when it sent nothing (an empty line). */
@FunctionalInterface
public interface Conversation {
    String say(String line) throws IOException;
}
