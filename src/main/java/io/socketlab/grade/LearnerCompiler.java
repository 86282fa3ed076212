package io.socketlab.grade;

import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles an exercise's Java sources in this JVM with {@code javax.tools}. */
final class LearnerCompiler {
    private LearnerCompiler() {
    }

    /**
     * The outcome: no errors means the classes are in the output folder.
     *
     * @param classSources each compiled class's binary name ({@code exercise.x.FooTest$Inner}) and
     *     the source file javac wrote it from
     * @param api what other code compiled against these classes can see of them ({@link ApiText}),
     *     when the compile was asked for it; else empty
     */
    record Outcome(boolean ok, String errors, Map<String, Path> classSources, String api) {
        /** Whether {@code className} was compiled from a file under {@code dir}. */
        boolean compiledFrom(String className, Path dir) {
            Path source = classSources.get(className);
            return source != null && dir != null && source.startsWith(dir.toAbsolutePath().normalize());
        }
    }

    /**
     * String concatenation compiled to StringBuilder calls, as before Java 9, not to invokedynamic:
     * each new shape of concatenation made a JVM spin method-handle classes at its first use, about
     * 35 in an exercise-06 run of the learner's process, which its start-up archive cannot hold
     * because they depend on the learner's code. The strings made are the same.
     */
    private static final String INLINE_CONCAT = "-XDstringConcat=inline";

    /**
     * Compiles every {@code .java} file under {@code sourceDirs} into {@code out}, against this
     * program's class path. Errors are shown like javac: {@code file:line: message}, the source line,
     * a caret under the column, then javac's details ({@code symbol:}, {@code location:}), in
     * javac's words for {@code locale} (it speaks Chinese as well as English); the file relative to
     * the first of {@code shownBases} it lies in.
     *
     * @throws IllegalStateException when this Java has no compiler (a JRE)
     */
    static Outcome compile(List<Path> sourceDirs, Path out, List<Path> shownBases, Locale locale) throws IOException {
        return compile(sourceDirs, out, shownBases, locale, null, "");
    }

    /**
     * As {@link #compile(List, Path, List, Locale)}, but an error in a file under {@code withheld}
     * (the hidden tests, graded with a learner's code) shows neither the file nor its source line:
     * {@code withheldLabel} and javac's message, whose details still name what the test needs.
     */
    static Outcome compile(List<Path> sourceDirs, Path out, List<Path> shownBases, Locale locale, Path withheld,
            String withheldLabel) throws IOException {
        return compile(sourceDirs, out, shownBases, locale, withheld, withheldLabel, List.of(), List.of());
    }

    /**
     * As {@link #compile(List, Path, List, Locale, Path, String)}, against the classes in
     * {@code classPath} too (before this program's); the outcome describes the API of the classes
     * made from the files under {@code apiOf} ({@link Outcome#api()}).
     */
    static Outcome compile(List<Path> sourceDirs, Path out, List<Path> shownBases, Locale locale, Path withheld,
            String withheldLabel, List<Path> classPath, List<Path> apiOf) throws IOException {
        // a compile into a scratch folder is waited for before the folders are deleted at exit
        return ScratchFolders.writing(() -> compileNow(sourceDirs, out, shownBases, locale, withheld, withheldLabel, classPath,
                apiOf));
    }

