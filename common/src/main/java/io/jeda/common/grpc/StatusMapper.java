package io.jeda.common.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import io.jeda.common.error.Echo;
import io.jeda.common.error.ErrorKind;
import io.jeda.common.error.JedaException;
import io.jeda.common.error.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Turns domain failures into canonical gRPC statuses carrying {@code google.rpc.ErrorInfo}. */
public final class StatusMapper {

    private static final Logger LOG = LoggerFactory.getLogger(StatusMapper.class);
    private final String domain;

    public StatusMapper(String domain) {
        this.domain = domain;
    }

    /** A status and the trailers that carry its details. */
    public record Mapped(Status status, Metadata trailers) {
    }

    public Mapped map(JedaException e) {
        Code code = code(e.kind());
        com.google.rpc.Status.Builder st = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(e.getMessage() == null ? e.reason() : e.getMessage())
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(e.reason())
                        .setDomain(domain)
                        .putAllMetadata(e.metadata())
                        .build()));
        if (!e.violations().isEmpty()) {
            if (e.kind() == ErrorKind.INVALID_ARGUMENT) {
                BadRequest.Builder br = BadRequest.newBuilder();
                for (Violation v : e.violations()) {
                    br.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                            .setField(v.subject()).setDescription(v.reason() + ": " + v.message()));
                }
                st.addDetails(Any.pack(br.build()));
            } else {
                PreconditionFailure.Builder pf = PreconditionFailure.newBuilder();
                for (Violation v : e.violations()) {
                    pf.addViolations(PreconditionFailure.Violation.newBuilder()
                            .setType(v.reason()).setSubject(v.subject()).setDescription(v.message()));
                }
                st.addDetails(Any.pack(pf.build()));
            }
        }
        if (st.build().getSerializedSize() > MAX_DETAILS_BYTES) {
            // Many long violations: the ErrorInfo (which names their reasons) is kept, their list is not.
            while (st.getDetailsCount() > 1) {
                st.removeDetails(st.getDetailsCount() - 1);
            }
        }
        return toMapped(st.build());
    }

    /**
     * The most bytes of details (google.rpc.Status) a failure carries, so that with its description
     * its trailers stay well inside the 8 KiB a client accepts by default (see {@link Echo}).
     */
    static final int MAX_DETAILS_BYTES = 2048;

    /** An unexpected failure: logged with an incident id; the caller sees only the id. */
    public Mapped internal(Throwable t) {
        String incident = UUID.randomUUID().toString();
        LOG.error("internal error, incident {}", incident, t);
        com.google.rpc.Status st = com.google.rpc.Status.newBuilder()
                .setCode(Code.INTERNAL.getNumber())
                .setMessage("internal error; incident " + incident)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("INTERNAL").setDomain(domain)
                        .putMetadata("incident", incident).build()))
                .build();
        return toMapped(st);
    }

    private static Mapped toMapped(com.google.rpc.Status st) {
        StatusException se = StatusProto.toStatusException(st);
        Metadata trailers = se.getTrailers() == null ? new Metadata() : se.getTrailers();
        return new Mapped(se.getStatus(), trailers);
    }

    /** The canonical code of a kind, as {@link io.jeda.common.error.ErrorTable} says. */
    public static Code code(ErrorKind kind) {
        return Code.forNumber(io.jeda.common.error.ErrorTable.grpcCode(kind).value());
    }
}
