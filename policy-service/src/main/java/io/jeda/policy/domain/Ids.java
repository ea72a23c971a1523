package io.jeda.policy.domain;

import java.security.SecureRandom;

/** Makes the opaque ids of resources whose id the server chooses (plans, calendar days, ...). */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** 16 characters of base32: 80 random bits, unguessable and URL-safe. */
    public static String newId() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
