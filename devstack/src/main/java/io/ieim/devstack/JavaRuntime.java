package io.ieim.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds child-JVM command lines on the JDK that runs the stack (21+, which the registry needs). */
public final class JavaRuntime {

    private JavaRuntime() {
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A classpath wildcard over an assembled runtime folder, failing early if it was not built. */
    static String classpathOf(Path libDir) throws IOException {
        if (!Files.isDirectory(libDir)) {
            throw new IOException(libDir + " is missing: build the project first (./mvnw -DskipTests package)");
        }
        return libDir.resolve("*").toString();
    }

    public static List<String> command(String heap, String classpath, String mainClass, List<String> jvmArgs,
                                List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.add("-Xms64m");
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC"); // a 2-core dev machine runs five servers: keep GC threads few
        cmd.add("-Djava.awt.headless=true");
        cmd.addAll(jvmArgs);
        if (classpath != null) {
            cmd.add("-cp");
            cmd.add(classpath);
        }
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
