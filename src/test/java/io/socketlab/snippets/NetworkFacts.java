package io.socketlab.snippets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The facts of chapters 11 to 13 (HTTP on a stream, names and addresses, live sockets), each in a
 * named region that a lesson includes. NetworkFactsTest runs every region.
 */
final class NetworkFacts {

    private NetworkFacts() {
    }

    /** The bytes of a GET for /hello.txt, as a browser's would start. */
    static byte[] requestBytes(int port) {
        // region request-bytes
        String request = "GET /hello.txt HTTP/1.1\r\n"      // request line
                + "Host: 127.0.0.1:" + port + "\r\n"          // header lines
                + "Connection: close\r\n"
                + "\r\n";                                     // blank line: end of the head
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        // endregion
        return bytes;
    }

    /** A response head and body: the length counts the body's bytes. */
    static byte[] responseBytes(String body) {
        // region response-bytes
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + content.length + "\r\n"   // bytes, not characters
                + "\r\n";
        // endregion
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(content, 0, all, headBytes.length, content.length);
        return all;
    }

    /** The client writes a question, half-closes, and still reads the answer to the end. */
    static String askAndReadToTheEnd(Socket client, String question) throws IOException {
        // region half-close
        OutputStream out = client.getOutputStream();
        out.write(question.getBytes(StandardCharsets.UTF_8));
        client.shutdownOutput();                  // FIN: no more from me
        InputStream in = client.getInputStream(); // but I can still read
        String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        // endregion
        return answer;
    }

    /** The server reads until the client's FIN, then answers and closes. */
    static void answerAfterTheEnd(Socket conn) throws IOException {
        // region read-to-end
        byte[] question = conn.getInputStream().readAllBytes();   // returns at the FIN
        String reply = question.length + " bytes, then the end";
        conn.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
        conn.close();                                             // our FIN ends the reply
        // endregion
    }

    /** Every address of a name, in the resolver's order. */
    static List<InetAddress> allAddresses(String name) throws IOException {
        // region all-by-name
        InetAddress[] addresses = InetAddress.getAllByName(name);
        for (InetAddress address : addresses) {
            System.out.println(name + " -> " + address.getHostAddress());
        }
        // endregion
        return List.of(addresses);
    }

    /** An IPv6 literal, with and without brackets, and in a URL. */
    static String[] ipv6Literals() throws IOException {
        // region ipv6-literal
        InetAddress one = InetAddress.getByName("::1");           // no lookup: a literal
        InetAddress same = InetAddress.getByName("[::1]");        // brackets are accepted too
        URI url = URI.create("http://[::1]:8080/index.html");     // in a URL they are required
        InetSocketAddress endpoint = new InetSocketAddress(one, 8080);
        // endregion
        return new String[] {one.getHostAddress(), String.valueOf(one.equals(same)), url.getHost(),
            String.valueOf(url.getPort()), endpoint.toString()};
    }

    /** A server bound to one address is not reachable at another address of the same machine. */
    static ServerSocket bindToOneAddress() throws IOException {
        // region one-address
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));   // only this address
        // endregion
        return server;
    }

    /** The wildcard address a server binds to for every interface, without binding it. */
    static InetSocketAddress wildcard(int port) {
        // region wildcard
        InetSocketAddress everyInterface = new InetSocketAddress(port);  // 0.0.0.0 or ::
        // endregion
        return everyInterface;
    }

    /** The four numbers that name one connection, seen from the server. */
    static String fourTuple(Socket conn) {
        // region four-tuple
        String tuple = conn.getInetAddress().getHostAddress() + ":" + conn.getPort()    // remote
                + " -> " + conn.getLocalAddress().getHostAddress() + ":" + conn.getLocalPort(); // local
        // endregion
        return tuple;
    }

    /** Linux's range for ephemeral ports, the ports connect picks for a client. */
    static int[] ephemeralRange() throws IOException {
        // region ephemeral
        String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0);
        String[] ends = range.trim().split("\\s+");   // "32768	60999" on most systems
        // endregion
        return new int[] {Integer.parseInt(ends[0]), Integer.parseInt(ends[1])};
    }

    /** Whether an address is one of the private ranges (10/8, 172.16/12, 192.168/16). */
    static boolean isPrivate(String literal) throws IOException {
        // region private
        InetAddress address = InetAddress.getByName(literal);    // a literal: no lookup
        boolean inPrivateRange = address.isSiteLocalAddress();   // 10.x, 172.16-31.x, 192.168.x
        // endregion
        return inPrivateRange;
    }

    /** A UDP datagram to a port where nobody listens: the ICMP error reaches a connected socket. */
    static void sendToNobody(DatagramSocket socket, int closedPort) throws IOException {
        // region port-unreachable
        socket.connect(new InetSocketAddress("127.0.0.1", closedPort));   // remember the peer
        socket.send(new DatagramPacket(new byte[] {1}, 1));
        socket.receive(new DatagramPacket(new byte[16], 16));             // PortUnreachableException
        // endregion
    }
}
