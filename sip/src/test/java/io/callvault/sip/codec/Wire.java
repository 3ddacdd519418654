package io.callvault.sip.codec;

import java.nio.charset.StandardCharsets;

/** Test messages written with "\n" line ends for readability and sent with CRLF. */
final class Wire {
    private Wire() {
    }

    static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A small valid INVITE with the given extra header lines (each ending in "\n") and body. */
    static String invite(String extraHeaders, String body) {
        return "INVITE sip:bob@biloxi.example.com SIP/2.0\n"
                + "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\n"
                + "Max-Forwards: 70\n"
                + "To: Bob <sip:bob@biloxi.example.com>\n"
                + "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\n"
                + "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\n"
                + "CSeq: 314159 INVITE\n"
                + "Contact: <sip:alice@pc33.atlanta.example.com>\n"
                + extraHeaders
                + "Content-Length: " + body.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8).length + "\n"
                + "\n" + body;
    }
}
