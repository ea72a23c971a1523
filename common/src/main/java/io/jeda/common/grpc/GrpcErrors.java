package io.jeda.common.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the structured details of a failed call, for clients and tests. */
public final class GrpcErrors {

    private GrpcErrors() {
    }

    public static Optional<ErrorInfo> errorInfo(StatusRuntimeException e) {
        return details(e, ErrorInfo.class).stream().findFirst();
    }

    /** The reason code of the failure, or empty when the status carries no ErrorInfo. */
    public static String reason(StatusRuntimeException e) {
        return errorInfo(e).map(ErrorInfo::getReason).orElse("");
    }

    /** The types (reason codes) of every precondition violation reported. */
    public static List<String> violationTypes(StatusRuntimeException e) {
        List<String> out = new ArrayList<>();
        for (PreconditionFailure pf : details(e, PreconditionFailure.class)) {
            pf.getViolationsList().forEach(v -> out.add(v.getType()));
        }
        return out;
    }

    public static <T extends com.google.protobuf.Message> List<T> details(StatusRuntimeException e, Class<T> type) {
        com.google.rpc.Status st = StatusProto.fromThrowable(e);
        List<T> out = new ArrayList<>();
        if (st == null) {
            return out;
        }
        for (Any any : st.getDetailsList()) {
            if (any.is(type)) {
                try {
                    out.add(any.unpack(type));
                } catch (InvalidProtocolBufferException ignored) {
                    // A detail we cannot read is not one we can act on.
                }
            }
        }
        return out;
    }
}
