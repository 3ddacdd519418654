package io.callvault.server.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Digest HA1 values for an extension's password (RFC 3261 §22.4, RFC 8760 §2): H(username ":" realm ":"
 * password) with MD5 and with SHA-256, so softphones of either kind can log in. The password itself is
 * not kept anywhere.
 */
public final class DigestCredentials {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DigestCredentials() {
    }

    public static String ha1(String algorithm, String user, String realm, String password) {
        try {
            MessageDigest d = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(d.digest((user + ":" + realm + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java platform", e);
        }
    }

    /** A random password of 20 unambiguous letters and digits (about 116 bits). */
    public static String generatePassword() {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Refuses passwords a softphone user could not type or that are too weak to expose to the network. */
    public static void checkPassword(String password) {
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("the password must have at least 12 characters "
                    + "(use --generate-password for a strong one)");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the password must not contain control characters");
        }
    }
}
