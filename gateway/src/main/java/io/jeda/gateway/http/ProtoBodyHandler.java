package io.jeda.gateway.http;

import com.google.protobuf.Message;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes every message a controller answers with through {@link ProtoJson}:
 * controllers return messages and never build JSON. Request bodies arrive as text and are read with
 * {@link ProtoJson#read}: Micronaut's own JSON reader claims every type for application/json ahead
 * of a reader of ours, and would refuse a protobuf message.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
@Produces(MediaType.APPLICATION_JSON)
public class ProtoBodyHandler implements MessageBodyWriter<Message> {

    @Override
    public boolean isWriteable(Argument<Message> type, MediaType mediaType) {
        return Message.class.isAssignableFrom(type.getType());
    }

    @Override
    public void writeTo(Argument<Message> type, MediaType mediaType, Message object, MutableHeaders outgoingHeaders,
                        OutputStream outputStream) throws CodecException {
        if (!outgoingHeaders.contains(HttpHeaders.CONTENT_TYPE)) {
            outgoingHeaders.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        try {
            outputStream.write(ProtoJson.print(object).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CodecException("cannot write " + object.getDescriptorForType().getFullName(), e);
        }
    }
}
