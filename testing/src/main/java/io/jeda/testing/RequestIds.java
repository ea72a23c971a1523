package io.jeda.testing;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** One call with or without an {@code x-request-id}, and the id the service sent back. */
public final class RequestIds {

    public static final Metadata.Key<String> KEY = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    /**
     * What came back.
     *
     * @param id       the id in the response headers, else in the trailers (a refused call has only trailers)
     * @param refusal  the error when the call was refused, else null
     */
    public record Exchange(String id, StatusRuntimeException refusal) {
    }

    private RequestIds() {
    }

    /** Makes the call through the channel, sending {@code id} when it is not null. */
    public static Exchange call(Channel channel, String id, Consumer<Channel> rpc) {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        Channel c = ClientInterceptors.intercept(channel, MetadataUtils.newCaptureMetadataInterceptor(headers, trailers));
        if (id != null) {
            Metadata sent = new Metadata();
            sent.put(KEY, id);
            c = ClientInterceptors.intercept(c, MetadataUtils.newAttachHeadersInterceptor(sent));
        }
        StatusRuntimeException refusal = null;
        try {
            rpc.accept(c);
        } catch (StatusRuntimeException e) {
            refusal = e;
        }
        String got = headers.get() != null ? headers.get().get(KEY) : null;
        if (got == null && trailers.get() != null) {
            got = trailers.get().get(KEY);
        }
        return new Exchange(got, refusal);
    }
}
