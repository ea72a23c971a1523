package io.jeda.common.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import jakarta.inject.Singleton;

/**
 * Passes the current request id ({@link RequestId#current()}) on as {@code x-request-id} metadata of
 * every outgoing call, so that the service called logs under the same id. Micronaut adds every
 * ClientInterceptor bean to every channel it builds; a call made outside any request goes out
 * without the header and the service called makes its own id.
 */
@Singleton
public class RequestIdClientInterceptor implements ClientInterceptor {

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        String id = RequestId.current();
        if (id == null) {
            return next.newCall(method, options);
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.discardAll(RequestId.METADATA_KEY);
                headers.put(RequestId.METADATA_KEY, id);
                super.start(listener, headers);
            }
        };
    }
}
