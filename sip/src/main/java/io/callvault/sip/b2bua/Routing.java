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
}
