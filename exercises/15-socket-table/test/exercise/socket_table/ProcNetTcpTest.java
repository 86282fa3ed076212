package exercise.socket_table;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lines copied from a real /proc/net/tcp and tcp6 (Linux, x86-64, little-endian). */
@Timeout(10)
class ProcNetTcpTest {
    static final String LISTENER = "   0: 0100007F:82B3 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 34424 3 00000000c4f586ed 100 0 0 10 0";
    static final String CLOSE_WAIT = "   5: 0100007F:82B3 0100007F:DCC4 08 00000000:00000001 00:00000000 00000000     0        0 34448 1 0000000075ddbacb 20 4 0 10 -1";
    static final String SYN_SENT = "   4: 0100007F:DCDC 0100007F:82B3 02 00000001:00000000 01:00000045 00000000     0        0 34427 2 000000009de92658 100 0 0 10 -1";
    static final String IPV6 = "   2: 00000000000000000000000001000000:C66B 00000000000000000000000001000000:B7FC 01 00000000:00000000 00:00000000 00000000     0        0 0 1 0000000095e7b977 20 0 0 10 -1";
    static final String MAPPED = "   4: 0000000000000000FFFF00000100007F:995F 0000000000000000FFFF00000100007F:E59A 01 00000000:00000000 00:00000000 00000000     0        0 0 1 000000002a8fe023 20 0 0 10 -1";

    private static String text(InetAddress address) {
        return address.getHostAddress();
    }

    @Test
    @Tag("points=2")
    void decodesALittleEndianIpv4AddressAndAHexPort() {
        assertEquals("127.0.0.1", text(ProcNetTcp.address("0100007F")),
                say("0100007F is one 32-bit word printed in little-endian order: its bytes are 7F 00 00 01, that is 127.0.0.1"
                        + " (read forwards it would be 1.0.0.127)",
                        "0100007F 是按小端序打印的一个 32 位字：它的字节是 7F 00 00 01，也就是 127.0.0.1（正着读就成了 1.0.0.127）"));
        assertEquals("192.168.1.20", text(ProcNetTcp.address("1401A8C0")));
        SocketLine listener = ProcNetTcp.parse(LISTENER);
        assertEquals(33459, listener.localPort(),
                say("the port after the colon is a plain hex number: 82B3 is 33459 (parse it with radix 16)",
                        "冒号后面的端口就是普通的十六进制数：82B3 是 33459（用 16 进制解析）"));
        assertEquals("127.0.0.1", text(listener.localAddress()));
        assertEquals(0, listener.remotePort());
    }

    @Test
    @Tag("points=2")
    void namesTheStatesAsSsDoes() {
        assertEquals("LISTEN", ProcNetTcp.parse(LISTENER).state(), say("state 0A is LISTEN", "状态 0A 是 LISTEN"));
        assertEquals("CLOSE-WAIT", ProcNetTcp.parse(CLOSE_WAIT).state(), say("state 08 is CLOSE-WAIT", "状态 08 是 CLOSE-WAIT"));
        assertEquals("SYN-SENT", ProcNetTcp.parse(SYN_SENT).state(), say("state 02 is SYN-SENT", "状态 02 是 SYN-SENT"));
        assertEquals("ESTABLISHED", ProcNetTcp.parse(IPV6).state(), say("state 01 is ESTABLISHED", "状态 01 是 ESTABLISHED"));
    }

    @Test
    @Tag("points=2")
    void readsTheSendQueueThenTheReceiveQueue() {
        SocketLine listener = ProcNetTcp.parse(LISTENER);
        assertEquals(2, listener.receiveQueue(),
                say("the field 00000000:00000002 is tx_queue:rx_queue; a listener's rx_queue (2) is its accept queue",
                        "字段 00000000:00000002 是 tx_queue:rx_queue；监听套接字的 rx_queue（2）就是它的全连接队列"));
        assertEquals(0, listener.sendQueue());
        SocketLine synSent = ProcNetTcp.parse(SYN_SENT);
        assertEquals(1, synSent.sendQueue(),
                say("00000001:00000000: the first number is the send queue (the SYN waiting for its answer)",
                        "00000001:00000000：第一个数是发送队列（等着回应的那个 SYN）"));
    }

    @Test
    @Tag("points=3")
    void decodesIpv6AsFourLittleEndianWords() {
        SocketLine loopback = ProcNetTcp.parse(IPV6);
        assertEquals("0:0:0:0:0:0:0:1", text(loopback.localAddress()),
                say("00000000000000000000000001000000 is four words; reverse the bytes of each word, not the whole address: ::1",
                        "00000000000000000000000001000000 是四个字；要把每个字的字节分别倒过来，而不是把整个地址倒过来：::1"));
        assertEquals(50795, loopback.localPort());
        SocketLine mapped = ProcNetTcp.parse(MAPPED);
        assertEquals("0:0:0:0:0:ffff:7f00:1", text(mapped.localAddress()),
                say("0000000000000000FFFF00000100007F is ::ffff:127.0.0.1, an IPv4 caller of a dual-stack socket;"
                        + " keep it an IPv6 address (Inet6Address.getByAddress(null, bytes, -1))",
                        "0000000000000000FFFF00000100007F 是 ::ffff:127.0.0.1，双栈套接字的 IPv4 来电者；"
                        + "要保持它是 IPv6 地址（Inet6Address.getByAddress(null, bytes, -1)）"));
    }

    @Test
    @Tag("points=1")
    void refusesWhatIsNotASocketLine() {
        assertThrows(IllegalArgumentException.class,
                () -> ProcNetTcp.parse("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"),
                say("the header line is not a socket: IllegalArgumentException", "标题行不是套接字：应抛出 IllegalArgumentException"));
        assertThrows(IllegalArgumentException.class, () -> ProcNetTcp.address("0100007"),
                say("7 hex digits are no address: IllegalArgumentException", "7 个十六进制数字不是地址：应抛出 IllegalArgumentException"));
    }
}
