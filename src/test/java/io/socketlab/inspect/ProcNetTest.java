package io.socketlab.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real /proc/net lines captured on this machine (see fixtures/proc-net/README.md), parsed. */
class ProcNetTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/proc-net");

    private static List<SocketEntry> file(String name) throws IOException {
        return ProcNet.parse(name, Files.readAllLines(FIXTURES.resolve(name)));
    }

    @Test
    void anIpv4ListenerWithTwoConnectionsWaitingToBeAccepted() throws IOException {
        SocketEntry listener = file("tcp").get(0);
        assertEquals("LISTEN", listener.state());
        assertEquals("127.0.0.1:33459", SocketEntry.text(listener.local()));
        assertEquals("*:*", SocketEntry.text(listener.remote()));
        assertEquals(2, listener.recvQ(), "a listener's rx_queue is its accept queue");
        assertEquals(-1, listener.sendQ(), "its backlog, ss's Send-Q for a listener, is not in /proc/net: unknown, not 0");
        assertEquals(34424, listener.inode());
    }

    @Test
    void everyStateOfTheCaptureIsNamedAsSsNamesIt() throws IOException {
        List<String> states = file("tcp").stream().map(SocketEntry::state).toList();
        assertEquals(List.of("LISTEN", "LISTEN", "ESTABLISHED", "FIN-WAIT-2", "SYN-SENT", "CLOSE-WAIT", "TIME-WAIT"), states);
    }

    @Test
    void aConnectionWaitingInTheAcceptQueueAndATimeWaitBelongToNoProcess() throws IOException {
        List<SocketEntry> tcp = file("tcp");
        assertEquals(0, tcp.get(2).inode());
        assertEquals("127.0.0.1:56530", SocketEntry.text(tcp.get(2).remote()));
        assertEquals(0, tcp.get(6).inode());
    }

    @Test
    void theSendQueueOfACallStillInSynSentHoldsItsSyn() throws IOException {
        SocketEntry synSent = file("tcp").get(4);
        assertEquals("SYN-SENT", synSent.state());
        assertEquals(1, synSent.sendQ());
    }

    @Test
    void ipv6AddressesAreFourLittleEndianWords() throws IOException {
        List<SocketEntry> tcp6 = file("tcp6");
        assertEquals("[::1]:50795", SocketEntry.text(tcp6.get(1).local()));
        assertEquals("*:39263", SocketEntry.text(tcp6.get(0).local()), "the IPv6 wildcard ::");
        assertEquals("[::1]:47100", SocketEntry.text(tcp6.get(2).remote()));
    }

    @Test
    void anIpv4CallerOfADualStackListenerIsAnIpv4MappedAddress() throws IOException {
        SocketEntry mapped = file("tcp6").get(4);
        assertEquals("[::ffff:127.0.0.1]:39263", SocketEntry.text(mapped.local()));
        assertEquals("[::ffff:127.0.0.1]:58778", SocketEntry.text(mapped.remote()));
    }

    @Test
    void udpSocketsAreUnconnectedAndCountQueuedBytesWithTheKernelsBookkeeping() throws IOException {
        List<SocketEntry> udp = file("udp");
        assertEquals(List.of("UNCONN", "UNCONN"), udp.stream().map(SocketEntry::state).toList());
        assertEquals("*:45743", SocketEntry.text(udp.get(0).local()));
        assertEquals(0x340, udp.get(1).recvQ(), "one 10-byte datagram, counted with its buffer overhead");
        assertEquals("[::1]:58326", SocketEntry.text(file("udp6").get(0).local()));
    }

    @Test
    void aHandshakeHalfDoneIsSynRecvWhicheverNumberTheKernelUses() {
        // 03 is TCP_SYN_RECV; 0C, TCP_NEW_SYN_RECV, is how newer kernels keep a request not yet answered by the ACK
        SocketEntry half = ProcNet.parseLine("tcp",
                "2: 0100007F:82B3 0100007F:DCD2 03 00000000:00000000 02:00000093 00000002 0 0 0 0 0000000000000000");
        assertEquals("SYN-RECV", half.state());
        assertEquals("127.0.0.1:56530", SocketEntry.text(half.remote()));
        assertEquals("SYN-RECV", ProcNet.state("tcp", 0x0C));
        assertEquals("UNKNOWN-13", ProcNet.state("tcp", 13));
    }

    @Test
    void addressesDecodeByteByByte() {
        assertEquals("127.0.0.1:8080", SocketEntry.text(ProcNet.address("0100007F:1F90")));
        assertEquals("192.168.1.20:443", SocketEntry.text(ProcNet.address("1401A8C0:01BB")));
    }

    @Test
    void aLineThatIsNotASocketSaysWhatItIs() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ProcNet.parseLine("tcp", "0: 0100007F:1F90 zz 0A 0:0 0 0 0 0 1"));
        assertTrue(bad.getMessage().contains("not a /proc/net/tcp line"), bad.getMessage());
    }

    @Test
    void netstatOnMacosAndLinuxAndLsofGiveTheSameEntries() {
        List<SocketEntry> mac = ToolOutput.netstat(List.of(
                "Active Internet connections (including servers)",
                "Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)",
                "tcp4       2      0  127.0.0.1.8080         *.*                    LISTEN",
                "tcp6       0      0  ::1.8080               ::1.50000              ESTABLISHED",
                "udp4       0      0  *.9000                 *.*"));
        assertEquals(3, mac.size());
        assertEquals("127.0.0.1:8080", SocketEntry.text(mac.get(0).local()));
        assertEquals(2, mac.get(0).recvQ());
        assertEquals("[::1]:50000", SocketEntry.text(mac.get(1).remote()));
        assertEquals("UNCONN", mac.get(2).state());
        List<SocketEntry> linux = ToolOutput.netstat(List.of(
                "tcp        0      0 127.0.0.1:8080          127.0.0.1:50000         TIME_WAIT"));
        assertEquals("TIME-WAIT", linux.get(0).state());
        List<SocketEntry> lsof = ToolOutput.lsof(List.of(
                "COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME",
                "java    4242   me   12u  IPv6 0x1234      0t0  TCP [::1]:8080->[::1]:50000 (ESTABLISHED)",
                "java    4242   me   13u  IPv4 0x1235      0t0  TCP 127.0.0.1:8080 (LISTEN)"));
        assertEquals(List.of("ESTABLISHED", "LISTEN"), lsof.stream().map(SocketEntry::state).toList());
        assertEquals(-1, lsof.get(0).recvQ(), "lsof gives no queues");
        assertEquals("tcp6", lsof.get(0).protocol());
    }

    @Test
    void rowsLineUpUnderSsColumnNames() throws IOException {
        List<String> rows = SocketRows.lines(file("tcp").subList(0, 3));
        assertTrue(rows.get(0).startsWith("Netid  State"), rows.get(0));
        assertEquals("*:2024", rows.get(1).substring(rows.get(0).indexOf("Local")).split(" ")[0], "listeners first, by port");
        assertEquals(rows.get(0).indexOf("Local"), rows.get(2).indexOf("127.0.0.1:33459"), rows.toString());
        assertTrue(rows.get(3).contains("ESTABLISHED"), rows.toString());
    }
}
