package io.jeda.common.grpc;

import io.grpc.BindableService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Server reflection, so that grpcurl and similar tools can list and call every service. */
@Factory
public class ReflectionFactory {

    @Singleton
    @Requires(property = "jeda.grpc.reflection.enabled", notEquals = "false")
    BindableService reflection() {
        return ProtoReflectionServiceV1.newInstance();
    }
}
