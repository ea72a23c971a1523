package io.jeda.common.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads, on a second thread, the classes a service will need while its main thread starts Micronaut:
 * with a class archive a service still spent about an eighth of its main thread's start finding
 * and restoring some 10,000 archived classes one at a time as the code first touched them. The list
 * is the file {@code JEDA_PRELOAD_CLASSES} (or {@code -Djeda.preload.classes}) names, in the format
 * {@code -XX:DumpLoadedClassList} writes (one class a line, {@code a/b/C} or {@code a.b.C}; lines
 * starting with {@code #} or {@code @} are skipped); {@code ./jeda up} records it with the class
 * archive and passes it with {@code JEDA_CDS_PRELOAD=true}. Classes are only loaded, not
 * initialised: no static initialiser runs earlier or in another order than without the list.
 * Without a list, or with a name that no longer exists (a rebuilt jar), nothing happens for it.
 */
public final class ClassPreload {

    private ClassPreload() {
    }

    /** Starts loading the listed classes on a daemon thread, if a list is set and readable. */
    public static void start() {
        String file = System.getProperty("jeda.preload.classes");
        if (file == null || file.isBlank()) {
            file = System.getenv("JEDA_PRELOAD_CLASSES");
        }
        if (file == null || file.isBlank()) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file.trim()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return;
        }
        ClassLoader loader = ClassPreload.class.getClassLoader();
        Thread t = new Thread(() -> load(lines, loader), "class-preload");
        t.setDaemon(true);
        t.start();
    }

    /** Loads (without initialising) each class named in the lines; returns how many were found. */
    static int load(List<String> lines, ClassLoader loader) {
        int found = 0;
        for (String name : names(lines)) {
            try {
                Class.forName(name, false, loader);
                found++;
            } catch (ClassNotFoundException | LinkageError e) {
                // gone from this build, or not loadable by name (generated): the main thread loads what it needs
            }
        }
        return found;
    }

    static List<String> names(List<String> lines) {
        List<String> names = new ArrayList<>(lines.size());
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("@")) {
                continue;
            }
            int space = s.indexOf(' ');
            String name = (space < 0 ? s : s.substring(0, space)).replace('/', '.');
            if (!name.contains("$$Lambda") && !name.contains("$Proxy")) {
                names.add(name);
            }
        }
        return names;
    }
}
