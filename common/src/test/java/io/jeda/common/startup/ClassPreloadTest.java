package io.jeda.common.startup;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ClassPreloadTest {

    static boolean initialised;

    static final class Listed {
        static {
            initialised = true;
        }
    }

    @Test
    void loadsListedClassesWithoutRunningTheirStaticInitialisers() {
        List<String> list = List.of(
                "# NOTE: Do not modify this file.",
                "io/jeda/common/startup/ClassPreloadTest$Listed id: 1234",
                "io.jeda.common.startup.NoLongerThere",
                "@lambda-proxy java/lang/Object run ()Ljava/lang/Runnable;",
                "");
        assertEquals(1, ClassPreload.load(list, getClass().getClassLoader()));
        assertFalse(initialised, "a preloaded class must not be initialised before the code uses it");
    }

    @Test
    void namesSkipCommentsLambdasAndProxies() {
        assertEquals(List.of("a.b.C", "a.b.D"), ClassPreload.names(List.of("a/b/C id: 1", "#x", "@y z",
                "a/b/C$$Lambda$12/0x0000000800c0b000", "jdk/proxy2/$Proxy12", "a.b.D")));
    }
}
