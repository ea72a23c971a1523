package io.jeda.gateway.http;

import io.jeda.common.grpc.RequestId;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * The REST side of {@link RequestId}: takes the caller's {@code X-Request-Id} or makes one, puts it
 * in the MDC of every thread the request runs on (through Micronaut's propagated context, since the
 * controllers run on the blocking executor, not the event loop), and echoes it in the response,
 * errors included. The gRPC client interceptor passes it on to policy-service and attendance-service.
 */
@ServerFilter("/**")
public class RequestIdFilter implements Ordered {

    /** The HTTP spelling of {@link RequestId#HEADER} (header names are case-insensitive). */
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "jeda.request-id";

    @Override
    public int getOrder() {
        // Before everything else (metrics, authentication), so that even a refused call has an id.
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestId.acceptOrGenerate(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Map<String, String> with = mdc == null ? new HashMap<>() : new HashMap<>(mdc);
        with.put(RequestId.MDC_KEY, id);
        context.add(new MdcPropagationContext(with));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }
}
