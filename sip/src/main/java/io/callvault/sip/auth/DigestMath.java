package io.callvault.sip.auth;

/**
 * The RFC 2617 §3.2.2 / RFC 7616 §3.4.1 computations, with H the algorithm's hash rendered as
 * lower-case hex: A1 = username:realm:password, A2 = method:digest-uri,
 * response = H(H(A1):nonce:nc:cnonce:qop:H(A2)) for qop=auth, H(H(A1):nonce:H(A2)) without qop
 * (RFC 2069 form, kept for old peers).
 */
final class DigestMath {
    private DigestMath() {
    }

    static String ha1(DigestAlgorithm algorithm, String username, String realm, String password) {
        return algorithm.hex(username + ":" + realm + ":" + password);
    }

    static String ha2(DigestAlgorithm algorithm, String method, String digestUri) {
        return algorithm.hex(method + ":" + digestUri);
    }

    static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce, String qop,
            String ha2) {
        return algorithm.hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    static String legacyResponse(DigestAlgorithm algorithm, String ha1, String nonce, String ha2) {
        return algorithm.hex(ha1 + ":" + nonce + ":" + ha2);
    }
}
