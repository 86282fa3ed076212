package io.socketlab.demo.trace;

import java.util.Arrays;

/**
 * One socket call seen by the trace: who made it, the call's name as the article spells it
 * (socket, bind, listen, accept, connect, send, recv, recvfrom, sendto, close), a short detail
 * (an address, a byte count) and the bytes that crossed, if any.
 */
public record TraceEvent(Side side, String call, String detail, byte[] data) {
    public TraceEvent {
        data = data == null ? new byte[0] : data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return side + " " + call + " " + detail + " " + Arrays.toString(data);
    }
}
