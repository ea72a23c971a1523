package io.jeda.gateway.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The web app's texts, from the message bundles {@code i18n/messages.properties} (Bahasa Indonesia,
 * the default) and {@code i18n/messages_en.properties}. A page's language comes from {@code ?lang=},
 * then the {@code jeda_lang} cookie, then Indonesian; never from the JVM's own locale.
 */
public final class Texts {

    public static final String LANG_COOKIE = "jeda_lang";
    public static final String DEFAULT = "id";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Texts() {
    }

    /** "id" or "en". */
    public static String language(HttpRequest<?> request) {
        String q = request.getParameters().get("lang");
        if (supported(q)) {
            return q;
        }
        String c = request.getCookies().findCookie(LANG_COOKIE).map(Cookie::getValue).orElse(null);
        return supported(c) ? c : DEFAULT;
    }

    public static boolean supported(String lang) {
        return "id".equals(lang) || "en".equals(lang);
    }

    static ResourceBundle bundle(String lang) {
        // The base bundle is Indonesian; "en" adds the English one over it.
        return ResourceBundle.getBundle("i18n.messages", "en".equals(lang) ? Locale.ENGLISH : Locale.ROOT,
                Texts.class.getClassLoader(), NO_FALLBACK);
    }

    public static String get(String lang, String key, Object... args) {
        try {
            String text = bundle(lang).getString(key);
            // {0}, {1}... are replaced as the pages' script does; apostrophes need no escaping.
            for (int i = 0; i < args.length; i++) {
                text = text.replace("{" + i + "}", String.valueOf(args[i]));
            }
            return text;
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
    }

    /** The texts the pages' scripts need (keys starting with {@code js.}, without that prefix). */
    public static Map<String, String> forScripts(String lang) {
        ResourceBundle b = bundle(lang);
        Map<String, String> out = new TreeMap<>();
        for (String k : b.keySet()) {
            if (k.startsWith("js.")) {
                out.put(k.substring(3), b.getString(k));
            }
        }
        return out;
    }
}
