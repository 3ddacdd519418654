package io.callvault.sip.b2bua;

import io.callvault.sip.transport.Peer;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A trunk as call set-up needs it: where its signalling is, its country for number normalisation, and
 * its digest credentials for answering its challenges (the password is fetched, decrypted, only when a
 * challenge arrives).
 */
public record TrunkRoute(String name, Peer peer, String country, Optional<String> username,
                         Supplier<Optional<String>> password) {
    @Override
    public String toString() {
        return "TrunkRoute[" + name + " " + peer + "]";
    }
}
