package io.socketlab.grade;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the child JVM that runs the learner's tests. It loads JUnit first, then reads
 * one line from stdin: the result file and a secret token, both known only to the parent. Results
 * go to that file with the token, so nothing the learner prints can pass for a result. When done it
 * halts, so threads the learner left running cannot keep it alive.
 */
public final class ChildTestRunner {
    private ChildTestRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        LauncherConfig config = LauncherConfig.builder().enableTestEngineAutoRegistration(false)
                .addTestEngines(jupiter()).build();
        var launcher = LauncherFactory.create(config);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String go = in.readLine();
        if (go == null) {
            Runtime.getRuntime().halt(3);
        }
        String[] parts = go.split("\t", 2);
        Path resultFile = Path.of(parts[0]);
        String token = parts[1];
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(classes))).build();
        List<Map<String, Object>> tests = new ArrayList<>();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", id.getDisplayName().replaceAll("\\(\\)$", ""));
                test.put("id", id.getUniqueId());
                test.put("status", result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "pass" : "fail");
                test.put("message", result.getThrowable().map(ChildTestRunner::explain).orElse(""));
                tests.add(test);
            }
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token", token);
        doc.put("tests", tests);
        Path partial = resultFile.resolveSibling(resultFile.getFileName() + ".part");
        Files.writeString(partial, JSON.std.asString(doc), StandardCharsets.UTF_8);
        Files.move(partial, resultFile);
        Runtime.getRuntime().halt(0);
    }

    /** The Jupiter engine, named explicitly: service files are unreliable inside a shaded jar. */
    private static TestEngine jupiter() throws ReflectiveOperationException {
        // the engine is a runtime-only dependency, so it is not visible to the compiler
        return (TestEngine) Class.forName("org.junit.jupiter.engine.JupiterTestEngine").getDeclaredConstructor().newInstance();
    }

    private static String explain(Throwable failure) {
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        if (failure instanceof AssertionError) {
            return message == null ? kind : message;
        }
        StringBuilder text = new StringBuilder(kind);
        if (message != null) {
            text.append(": ").append(message);
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("exercise.")) {
                text.append(" (at ").append(frame.getFileName()).append(':').append(frame.getLineNumber()).append(')');
                break;
            }
        }
        return text.toString();
    }
}
