package io.jeda.common.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's TLS certificate, private key and trusted CAs, read from PEM files and read again when
 * they change, without a restart: the key and trust managers handed to the TLS stack delegate to
 * the material of the last successful read, so connections opened after a rotation see the new
 * certificate and open connections keep theirs. The files are compared by content every
 * {@code reloadInterval} (polling rather than a file watcher: a Kubernetes Secret volume swaps a
 * symbolic link, which file watchers report unreliably). A read that fails (a half-written file,
 * a key that does not match) keeps the previous material and is logged.
 */
public final class TlsMaterial implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
    private static final char[] NO_PASSWORD = new char[0];
    private static final String ALIAS = "jeda-";
    /** Each certificate read gets its own alias, so one handshake never mixes two of them. */
    private int generation;

    private final Path certFile;
    private final Path keyFile;
    private final Path trustFile;
    private final ReloadingKeyManager keyManager = new ReloadingKeyManager();
    private final ReloadingTrustManager trustManager = new ReloadingTrustManager();
    private volatile byte[] digest = new byte[0];
    private volatile X509Certificate leaf;
    private volatile ScheduledExecutorService poller;

    /**
     * @param certFile  the certificate chain (leaf first), or null when this side has no certificate
     *                  (a client without mutual TLS)
     * @param keyFile   its private key, or null with {@code certFile}
     * @param trustFile CA certificates to verify the other side with, or null for the JDK's
     * @throws IllegalStateException when the files cannot be read or do not hold a certificate and
     *                               its key: a service must not start with a broken TLS setting
     */
    public TlsMaterial(Path certFile, Path keyFile, Path trustFile) {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalStateException("a TLS certificate file needs its key file and the other way round"
                    + " (JEDA_TLS_CERT_FILE, JEDA_TLS_KEY_FILE)");
        }
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.trustFile = trustFile;
        try {
            load();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TLS files " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** Starts reading the files again every {@code interval}; zero or negative does not. */
    public synchronized TlsMaterial watch(Duration interval) {
        if (poller == null && !interval.isZero() && !interval.isNegative()) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jeda-tls-reload");
                t.setDaemon(true);
                return t;
            });
            long ms = interval.toMillis();
            poller.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Reads the files; swaps in their material if their content changed. Returns whether it did. */
    public boolean reloadIfChanged() {
        try {
            return load();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("TLS files {} could not be read again, the previous certificate stays in use: {}",
                    describe(), e.toString());
            return false;
        }
    }

    private synchronized boolean load() throws IOException, GeneralSecurityException {
        byte[] cert = certFile == null ? new byte[0] : Files.readAllBytes(certFile);
        byte[] key = keyFile == null ? new byte[0] : Files.readAllBytes(keyFile);
        byte[] trust = trustFile == null ? new byte[0] : Files.readAllBytes(trustFile);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(cert);
        sha.update(key);
        sha.update(trust);
        byte[] now = sha.digest();
        if (MessageDigest.isEqual(now, digest)) {
            return false;
        }
        X509ExtendedKeyManager keys = null;
        X509Certificate newLeaf = null;
        if (certFile != null) {
            List<X509Certificate> chain = PemFiles.certificates(cert);
            PrivateKey privateKey = PemFiles.privateKey(key);
            requirePair(privateKey, chain.get(0));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            // Throws when the key does not belong to the certificate's public key type.
            store.setKeyEntry(ALIAS + ++generation, privateKey, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(store, NO_PASSWORD);
            keys = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
            newLeaf = chain.get(0);
        }
        X509ExtendedTrustManager trusts = null;
        if (trustFile != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : PemFiles.certificates(trust)) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            trusts = trustManagerOf(store);
        } else {
            trusts = trustManagerOf(null);
        }
        keyManager.swap(keys);
        trustManager.delegate = trusts;
        boolean first = digest.length == 0;
        digest = now;
        leaf = newLeaf;
        if (newLeaf != null) {
            LOG.info("TLS certificate {} {}: {} valid until {}", certFile, first ? "loaded" : "reloaded",
                    newLeaf.getSubjectX500Principal().getName(), newLeaf.getNotAfter().toInstant());
        } else if (!first) {
            LOG.info("TLS trusted certificates {} reloaded", trustFile);
        }
        return true;
    }

    /**
     * Refuses a key that is not the certificate's: files replaced one after the other (key, then
     * certificate) can be read in between, and a server presenting the old certificate with the new
     * key fails every handshake. The pair is then read again at the next poll.
     */
    private static void requirePair(PrivateKey key, X509Certificate leaf) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        byte[] probe = "jeda-tls-pair".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.security.Signature signer = java.security.Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
        verifier.initVerify(leaf.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the private key does not belong to the certificate"
                    + " (are the files being replaced?)");
        }
    }

    private static X509ExtendedTrustManager trustManagerOf(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Whether there is a certificate and key to present. */
    public boolean hasCertificate() {
        return certFile != null;
    }

    /** Whether CA certificates of our own were given (else the JDK's trusted roots are used). */
    public boolean hasTrust() {
        return trustFile != null;
    }

    /** The key manager to give the TLS stack: always the last certificate read. */
    public KeyManager keyManager() {
        return keyManager;
    }

    /** The trust manager to give the TLS stack: always the last CA certificates read. */
    public TrustManager trustManager() {
        return trustManager;
    }

    /** When the certificate in use expires; empty without a certificate. */
    public Optional<Instant> notAfter() {
        X509Certificate c = leaf;
        return c == null ? Optional.empty() : Optional.of(c.getNotAfter().toInstant());
    }

    /** The certificate in use; empty without one. */
    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(leaf);
    }

    private String describe() {
        return "(certificate " + certFile + ", key " + keyFile + ", trusted " + trustFile + ")";
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private static final class ReloadingKeyManager extends X509ExtendedKeyManager {
        volatile X509ExtendedKeyManager delegate;
        /** The one before: a handshake that chose its alias just before a swap still finds its pair. */
        volatile X509ExtendedKeyManager previous;

        void swap(X509ExtendedKeyManager next) {
            previous = delegate;
            delegate = next;
        }

        /** The key manager holding the alias: the current one, or the previous one for a handshake under way. */
        private X509ExtendedKeyManager holding(String alias) {
            X509ExtendedKeyManager d = delegate;
            if (d != null && d.getPrivateKey(alias) != null) {
                return d;
            }
            X509ExtendedKeyManager p = previous;
            return p != null ? p : d;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            X509ExtendedKeyManager d = delegate;
            return d == null ? null : d.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            X509ExtendedKeyManager d = delegate;
            return d == null ? null : d.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            X509ExtendedKeyManager d = delegate;
            return d == null ? null : d.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            X509ExtendedKeyManager d = delegate;
            return d == null ? null : d.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            X509ExtendedKeyManager d = delegate;
            return d == null ? null : d.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            X509ExtendedKeyManager d = delegate;
            return d == null ? null : d.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            X509ExtendedKeyManager d = holding(alias);
            return d == null ? null : d.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            X509ExtendedKeyManager d = holding(alias);
            return d == null ? null : d.getPrivateKey(alias);
        }
    }

    private static final class ReloadingTrustManager extends X509ExtendedTrustManager {
        volatile X509ExtendedTrustManager delegate;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
