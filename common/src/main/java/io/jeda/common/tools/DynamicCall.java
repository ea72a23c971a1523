package io.jeda.common.tools;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.jeda.common.grpc.BearerCredentials;


import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Calls any unary method of a running service with a JSON request, finding the types through the
 * service's own server reflection, so a newcomer can try the API without installing a gRPC tool;
 * {@link #services} gives the descriptors of everything a server serves (the fuzz test calls them).
 */
public final class DynamicCall {

    private DynamicCall() {
    }

    /** @param fullMethod "package.Service/Method" */
    static String call(ManagedChannel channel, String fullMethod, String json, String token, int timeoutSeconds)
            throws Exception {
        int slash = fullMethod.indexOf('/');
        String service = fullMethod.substring(0, slash);
        String method = fullMethod.substring(slash + 1);
        Descriptors.ServiceDescriptor sd = service(channel, service);
        Descriptors.MethodDescriptor md = sd.findMethodByName(method);
        if (md == null) {
            throw new IllegalArgumentException(service + " has no method '" + method + "'; its methods: "
                    + String.join(", ", sd.getMethods().stream().map(Descriptors.MethodDescriptor::getName).toList()));
        }
        if (md.isClientStreaming() || md.isServerStreaming()) {
            throw new IllegalArgumentException(fullMethod + " is a streaming method; only unary methods can be called");
        }
        DynamicMessage.Builder req = DynamicMessage.newBuilder(md.getInputType());
        JsonFormat.parser().merge(json == null || json.isBlank() ? "{}" : json, req);
        MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod = MethodDescriptor
                .<DynamicMessage, DynamicMessage>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullMethod)
                .setRequestMarshaller(new Marshaller(md.getInputType()))
                .setResponseMarshaller(new Marshaller(md.getOutputType()))
                .build();
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS);
        if (token != null && !token.isBlank()) {
            options = options.withCallCredentials(BearerCredentials.of(token.trim()));
        }
        DynamicMessage resp = ClientCalls.blockingUnaryCall(channel, grpcMethod, options, req.build());
        return JsonFormat.printer().print(resp);
    }

    /**
     * The services of the server and their methods, one line each, as text: every service when
     * {@code onlyService} is null.
     */
    static String list(ManagedChannel channel, String onlyService) throws Exception {
        List<String> names = new ArrayList<>();
        if (onlyService != null) {
            names.add(onlyService);
        } else {
            ServerReflectionResponse r = reflect(channel, ServerReflectionRequest.newBuilder().setListServices("*").build());
            r.getListServicesResponse().getServiceList().forEach(s -> names.add(s.getName()));
            Collections.sort(names);
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(name).append('\n');
            if (name.equals("grpc.reflection.v1.ServerReflection") || name.equals("grpc.reflection.v1alpha.ServerReflection")) {
                continue;
            }
            Descriptors.ServiceDescriptor sd = service(channel, name);
            for (Descriptors.MethodDescriptor m : sd.getMethods()) {
                out.append("  ").append(name).append('/').append(m.getName())
                        .append("  (").append(m.getInputType().getName()).append(") -> ")
                        .append(m.isServerStreaming() ? "stream " : "").append(m.getOutputType().getName()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Every service the server lists through its reflection, with the types of its methods, sorted by
     * name; reflection's own service (whose file the server does not describe) from its generated code.
     */
    public static List<Descriptors.ServiceDescriptor> services(ManagedChannel channel) throws Exception {
        ServerReflectionResponse r = reflect(channel, ServerReflectionRequest.newBuilder().setListServices("*").build());
        List<String> names = new ArrayList<>();
        r.getListServicesResponse().getServiceList().forEach(s -> names.add(s.getName()));
        Collections.sort(names);
        List<Descriptors.ServiceDescriptor> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals("grpc.reflection.v1.ServerReflection")) {
                out.add(io.grpc.reflection.v1.ServerReflectionProto.getDescriptor().findServiceByName("ServerReflection"));
            } else if (!name.equals("grpc.reflection.v1alpha.ServerReflection")) {
                out.add(service(channel, name));
            }
        }
        return out;
    }

    private static Descriptors.ServiceDescriptor service(ManagedChannel channel, String service) throws Exception {
        Descriptors.FileDescriptor file = fileContaining(channel, service);
        Descriptors.ServiceDescriptor sd = file.findServiceByName(service.substring(service.lastIndexOf('.') + 1));
        if (sd == null || !sd.getFullName().equals(service)) {
            throw new IllegalArgumentException("the server has no service " + service + " (./jeda call PORT list names them)");
        }
        return sd;
    }

    /** One reflection request and its answer. */
    private static ServerReflectionResponse reflect(ManagedChannel channel, ServerReflectionRequest request)
            throws Exception {
        CompletableFuture<ServerReflectionResponse> done = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> out = ServerReflectionGrpc.newStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse r) {
                        done.complete(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.completeExceptionally(new IllegalStateException("server reflection sent no answer"));
                    }
                });
        out.onNext(request);
        try {
            ServerReflectionResponse r = done.get(10, TimeUnit.SECONDS);
            out.onCompleted();
            return r;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException sre) {
                throw sre;
            }
            throw e;
        }
    }

    /** Asks the server for the file that defines a symbol, with its dependencies, and builds it. */
    private static Descriptors.FileDescriptor fileContaining(ManagedChannel channel, String symbol) throws Exception {
        ServerReflectionResponse r = reflect(channel,
                ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build());
        if (r.hasErrorResponse()) {
            throw new IllegalArgumentException("the server has no service " + symbol
                    + " (./jeda call PORT list names them)");
        }
        List<com.google.protobuf.ByteString> files = r.getFileDescriptorResponse().getFileDescriptorProtoList();
        Map<String, DescriptorProtos.FileDescriptorProto> protos = new HashMap<>();
        for (com.google.protobuf.ByteString b : files) {
            DescriptorProtos.FileDescriptorProto p = DescriptorProtos.FileDescriptorProto.parseFrom(b);
            protos.put(p.getName(), p);
        }
        DescriptorProtos.FileDescriptorProto first = DescriptorProtos.FileDescriptorProto.parseFrom(files.get(0));
        return build(first.getName(), protos, new HashMap<>());
    }

    private static Descriptors.FileDescriptor build(String name, Map<String, DescriptorProtos.FileDescriptorProto> protos,
                                                    Map<String, Descriptors.FileDescriptor> built)
            throws Descriptors.DescriptorValidationException {
        if (built.containsKey(name)) {
            return built.get(name);
        }
        DescriptorProtos.FileDescriptorProto p = protos.get(name);
        if (p == null) {
            throw new IllegalStateException("server reflection did not send " + name);
        }
        Descriptors.FileDescriptor[] deps = new Descriptors.FileDescriptor[p.getDependencyCount()];
        for (int i = 0; i < deps.length; i++) {
            deps[i] = build(p.getDependency(i), protos, built);
        }
        Descriptors.FileDescriptor fd = Descriptors.FileDescriptor.buildFrom(p, deps);
        built.put(name, fd);
        return fd;
    }

    /** Reads and writes messages of a type known only at run time. */
    private record Marshaller(Descriptors.Descriptor type) implements MethodDescriptor.Marshaller<DynamicMessage> {
        @Override
        public InputStream stream(DynamicMessage value) {
            return new ByteArrayInputStream(value.toByteArray());
        }

        @Override
        public DynamicMessage parse(InputStream stream) {
            try {
                return DynamicMessage.parseFrom(type, stream);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
