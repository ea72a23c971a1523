package io.jeda.common.tools;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls any unary method of a running service with a JSON request, finding the types through the
 * service's own server reflection, so a newcomer can try the API without installing a gRPC tool.
 */
final class DynamicCall {

    private DynamicCall() {
    }

    /** @param fullMethod "package.Service/Method" */
    static String call(ManagedChannel channel, String fullMethod, String json, String token) throws Exception {
        String service = fullMethod.substring(0, fullMethod.indexOf('/'));
        String method = fullMethod.substring(fullMethod.indexOf('/') + 1);
        Descriptors.FileDescriptor file = fileContaining(channel, service);
        Descriptors.ServiceDescriptor sd = file.findServiceByName(service.substring(service.lastIndexOf('.') + 1));
        if (sd == null || sd.findMethodByName(method) == null) {
            throw new IllegalArgumentException("no method " + fullMethod);
        }
        Descriptors.MethodDescriptor md = sd.findMethodByName(method);
        DynamicMessage.Builder req = DynamicMessage.newBuilder(md.getInputType());
        JsonFormat.parser().merge(json == null || json.isBlank() ? "{}" : json, req);
        MethodDescriptor<DynamicMessage, DynamicMessage> grpcMethod = MethodDescriptor
                .<DynamicMessage, DynamicMessage>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullMethod)
                .setRequestMarshaller(new Marshaller(md.getInputType()))
                .setResponseMarshaller(new Marshaller(md.getOutputType()))
                .build();
        io.grpc.Channel ch = channel;
        if (token != null && !token.isBlank()) {
            Metadata h = new Metadata();
            h.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
            ch = io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(h));
        }
        DynamicMessage resp = ClientCalls.blockingUnaryCall(ch, grpcMethod,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), req.build());
        return JsonFormat.printer().print(resp);
    }

    /** Asks the server for the file that defines a service, with its dependencies, and builds it. */
    private static Descriptors.FileDescriptor fileContaining(ManagedChannel channel, String symbol) throws Exception {
        CompletableFuture<List<com.google.protobuf.ByteString>> done = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> out = ServerReflectionGrpc.newStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse r) {
                        if (r.hasErrorResponse()) {
                            done.completeExceptionally(new IllegalArgumentException(
                                    "server does not know " + symbol + ": " + r.getErrorResponse().getErrorMessage()));
                        } else {
                            done.complete(r.getFileDescriptorResponse().getFileDescriptorProtoList());
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        out.onNext(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build());
        List<com.google.protobuf.ByteString> files = done.get(10, TimeUnit.SECONDS);
        out.onCompleted();
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
