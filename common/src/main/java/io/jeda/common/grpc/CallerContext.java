package io.jeda.common.grpc;

import io.grpc.Context;
import io.jeda.common.error.JedaException;
import io.jeda.common.security.Caller;

/** Carries the verified caller of the current gRPC call to the endpoint that serves it. */
public final class CallerContext {

    static final Context.Key<Caller> CALLER = Context.key("jeda-caller");
    static final Context.Key<String> TOKEN = Context.key("jeda-token");

    private CallerContext() {
    }

    /** The caller of the current call; UNAUTHENTICATED when the call carried no valid token. */
    public static Caller current() {
        Caller c = CALLER.get();
        if (c == null) {
            throw JedaException.unauthenticated("MISSING_TOKEN", "this call needs a bearer token");
        }
        return c;
    }

    /** The raw bearer token of the current call, for passing the caller's identity downstream. */
    public static String currentToken() {
        return TOKEN.get();
    }
}
