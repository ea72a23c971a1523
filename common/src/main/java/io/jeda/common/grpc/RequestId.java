package io.jeda.common.grpc;

import io.grpc.Context;
import io.grpc.Metadata;
import org.slf4j.MDC;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The id that ties together every log line of one request across the gateway, policy-service and
 * attendance-service. It comes in as the HTTP header {@code X-Request-Id} or the gRPC metadata
 * {@code x-request-id}, or is made here when a caller sends none (or one that is not a plain token);
 * it sits in the MDC under {@link #MDC_KEY} while the request's code runs, and goes out again on every
 * call to the services behind.
 */
public final class RequestId {

    /** HTTP header and gRPC metadata name (gRPC metadata names are lower case). */
    public static final String HEADER = "x-request-id";
    /** Key of the id in the logging MDC; log formats print it from there. */
    public static final String MDC_KEY = "requestId";
    /** The same header as a gRPC metadata key. */
    public static final Metadata.Key<String> METADATA_KEY = Metadata.Key.of(HEADER, Metadata.ASCII_STRING_MARSHALLER);

    static final Context.Key<String> CONTEXT_KEY = Context.key("jeda-request-id");

    /** Longer ids are replaced: they would only bloat every log line. */
    private static final int MAX_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestId() {
    }

    /**
     * The caller's id when it is 1 to 128 characters of letters, digits and {@code - _ . : /}; a new
     * one otherwise, so that a header cannot inject text into the logs.
     */
    public static String acceptOrGenerate(String given) {
        return isValid(given) ? given : generate();
    }

    static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 32 random hex digits (a UUID's worth of randomness without its formatting cost). */
    public static String generate() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] out = new char[32];
        long hi = r.nextLong();
        long lo = r.nextLong();
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xf];
            out[16 + i] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }

    /**
     * The id of the request being served on this thread: from the gRPC context when serving a gRPC
     * call, else from the MDC (REST requests), else null.
     */
    public static String current() {
        String id = CONTEXT_KEY.get();
        return id != null ? id : MDC.get(MDC_KEY);
    }
}
