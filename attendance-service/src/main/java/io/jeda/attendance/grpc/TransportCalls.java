package io.jeda.attendance.grpc;

import io.grpc.MethodDescriptor;
import io.jeda.attendance.v1.AttendanceServiceGrpc;
import io.jeda.common.grpc.TransportThreadCalls;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * CheckIn and CheckOut start on the transport thread that read them
 * (JEDA_ATTENDANCE_CHECKS_ON_TRANSPORT, default true): with the rules' policy data cached, the
 * write is queued for the group commit from there, without a hand-over to the call pool and back;
 * anything that would wait is handed to the pool by {@link AttendanceEndpoint}. Off when token keys
 * come from a JWKS URI, whose fetch may wait on the network before the handler runs.
 */
@Singleton
public class TransportCalls implements TransportThreadCalls {

    private final boolean enabled;

    public TransportCalls(@Value("${jeda.attendance.checks-on-transport:true}") boolean setting,
                          @Value("${jeda.security.jwt.jwks-uri:}") String jwksUri) {
        this.enabled = setting && jwksUri.isBlank();
    }

    /** Whether CheckIn and CheckOut start on the transport threads. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean startsOnTransport(MethodDescriptor<?, ?> method) {
        if (!enabled) {
            return false;
        }
        String name = method.getFullMethodName();
        return name.equals(AttendanceServiceGrpc.getCheckInMethod().getFullMethodName())
                || name.equals(AttendanceServiceGrpc.getCheckOutMethod().getFullMethodName());
    }
}
