package io.socketlab.grade;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;

/**
 * The JVM-wide settings learner code may change (locale, time zone, system properties, the
 * default handler of uncaught exceptions, standard input), put back before each run so that
 * one run of a warm JVM cannot change what the next one sees.
 */
record JvmDefaults(Locale locale, Locale display, Locale format, TimeZone zone, Properties properties,
        Thread.UncaughtExceptionHandler handler) {
    static JvmDefaults take() {
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        return new JvmDefaults(Locale.getDefault(), Locale.getDefault(Locale.Category.DISPLAY),
                Locale.getDefault(Locale.Category.FORMAT), TimeZone.getDefault(), properties,
                Thread.getDefaultUncaughtExceptionHandler());
    }

    void restore() {
        Locale.setDefault(locale);
        Locale.setDefault(Locale.Category.DISPLAY, display);
        Locale.setDefault(Locale.Category.FORMAT, format);
        TimeZone.setDefault(zone);
        Properties fresh = new Properties();
        fresh.putAll(properties);
        System.setProperties(fresh);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        // stdin carries the parent's orders; learner code reading it sees an empty stream
        System.setIn(new ByteArrayInputStream(new byte[0]));
    }
}
