package io.callvault.server.policy;

import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.policy.CallContext;
import io.callvault.policy.RecordPreference;
import io.callvault.policy.jurisdiction.Location;
import io.callvault.server.config.ServerConfig;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.Extension;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link CallContext} of a call from what the server knows: the extensions directory and the
 * configuration. Used for live calls (the SIP side) and for {@code policy explain} (CLI and API), so both
 * decide from the same facts. Stateless and thread-safe.
 *
 * <p>What goes in:
 * <ul>
 *   <li>each party that is an extension of the directory contributes its line flags ({@code hipaa},
 *       {@code pci}…) and its configured location;</li>
 *   <li>the office location (where the policy places every extension of the call) is the one location
 *       configured among those extensions; with two different ones, or none, it is unknown, which the policy
 *       treats as the strictest case and warns about; a stored location that is not a valid code counts as
 *       not configured and is logged;</li>
 *   <li>the blob store is external when {@code blobs.store = s3}, with the business associate agreement of
 *       {@code policy.blob_store_baa};</li>
 *   <li>the purpose is the rules' default.</li>
 * </ul>
 */
public final class CallContexts {
    private static final Logger LOG = LoggerFactory.getLogger(CallContexts.class);

    private CallContexts() {
    }

    /**
     * The context of a call between {@code caller} and {@code callee}.
     *
     * @param caller     E.164 ({@code +14155550123}) or extension number, as the SIP side normalised it
     *                   (DirectoryRouting.normalise)
     * @param callee     the same for the party called
     * @param direction  seen from the business
     * @param recordPref the value of a party's SDP {@code a=recordpref} (RFC 7866 §6); null or blank when absent
     * @throws IllegalArgumentException if a number is neither E.164 nor an extension number, or recordPref is
     *                                  not one of on, off, pause, nopreference
     * @throws CatalogException         if the directory cannot be read: the caller decides (a live call should
     *                                  not be recorded on guesses about its line flags)
     */
    public static CallContext forCall(String caller, String callee, Direction direction, Directory directory,
                                      ServerConfig config, String recordPref) throws CatalogException {
        RecordPreference preference = recordPref == null || recordPref.isBlank() ? RecordPreference.NO_PREFERENCE
                : RecordPreference.parse(recordPref);
        return forCall(PhoneNumber.of(caller), PhoneNumber.of(callee), direction, directory, config, preference);
    }

    /** As {@link #forCall(String, String, Direction, Directory, ServerConfig, String)}, with typed values. */
    public static CallContext forCall(PhoneNumber caller, PhoneNumber callee, Direction direction, Directory directory,
                                      ServerConfig config, RecordPreference recordPreference) throws CatalogException {
        List<Extension> extensions = new ArrayList<>(2);
        for (PhoneNumber party : List.of(caller, callee)) {
            if (party.isExtension()) {
                directory.extension(party.e164()).ifPresent(extensions::add);
            }
        }
        Set<String> flags = new LinkedHashSet<>();
        extensions.forEach(e -> flags.addAll(e.flags()));
        return CallContext.of(caller, callee, direction).withLineFlags(flags)
                .withOfficeLocation(officeLocation(extensions))
                .withBlobStore("s3".equals(config.blobs().store()), config.policy().blobStoreBaa())
                .withRecordPreference(recordPreference);
    }

    private static Location officeLocation(List<Extension> extensions) {
        Set<Location> located = new LinkedHashSet<>();
        for (Extension e : extensions) {
            location(e).ifPresent(located::add);
        }
        return located.size() == 1 ? located.iterator().next() : Location.UNKNOWN;
    }

    private static Optional<Location> location(Extension e) {
        if (e.location().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Location.parse(e.location()));
        } catch (IllegalArgumentException bad) {
            LOG.warn("Extension {} has the location '{}', which is not a country or region code (US-CA, GB); "
                    + "treating it as unknown: {}", e.number(), e.location(), bad.getMessage());
            return Optional.empty();
        }
    }
}
