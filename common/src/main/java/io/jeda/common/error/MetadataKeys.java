package io.jeda.common.error;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * ErrorInfo metadata keys are lowerCamelCase (AIP-193), whatever spelling the code that raised the
 * error used: {@code retry_after_ms}, {@code retry-after-ms} and {@code retryAfterMs} all become
 * {@code retryAfterMs}. The map {@link JedaException#metadata()} returns also answers a lookup by the
 * old snake_case spelling, so that code written before the rule keeps working.
 */
public final class MetadataKeys {

    private MetadataKeys() {
    }

    /** The lowerCamelCase form of a key: separators ({@code _ - . space}) dropped, the next letter upper case. */
    public static String lowerCamel(String key) {
        if (key == null || key.isEmpty()) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        boolean upperNext = false;
        boolean allUpper = key.chars().noneMatch(Character::isLowerCase);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_' || c == '-' || c == '.' || c == ' ') {
                upperNext = out.length() > 0;
                continue;
            }
            if (allUpper) {
                c = Character.toLowerCase(c);
            }
            if (out.length() == 0) {
                out.append(Character.toLowerCase(c));
            } else {
                out.append(upperNext ? Character.toUpperCase(c) : c);
            }
            upperNext = false;
        }
        return out.toString();
    }

    /** A read-only copy with every key in lowerCamelCase (a later value wins when two keys collide). */
    static Map<String, String> normalize(Map<String, String> metadata) {
        Map<String, String> m = new LinkedHashMap<>();
        metadata.forEach((k, v) -> m.put(lowerCamel(k), v));
        return new LenientMap(Collections.unmodifiableMap(m));
    }

    /** Looks keys up in their lowerCamelCase form, so {@code get("retry_after_ms")} still finds the value. */
    private static final class LenientMap extends AbstractMap<String, String> {
        private final Map<String, String> delegate;

        LenientMap(Map<String, String> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return delegate.entrySet();
        }

        @Override
        public String get(Object key) {
            return key instanceof String s ? delegate.get(lowerCamel(s)) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String s && delegate.containsKey(lowerCamel(s));
        }

        @Override
        public int size() {
            return delegate.size();
        }
    }
}
