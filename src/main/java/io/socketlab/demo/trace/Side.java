package io.socketlab.demo.trace;

/** Which half of a demo made a socket call: the server is drawn on the left, the client on the right. */
public enum Side {
    SERVER,
    CLIENT
}
