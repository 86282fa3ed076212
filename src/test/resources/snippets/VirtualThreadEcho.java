import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 9's note on virtual threads, run on a JDK 21 or later: the thread-per-client echo server
 * with Thread.ofVirtual() in place of new Thread(), and many clients connected and idle at once.
 * Prints how many were answered and how many operating-system threads the process had while
 * every client's virtual thread was blocked in a read. Needs JDK 21+: it does not compile for 17.
 */
public class VirtualThreadEcho {
    static void talk(Socket conn) {
        try (conn;
             var in = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
             var out = new PrintWriter(conn.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
            }
        } catch (Exception e) {
            // the client went away: this client's thread ends, the others go on
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        try (ServerSocket listening = new ServerSocket(0, clients, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket conn = listening.accept();
                        Thread.ofVirtual().start(() -> talk(conn));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
                s.setSoTimeout(30_000);
                idle.add(s);
            }
            // every client connected and silent: each server thread is blocked in readLine
            int answered = 0;
            for (int i = 0; i < clients; i++) {
                Socket s = idle.get(i);
                s.getOutputStream().write(("client " + i + "\n").getBytes(StandardCharsets.UTF_8));
                String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                if (("client " + i).equals(reply)) {
                    answered++;
                }
            }
            long osThreads;
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                osThreads = tasks.count();
            }
            System.out.println("answered " + answered + " of " + clients);
            System.out.println("os threads " + osThreads);
            for (Socket s : idle) {
                s.close();
            }
            listening.close();
            acceptor.join(10_000);
        }
    }
}
