package exercise.socket_table;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Instructor notes: every state number (a table with an off-by-one index fails some), lower-case
// hex, a line without leading spaces, the highest port (FFFF read as a signed short), a private
// address (bytes above 127 read as negative), a state number the kernel does not define, and a
// line cut short.
@Timeout(10)
class ProcNetTcpHiddenTest {
    private static String line(String state) {
        return "1: 0100007F:1F90 0100007F:D431 " + state + " 00000000:00000000 00:00000000 00000000  1000 0 4242 1 0 20 4 0 10 -1";
    }

    @Test
    void namesEveryState() {
        String[] names = {"ESTABLISHED", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
            "CLOSE", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING"};
        for (int code = 1; code <= 11; code++) {
            assertEquals(names[code - 1], ProcNetTcp.parse(line(String.format("%02X", code))).state(),
                    say("state " + String.format("%02X", code), "状态 " + String.format("%02X", code)));
        }
    }

    @Test
    void acceptsLowerCaseHexAndNoLeadingSpaces() {
        SocketLine entry = ProcNetTcp.parse("0: 1401a8c0:ffff 00000000:0000 0a 00000000:0000000a 00:00000000 00000000 0 0 1 1 0 100 0 0 10 0");
        assertEquals("192.168.1.20", entry.localAddress().getHostAddress());
        assertEquals(65535, entry.localPort(), say("port ffff is 65535", "端口 ffff 是 65535"));
        assertEquals("LISTEN", entry.state());
        assertEquals(10, entry.receiveQueue());
    }

    @Test
    void readsTheRemoteEnd() {
        SocketLine entry = ProcNetTcp.parse(line("06"));
        assertEquals("127.0.0.1", entry.remoteAddress().getHostAddress());
        assertEquals(54321, entry.remotePort());
        assertEquals("TIME-WAIT", entry.state());
    }

    @Test
    void refusesAnUnknownStateAndAShortLine() {
        assertThrows(IllegalArgumentException.class, () -> ProcNetTcp.parse(line("1F")),
                say("there is no state 1F", "没有编号为 1F 的状态"));
        assertThrows(IllegalArgumentException.class, () -> ProcNetTcp.parse("0: 0100007F:1F90"),
                say("a line cut after the local address", "在本地地址之后就断了的行"));
        assertThrows(IllegalArgumentException.class, () -> ProcNetTcp.address("0100007G"));
    }
}
