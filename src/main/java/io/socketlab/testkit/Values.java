package io.socketlab.testkit;

import java.lang.reflect.Array;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of a few JDK types that cross between the JVMs as copies: an enum constant by its class
 * and name, an {@link InetAddress} by its name and literal (no lookup on either side), a
 * {@link Path} by its text (the learner's process sees the same folder at the same place), and an
 * array of such values as a list that says its element type.
 */
final class Values {
    /** The first element of a list that stands for an array: the marker and the element class. */
    private static final String ARRAY = "\u0000array:";

    private Values() {
    }

    /** {@code value} as it crosses, or {@code value} itself when it is none of these kinds. */
    static Object out(Object value) {
        if (value instanceof Enum<?> constant) {
            return new Wire.Handle("enum", 0, constant.getDeclaringClass().getName() + "#" + constant.name());
        }
        if (value instanceof InetAddress address) {
            return new Wire.Handle("inet", 0, address.toString());
        }
        if (value instanceof Path path) {
            return new Wire.Handle("path", 0, path.toAbsolutePath().toString());
        }
        if (value instanceof Object[] array && isCopied(array.getClass().getComponentType())) {
            List<Object> list = new ArrayList<>();
            list.add(ARRAY + array.getClass().getComponentType().getName());
            for (Object element : array) {
                list.add(out(element));
            }
            return list;
        }
        return value;
    }

    /** Whether an array of {@code type} crosses as a copy. */
    private static boolean isCopied(Class<?> type) {
        return type.isEnum() || InetAddress.class.isAssignableFrom(type) || Path.class.isAssignableFrom(type)
                || type == String.class;
    }

    /** Whether {@code value} is one of this class's crossing forms. */
    static boolean isCopy(Object value) {
        return value instanceof Wire.Handle h && (h.kind().equals("enum") || h.kind().equals("inet") || h.kind().equals("path"))
                || value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s && s.startsWith(ARRAY);
    }

    /** The value a crossing form stands for, its enum and array classes as {@code loader} has them. */
    static Object in(Object value, ClassLoader loader) {
        if (value instanceof Wire.Handle h) {
            return switch (h.kind()) {
                case "enum" -> Subject.enumConstant(h, loader);
                case "inet" -> address(h.detail());
                case "path" -> Path.of(h.detail());
                default -> value;
            };
        }
        if (isCopy(value)) {
            List<?> list = (List<?>) value;
            String name = ((String) list.get(0)).substring(ARRAY.length());
            Class<?> type;
            try {
                type = name.startsWith("exercise.") ? Class.forName(name, false, loader) : Class.forName(name, false, null);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("an array of " + name + " cannot cross", e);
            }
            if (!isCopied(type)) {
                throw new IllegalArgumentException("an array of " + name + " cannot cross");
            }
            Object array = Array.newInstance(type, list.size() - 1);
            for (int i = 1; i < list.size(); i++) {
                Array.set(array, i - 1, in(list.get(i), loader));
            }
            return array;
        }
        return value;
    }

    /** {@code name/literal}, as {@link InetAddress#toString()} writes it, made again without a lookup. */
    private static InetAddress address(String text) {
        int slash = text.indexOf('/');
        String host = slash <= 0 ? null : text.substring(0, slash);
        String literal = text.substring(slash + 1);
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && bytes.length == 4) {
                // ::ffff:a.b.c.d stays an IPv6 address, as it was (getByName makes it IPv4)
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return Inet6Address.getByAddress(host, mapped, -1);
            }
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + text, e);
        }
    }
}
