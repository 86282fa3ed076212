package exercise.every_address;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a name into its addresses, in the order to try them; InetAddress::getAllByName in a real program. */
@FunctionalInterface
public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
}
