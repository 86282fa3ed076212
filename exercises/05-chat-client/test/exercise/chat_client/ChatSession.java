package exercise.chat_client;

import io.socketlab.testkit.LearnerCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static io.socketlab.testkit.Say.say;

/** Runs the learner's ChatClient on scripted input against an EchoServer and keeps the output. */
final class ChatSession {
    final List<String> outputLines;
    final List<String> serverHeard;
    final String input;

    private ChatSession(String input, List<String> outputLines, List<String> serverHeard) {
        this.input = input;
        this.outputLines = outputLines;
        this.serverHeard = serverHeard;
    }

    static ChatSession run(String input, int replyTimeoutMs) throws IOException, InterruptedException {
        try (EchoServer server = new EchoServer();
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(replyTimeoutMs);
            StringWriter written = new StringWriter();
            ChatClient client = new ChatClient(socket, ChatClient.articleContacts(server.address()),
                    new BufferedReader(new StringReader(input)), new PrintWriter(written));
            try {
                client.run();
            } catch (RuntimeException | IOException e) {
                // what led up to it is the clue: the line typed last, what the server heard
                ChatSession sofar = new ChatSession(input, written.toString().lines().toList(), server.heard());
                throw new AssertionError(say("your client threw ", "你的客户端抛出了 ") + e + where(e) + "\n" + sofar.describe(), e);
            }
            return new ChatSession(input, written.toString().lines().toList(), server.heard());
        }
    }

    /** " (at ChatClient.java:43)" for the learner's line that threw, or nothing. */
    private static String where(Throwable e) {
        StackTraceElement frame = LearnerCode.where(e.getStackTrace());
        return frame == null ? "" : say(" (at ", "（位于 ") + LearnerCode.place(frame) + say(")", "）");
    }

    /** The exchange, for a failure message. */
    String describe() {
        return say("typed:\n  ", "输入的内容：\n  ") + input.replace("\n", "\n  ")
                + say("\nthe server heard: ", "\n服务器收到的：") + serverHeard
                + say("\nyour client printed: ", "\n你的客户端打印的：") + outputLines;
    }
}
