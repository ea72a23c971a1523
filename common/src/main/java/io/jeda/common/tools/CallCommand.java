package io.jeda.common.tools;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.jeda.common.grpc.GrpcErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Calls any unary RPC of a running service, or lists its services, through server reflection. */
@Command(name = "call", mixinStandardHelpOptions = true, description = {
        "Calls METHOD (package.Service/Method) of the service at TARGET with the",
        "JSON request (protobuf's JSON mapping) and prints the answer as JSON; a",
        "refusal is printed as JSON too (error, reason, metadata, violations) with",
        "exit code 1. The bearer token is --token or $JEDA_TOKEN. Examples:",
        "  ./jeda call 50061 list                        every service and method",
        "  ./jeda call 50061 jeda.policy.v1.UnitService  the methods of one service",
        "  JEDA_TOKEN=$ADMIN_TOKEN ./jeda call policy \\",
        "      jeda.policy.v1.UnitService/ListUnits '{}'"})
final class CallCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    JedaCli cli;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "PORT, HOST:PORT, or policy, attendance, gateway")
    String target;

    @Parameters(index = "1", paramLabel = "METHOD|list|SERVICE",
            description = "package.Service/Method to call; list; or package.Service to list its methods")
    String method;

    @Parameters(index = "2", arity = "0..1", paramLabel = "JSON", defaultValue = "{}",
            description = "the request (default {})")
    String json;

    @CommandLine.Option(names = "--token", paramLabel = "TOKEN", description = "bearer token (default $JEDA_TOKEN)")
    String token;

    @CommandLine.Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "deadline of the call (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        String address;
        try {
            address = Targets.address(target, cli.env);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        ManagedChannel ch = ManagedChannelBuilder.forTarget(address).usePlaintext().build();
        try {
            if (method.equals("list")) {
                out.print(DynamicCall.list(ch, null));
                return 0;
            }
            if (!method.contains("/")) {
                out.print(DynamicCall.list(ch, method));
                return 0;
            }
            String t = token != null ? token : cli.env.get("JEDA_TOKEN");
            out.println(DynamicCall.call(ch, method, json, t, timeoutSeconds));
            return 0;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE && GrpcErrors.errorInfo(e).isEmpty()) {
                throw new IllegalStateException("nothing answers on " + address + " (is ./jeda up running?): "
                        + e.getStatus().getDescription());
            }
            out.println(refusal(e));
            return 1;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "JSON does not fit the request type: " + e.getMessage());
        } finally {
            ch.shutdownNow();
        }
    }

    /** A failed call as JSON: error (the code), reason, message, metadata, violations. */
    static String refusal(StatusRuntimeException e) throws Exception {
        Struct.Builder s = Struct.newBuilder()
                .putFields("error", string(e.getStatus().getCode().name()))
                .putFields("reason", string(GrpcErrors.reason(e)))
                .putFields("message", string(e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription()));
        Struct.Builder metadata = Struct.newBuilder();
        GrpcErrors.errorInfo(e).map(ErrorInfo::getMetadataMap).ifPresent(m -> m.forEach((k, v) ->
                metadata.putFields(k, string(v))));
        s.putFields("metadata", Value.newBuilder().setStructValue(metadata).build());
        ListValue.Builder violations = ListValue.newBuilder();
        GrpcErrors.violationTypes(e).forEach(v -> violations.addValues(string(v)));
        s.putFields("violations", Value.newBuilder().setListValue(violations).build());
        return JsonFormat.printer().print(s.build());
    }

    private static Value string(String v) {
        return Value.newBuilder().setStringValue(v).build();
    }
}
