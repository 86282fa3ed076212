package io.socketlab.grade;

import io.socketlab.testkit.Subject;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the stubs the course's tests compile against when they run apart from the learner's code:
 * for each class of the exercise's starter, a class with the same name and the same non-private
 * constructors and methods, whose bodies forward to the learner's process ({@link Subject}). An
 * exception class becomes an exception of the same name and constructors, so a test can expect it.
 * The signatures come from the starter's compiled classes, loaded without running any of their code.
 */
final class StubWriter {
    private StubWriter() {
    }

    /** Writes a stub source under {@code out} for every top-level class in {@code apiClasses}. */
    static void write(Path apiClasses, Path out) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(apiClasses)) {
            walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .forEach(p -> names.add(apiClasses.relativize(p).toString().replace(p.getFileSystem().getSeparator(), ".")
                            .replaceAll("\\.class$", "")));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {apiClasses.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IOException("the starter's class " + name + " cannot be read: " + e, e);
                }
                if (type.isAnnotation()) {
                    continue;
                }
                Path file = out.resolve(name.replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, header(type).append(stub(type)).toString(), StandardCharsets.UTF_8);
            }
        }
    }

    /** The stub of one type: an enum and an interface as themselves, an exception and a class as forwarders. */
    private static String stub(Class<?> type) {
        if (type.isEnum()) {
            return enumStub(type);
        }
        if (type.isInterface()) {
            return interfaceStub(type);
        }
        return Throwable.class.isAssignableFrom(type) ? exceptionStub(type) : classStub(type);
    }

    /** The types declared inside {@code type} a test can name (an enum in a record, say), each as a stub, indented. */
    private static String members(Class<?> type) {
        StringBuilder text = new StringBuilder();
        for (Class<?> member : type.getDeclaredClasses()) {
            if (Modifier.isPrivate(member.getModifiers()) || member.isSynthetic() || member.isAnnotation()) {
                continue;
            }
            String nested = stub(member);
            if (!member.isEnum() && !member.isInterface() && !Modifier.isStatic(member.getModifiers())) {
                // an inner class's stub needs no outer instance: it only forwards
                nested = nested.replaceFirst("class ", "static class ");
            }
            text.append('\n');
            nested.lines().forEach(line -> text.append(line.isEmpty() ? "" : "    " + line).append('\n'));
        }
        return text.toString();
    }

    /** An enum as the starter has it, constants only: constants cross between the JVMs by name. */
    private static String enumStub(Class<?> type) {
        StringBuilder text = new StringBuilder(modifiers(type.getModifiers() & ~Modifier.FINAL & ~Modifier.ABSTRACT & ~Modifier.STATIC))
                .append("enum ").append(type.getSimpleName()).append(" {\n    ");
        List<String> constants = new ArrayList<>();
        for (Object constant : enumConstants(type)) {
            constants.add(constant.toString());
        }
        return text.append(String.join(", ", constants)).append(";\n").append(members(type)).append("}\n").toString();
    }

    /** The names of an enum's constants, read from its fields so that none of its code runs. */
    private static Object[] enumConstants(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
            if (field.isEnumConstant()) {
                names.add(field.getName());
            }
        }
        return names.toArray();
    }

    /**
     * An interface as the starter has it, abstract methods only: a test may implement it and pass
     * its object, whose methods the learner's process then calls back.
     */
    private static String interfaceStub(Class<?> type) {
        StringBuilder text = new StringBuilder(modifiers(type.getModifiers() & ~Modifier.ABSTRACT & ~Modifier.STATIC))
                .append("interface ").append(type.getSimpleName()).append(" {\n");
        for (Method m : type.getDeclaredMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            String returns = m.getTypeParameters().length > 0 ? m.getReturnType().getCanonicalName() : source(m.getGenericReturnType());
            text.append("    ").append(returns).append(' ').append(m.getName()).append('(').append(parameters(m)).append(')')
                    .append(throwsClause(m)).append(";\n");
        }
        return text.append(members(type)).append("}\n").toString();
    }

    private static String exceptionStub(Class<?> type) {
        StringBuilder text = new StringBuilder();
        text.append(modifiers(type.getModifiers() & ~Modifier.ABSTRACT)).append("class ").append(type.getSimpleName())
                .append(" extends ").append(type.getSuperclass().getName()).append(" {\n");
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (Modifier.isPrivate(c.getModifiers()) || c.isSynthetic()) {
                continue;
            }
            text.append("    ").append(modifiers(c.getModifiers())).append(type.getSimpleName()).append('(')
                    .append(parameters(c)).append(") {\n        super(").append(arguments(c)).append(");\n    }\n");
        }
        return text.append("}\n").toString();
    }

    private static String classStub(Class<?> type) {
        String self = type.getSimpleName();
        String api = Subject.class.getName();
        StringBuilder text = new StringBuilder();
        text.append("@SuppressWarnings(\"unchecked\")\n").append(modifiers(type.getModifiers() & ~Modifier.ABSTRACT))
                .append("class ").append(self).append(" implements ").append(api).append(".Stub {\n")
                .append("    private final ").append(api).append(".Ref socketlab$handle;\n\n")
                .append("    private ").append(self).append('(').append(api).append(".Ref handle) {\n")
                .append("        this.socketlab$handle = handle;\n    }\n\n")
                .append("    @Override\n    public ").append(api).append(".Ref socketlab$handle() {\n        return socketlab$handle;\n    }\n");
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (Modifier.isPrivate(c.getModifiers()) || c.isSynthetic()) {
                continue;
            }
            text.append("\n    ").append(modifiers(c.getModifiers())).append(self).append('(').append(parameters(c)).append(')')
                    .append(throwsClause(c)).append(" {\n        this.socketlab$handle = ").append(api).append(".construct(\"")
                    .append(type.getName()).append("\", ").append(erasures(c)).append(arguments(c).isEmpty() ? "" : ", ")
                    .append(arguments(c)).append(");\n    }\n");
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPrivate(m.getModifiers()) || m.isSynthetic() || m.isBridge() || Modifier.isAbstract(m.getModifiers())) {
                continue;
            }
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            boolean generic = m.getTypeParameters().length > 0;
            String returns = generic ? m.getReturnType().getCanonicalName() : source(m.getGenericReturnType());
            text.append("\n    ").append(modifiers(m.getModifiers() & ~Modifier.SYNCHRONIZED & ~Modifier.NATIVE))
                    .append(returns).append(' ').append(m.getName()).append('(').append(parameters(m)).append(')')
                    .append(throwsClause(m)).append(" {\n        ");
            String call = api + ".call(\"" + type.getName() + "\", \"" + m.getName() + "\", " + erasures(m) + ", "
                    + (isStatic ? "null" : "this") + (arguments(m).isEmpty() ? "" : ", " + arguments(m)) + ")";
            if (m.getReturnType() == void.class) {
                text.append(call).append(";\n    }\n");
            } else {
                text.append("return (").append(boxed(m.getReturnType(), returns)).append(") ").append(call).append(";\n    }\n");
            }
        }
        return text.append(members(type)).append("}\n").toString();
    }

    private static StringBuilder header(Class<?> type) {
        StringBuilder text = new StringBuilder("// Generated by SocketLab from the starter: the tests call the learner's process through it.\n");
        if (!type.getPackageName().isEmpty()) {
            text.append("package ").append(type.getPackageName()).append(";\n\n");
        }
        return text;
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
                | Modifier.ABSTRACT));
        return text.isEmpty() ? "" : text + " ";
    }

    private static String parameters(Executable e) {
        Type[] types = e.getTypeParameters().length > 0 ? e.getParameterTypes() : e.getGenericParameterTypes();
        if (types.length != e.getParameterCount()) {
            // an inner class's or enum's hidden parameters: the erased list is the declared one
            types = e.getParameterTypes();
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String shown = source(types[i]);
            if (e.isVarArgs() && i == types.length - 1 && shown.endsWith("[]")) {
                shown = shown.substring(0, shown.length() - 2) + "...";
            }
            params.add(shown + " a" + i);
        }
        return String.join(", ", params);
    }

    private static String arguments(Executable e) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < e.getParameterCount(); i++) {
            args.add("a" + i);
        }
        return String.join(", ", args);
    }

    private static String erasures(Executable e) {
        List<String> names = new ArrayList<>();
        for (Class<?> p : e.getParameterTypes()) {
            names.add('"' + p.getName() + '"');
        }
        return "new String[] {" + String.join(", ", names) + "}";
    }

    private static String throwsClause(Executable e) {
        List<String> names = new ArrayList<>();
        for (Class<?> t : e.getExceptionTypes()) {
            names.add(t.getCanonicalName());
        }
        return names.isEmpty() ? "" : " throws " + String.join(", ", names);
    }

    private static String source(Type type) {
        return type.getTypeName().replace('$', '.');
    }

    private static String boxed(Class<?> type, String declared) {
        if (!type.isPrimitive()) {
            return declared;
        }
        return switch (type.getName()) {
            case "int" -> "Integer";
            case "char" -> "Character";
            default -> Character.toUpperCase(type.getName().charAt(0)) + type.getName().substring(1);
        };
    }
}
