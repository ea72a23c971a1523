package io.jeda.common.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." +
 * body)), where the key is the base64 part of a {@code whsec_} secret. relay-service signs with it;
 * {@code ./jeda receiver} and the tests' receivers check with it.
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} + base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value for one send. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        String b64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(b64), "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Whether one of the signatures in a {@code webhook-signature} header (space-separated, as the
     * convention allows during a secret's rotation) is this send's, compared in constant time.
     */
    public static boolean verify(String secret, String id, long timestampSeconds, String body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(secret, id, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : header.trim().split(" +")) {
            if (java.security.MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
