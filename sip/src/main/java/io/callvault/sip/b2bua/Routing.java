package io.callvault.sip.b2bua;

import io.callvault.sip.registrar.Binding;
import java.util.List;
import java.util.Optional;

/** Who may call and who can be reached: the server answers from its extensions directory. */
public interface Routing {

    /** True if {@code number} is a configured extension (registered or not). */
    boolean isExtension(String number);

    /** The extension's display name, if any. */
    default Optional<String> displayName(String number) {
        return Optional.empty();
    }

    /** Where an extension can be reached now (from the registrar), best first; empty if not registered. */
    List<Binding> bindings(String number);

    /** The trunk whose signalling comes from {@code source}: its calls are not challenged. */
    default Optional<TrunkRoute> trunkAt(java.net.InetSocketAddress source) {
        return Optional.empty();
    }

    /** The extension that a number dialled from outside (a DID on {@code trunk}) rings. */
    default Optional<String> didTarget(TrunkRoute trunk, String dialled) {
        return Optional.empty();
    }

    /** A number from outside, in E.164 if it can be made so (the trunk's country for national numbers). */
    default String normalise(String number, String country) {
        return number;
    }

    /** Where an outside number dialled by an extension goes. */
    record Outbound(String e164, TrunkRoute trunk, String callerId) {
    }

    /**
     * The trunk and E.164 form of a number an extension dialled, and the caller id to present (the
     * extension's DID on that trunk, else its number); empty if it is not a valid outside number or no
     * trunk is configured.
     */
    default Optional<Outbound> outbound(String dialled, String callerExtension) {
        return Optional.empty();
    }
}
