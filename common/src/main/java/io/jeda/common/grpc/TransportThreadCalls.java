package io.jeda.common.grpc;

import io.grpc.MethodDescriptor;

/**
 * The gRPC methods of a service whose handlers may start on the transport (Netty event loop)
 * threads instead of the call pool: handlers that answer at once from memory when they can, and
 * otherwise hand their work to {@link CallPool#offload(Runnable)}, never blocking a transport
 * thread. Everything else runs on the pool. A service with no bean of this type runs every call on
 * the pool.
 */
public interface TransportThreadCalls {

    /** Whether calls of this method start on the transport thread that read them. */
    boolean startsOnTransport(MethodDescriptor<?, ?> method);
}
