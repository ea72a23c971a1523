package io.jeda.policy.tls;

import io.jeda.common.tls.TlsMaterial;
import io.jeda.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A renewal replaces the key file and then the certificate file. Read in between, the new key and
 * the old certificate do not belong together: the service keeps presenting the old pair (a server
 * with a mismatched pair fails every handshake) and takes the new one once both files are in.
 */
class HalfReplacedFilesTest {

    @Test
    void aNewKeyBesideTheOldCertificateIsNotUsedUntilTheCertificateFollows(@TempDir Path dir) throws Exception {
        TestCertificates ca = TestCertificates.authority("half-replaced");
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        X509Certificate first = ca.issue("first", Duration.ofDays(30), cert, key);
        Path nextCert = dir.resolve("next.crt");
        Path nextKey = dir.resolve("next.key");
        X509Certificate next = ca.issue("next", Duration.ofDays(30), nextCert, nextKey);

        try (TlsMaterial material = new TlsMaterial(cert, key, null)) {
            Files.copy(nextKey, key, StandardCopyOption.REPLACE_EXISTING);
            assertFalse(material.reloadIfChanged(), "a key without its certificate is not taken");
            assertEquals(first, material.certificate().orElseThrow());
            assertEquals(first, ((javax.net.ssl.X509KeyManager) material.keyManager())
                    .getCertificateChain(((javax.net.ssl.X509KeyManager) material.keyManager())
                            .chooseServerAlias("EC", null, null))[0]);

            Files.copy(nextCert, cert, StandardCopyOption.REPLACE_EXISTING);
            assertTrue(material.reloadIfChanged(), "the pair is taken once both files are in");
            assertEquals(next, material.certificate().orElseThrow());
        }
    }
}
