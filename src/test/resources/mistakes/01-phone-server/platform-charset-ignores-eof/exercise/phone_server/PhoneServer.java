package exercise.phone_server;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;

public final class PhoneServer {
    private PhoneServer() {
    }

    public static void answerOneCall(ServerSocket listening) throws IOException {
        Socket call = listening.accept();
        InputStream in = call.getInputStream();
        byte[] heard = new byte[1024];
        int count = in.read(heard);
        String text = new String(heard, 0, count);
        call.getOutputStream().write(text.toUpperCase(Locale.ROOT).getBytes());
        call.close();
        listening.close();
    }
}
