package io.socketlab.demo.trace;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;

/** A plain {@link Socket} that reports connect, send, recv and close to a {@link TraceListener}. */
public class TracedSocket extends Socket {
    private final Side side;
    private final TraceListener listener;
    private InputStream in;
    private OutputStream out;
    private boolean closed;
    private boolean unannounced;

    public TracedSocket(Side side, TraceListener listener) {
        this(side, listener, true);
    }

    private TracedSocket(Side side, TraceListener listener, boolean announce) {
        this.side = side;
        this.listener = listener;
        // shown at connect, when the family is known: AF_INET6 for an IPv6 address, as Python must choose it
        this.unannounced = announce;
    }

    /** Shows the "socket" call once, before the first call that needs it, with the family of {@code peer}. */
    private void announce(SocketAddress peer) {
        if (unannounced) {
            unannounced = false;
            listener.onCall(new TraceEvent(side, "socket", TraceText.family(peer) + ", SOCK_STREAM", null));
        }
    }

    /** An unconnected socket for {@code ServerSocket.implAccept}: accept makes it, so no "socket" call is shown. */
    static TracedSocket forAccept(TraceListener listener) {
        return new TracedSocket(Side.SERVER, listener, false);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        // reported before connecting, so it shows above the server's accept
        announce(endpoint);
        listener.onCall(new TraceEvent(side, "connect", TraceText.address(endpoint), null));
        try {
            super.connect(endpoint, timeout);
        } catch (IOException e) {
            throw failed("connect", e);
        }
    }

    /** Shows that {@code call} threw {@code e}, the line the learner's own program would die on; returns {@code e}. */
    private IOException failed(String call, IOException e) {
        listener.onCall(new TraceEvent(side, call, TraceText.threw(e), null));
        return e;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n;
                    try {
                        n = super.read(b, off, len);
                    } catch (IOException e) {
                        throw failed("recv", e);
                    }
                    byte[] got = n > 0 ? Arrays.copyOfRange(b, off, off + n) : null;
                    String detail = n < 0 ? "0 bytes (peer closed)" : n + " of " + TraceText.bytes(len);
                    listener.onCall(new TraceEvent(side, "recv", detail, got));
                    return n;
                }
            };
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    // reported before the bytes leave, so the send shows above the peer's recv
                    listener.onCall(new TraceEvent(side, "sendall", TraceText.bytes(len), Arrays.copyOfRange(b, off, off + len)));
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        throw failed("sendall", e);
                    }
                }

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }
            };
        }
        return out;
    }

    @Override
    public void shutdownOutput() throws IOException {
        super.shutdownOutput();
        listener.onCall(new TraceEvent(side, "shutdown", "SHUT_WR (FIN: no more bytes from this side)", null));
    }

    @Override
    public synchronized void close() throws IOException {
        super.close();
        if (!closed) {
            closed = true;
            announce(null);
            listener.onCall(new TraceEvent(side, "close", "", null));
        }
    }
}
