package io.jeda.common.tls;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * Netty TLS contexts for gRPC over {@link TlsMaterial}. The JDK provider is used so that every
 * handshake asks the reloading key and trust managers, and so sees a rotated certificate.
 */
public final class GrpcTls {

    private GrpcTls() {
    }

    /** The server side: presents the certificate; verifies clients' certificates per {@code clientAuth}. */
    public static SslContext server(TlsMaterial material, ClientAuth clientAuth) {
        if (!material.hasCertificate()) {
            throw new IllegalStateException("a TLS server needs a certificate and key (JEDA_TLS_CERT_FILE, JEDA_TLS_KEY_FILE)");
        }
        SslContextBuilder b = SslContextBuilder.forServer(material.keyManager());
        if (clientAuth != ClientAuth.NONE) {
            b.trustManager(material.trustManager()).clientAuth(clientAuth);
        }
        try {
            return GrpcSslContexts.configure(b, SslProvider.JDK).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for the gRPC server: " + e.getMessage(), e);
        }
    }

    /** The client side: verifies the server against the trusted CAs; presents our certificate if there is one. */
    public static SslContext client(TlsMaterial material) {
        SslContextBuilder b = SslContextBuilder.forClient().trustManager(material.trustManager());
        if (material.hasCertificate()) {
            b.keyManager(material.keyManager());
        }
        try {
            return GrpcSslContexts.configure(b, SslProvider.JDK).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for gRPC channels: " + e.getMessage(), e);
        }
    }
}
