package exercise.every_address;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Instructor notes: the resolver's UnknownHostException must come out as it is (not wrapped, not
// swallowed into "no address worked"), an empty list is an IOException rather than a null socket or
// an index error, three addresses are tried in order with only the last one listening, and the
// host name given is the one resolved (no hard-coded "localhost").
@Timeout(30)
class EveryAddressHiddenTest {
    @Test
    void anUnknownNameIsTheResolversUnknownHostException() {
        UnknownHostException unknown = assertThrows(UnknownHostException.class,
                () -> EveryAddress.connect("nowhere.test", 80, EveryAddressTest.listing(), 500),
                say("the resolver knows no nowhere.test: let its UnknownHostException through", "解析器不认识 nowhere.test：让它的 UnknownHostException 原样抛出"));
        assertEquals("nowhere.test", unknown.getMessage());
    }

    @Test
    void aNameWithNoAddressIsAnIoException() {
        assertThrows(IOException.class, () -> EveryAddress.connect("example.test", 80, EveryAddressTest.listing(), 500),
                say("no address at all: an IOException, not null", "一个地址都没有：应抛出 IOException，而不是返回 null"));
    }

    @Test
    void triesThreeInOrderUntilTheLast() throws Exception {
        int port = EveryAddressTest.closedPort();
        InetAddress[] three = {InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3"), InetAddress.getByName("127.0.0.1")};
        try (ServerSocket server = EveryAddressTest.listen("127.0.0.1", port, 5);
             Socket socket = EveryAddress.connect("example.test", port, EveryAddressTest.listing(three), 1000)) {
            assertEquals("127.0.0.1", socket.getInetAddress().getHostAddress());
            assertEquals(port, socket.getPort());
        }
    }
}