    private static Outcome compileNow(List<Path> sourceDirs, Path out, List<Path> shownBases, Locale locale, Path withheld,
            String withheldLabel, List<Path> classPath, List<Path> apiOf) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no-compiler");
        }
        List<Path> sources = new ArrayList<>();
        for (Path dir : sourceDirs) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    // an IDE's module-info.java would turn the compile into a module build, where the
                    // tests (on the class path) cannot see the learner's package: it is left out
                    walk.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("module-info.java"))
                            .sorted().forEach(sources::add);
                }
            }
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, locale, StandardCharsets.UTF_8)) {
            StringBuilder searched = new StringBuilder();
            classPath.forEach(dir -> searched.append(dir).append(java.io.File.pathSeparatorChar));
            searched.append(System.getProperty("java.class.path"));
            List<String> options = List.of("-d", out.toString(), "-classpath", searched.toString(),
                    "-encoding", "UTF-8", "-proc:none", "-g", "-Xlint:none", INLINE_CONCAT);
            StringWriter noise = new StringWriter();
            JavacTask task = (JavacTask) compiler.getTask(noise, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            Map<String, Path> classSources = new HashMap<>();
            ApiText api = apiOf.isEmpty() ? null : new ApiText(task.getElements());
            List<Path> described = apiOf.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
            task.addTaskListener(new TaskListener() {
                @Override
                public void finished(TaskEvent event) {
                    if (api != null && event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null
                            && described.stream().anyMatch(Path.of(event.getSourceFile().toUri()).toAbsolutePath().normalize()::startsWith)) {
                        api.add(event.getTypeElement());
                    }
                    if (event.getKind() == TaskEvent.Kind.GENERATE && event.getTypeElement() != null) {
                        String name = task.getElements().getBinaryName(event.getTypeElement()).toString();
                        classSources.put(name, Path.of(event.getSourceFile().toUri()).toAbsolutePath().normalize());
                    }
                }
            });
            boolean ok = task.call();
            StringBuilder errors = new StringBuilder();
            java.util.Set<String> withheldSaid = new java.util.HashSet<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    boolean secret = withheld != null && d.getSource() != null
                            && Path.of(d.getSource().toUri()).startsWith(withheld.toAbsolutePath());
                    if (!secret) {
                        errors.append(describe(d, shownBases, locale));
                    } else if (withheldSaid.add(d.getMessage(locale))) {
                        // without its line, the same error at two places would read as one said twice
                        errors.append(withheldLabel).append('\n').append(d.getMessage(locale).indent(2));
                    }
                }
            }
            // javac reports a source that is not valid UTF-8 as errors, yet its call() still says
            // true: any error fails the compilation
            boolean anyError = diagnostics.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
            return new Outcome(ok && !anyError, errors.toString(), Map.copyOf(classSources), api == null ? "" : api.text());
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d, List<Path> bases, Locale locale) {
        StringBuilder text = new StringBuilder();
        String message = d.getMessage(locale);
        if (d.getSource() == null) {
            return message + "\n";
        }
        Path file = Path.of(d.getSource().toUri());
        Path shown = bases.stream().filter(file::startsWith).findFirst().map(base -> base.relativize(file)).orElse(file);
        List<String> said = message.lines().toList();
        text.append(shown).append(':').append(d.getLineNumber()).append(": ").append(said.isEmpty() ? "" : said.get(0)).append('\n');
        boolean byteOrderMark = false;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int line = (int) d.getLineNumber();
            if (line >= 1 && line <= lines.size()) {
                String source = lines.get(line - 1);
                int column = (int) Math.max(1, d.getColumnNumber());
                if (line == 1 && source.startsWith("\uFEFF")) {
                    // a byte-order mark takes no room on the screen: the caret goes where the eye is
                    byteOrderMark = true;
                    source = source.substring(1);
                    column = Math.max(1, column - 1);
                }
                text.append("    ").append(source).append('\n');
                StringBuilder pad = new StringBuilder("    ");
                for (int i = 0; i < column - 1 && i < source.length(); i++) {
                    pad.append(source.charAt(i) == '\t' ? '\t' : ' ');
                }
                text.append(pad).append("^\n");
            }
        } catch (IOException e) {
            // the message above already names the file and line
        }
        // what javac adds below the caret: "  symbol:   class Strin", "  location: class PhoneServer"
        for (String detail : said.subList(Math.min(1, said.size()), said.size())) {
            text.append(detail).append('\n');
        }
        if (byteOrderMark && message.contains("\\ufeff")) {
            // javac's "illegal character" U+FEFF does not say where the character came from
            Lang lang = "zh".equals(locale.getLanguage()) ? Lang.ZH : Lang.EN;
            text.append("  ").append(Messages.of("grade", lang).get("compile.bom")).append('\n');
        }
        return text.toString();
    }
}
