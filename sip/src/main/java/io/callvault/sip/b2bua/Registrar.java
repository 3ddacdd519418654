package io.callvault.sip.b2bua;

import io.callvault.sip.auth.CredentialStore;
import io.callvault.sip.auth.DigestChallenger;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.registrar.Binding;
import io.callvault.sip.registrar.LocationService;
import io.callvault.sip.registrar.LocationService.ContactUpdate;
import io.callvault.sip.registrar.LocationService.Outcome;
import io.callvault.sip.transaction.ServerTransaction;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar (RFC 3261 §10.3): authenticates a REGISTER with digest (401 challenge), checks that the
 * authenticated user is the extension in To, and applies the contacts to the {@link LocationService}.
 */
public final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    /** Expiry bounds: softphones asking for less get 423 with Min-Expires (§10.3 step 7). */
    public static final Duration MIN_EXPIRES = Duration.ofSeconds(60);
    public static final Duration MAX_EXPIRES = Duration.ofHours(1);
    public static final Duration DEFAULT_EXPIRES = Duration.ofMinutes(10);

    private final DigestChallenger digest;
    private final CredentialStore credentials;
    private final LocationService location;
    private final InstantSource clock;
    private final Routing routing;

    public Registrar(DigestChallenger digest, CredentialStore credentials, LocationService location,
                     InstantSource clock, Routing routing) {
        this.digest = digest;
        this.credentials = credentials;
        this.location = location;
        this.clock = clock;
        this.routing = routing;
    }

    public void onRegister(ServerTransaction tx, SipRequest register) {
        tx.respond(handle(tx, register));
    }

    private SipResponse handle(ServerTransaction tx, SipRequest register) {
        String aor;
        try {
            aor = register.to().sipUri().user().orElse("");
        } catch (SipParseException e) {
            return SipResponse.to(register, 400, "Bad To");
        }
        if (!routing.isExtension(aor)) {
            return SipResponse.to(register, 404, "Not Found");
        }
        switch (digest.verify(register, false, credentials)) {
            case DigestChallenger.Verdict.Stale s -> {
                return digest.challenge(register, false, true, Tags.random());
            }
            case DigestChallenger.Verdict.Rejected r -> {
                LOG.debug("REGISTER for {} from {} challenged: {}", aor, tx.peer(), r.reason());
                return digest.challenge(register, false, false, Tags.random());
            }
            case DigestChallenger.Verdict.Authenticated a when !a.username().equals(aor) -> {
                return SipResponse.to(register, 403, "Forbidden");
            }
            case DigestChallenger.Verdict.Authenticated a -> {
                return apply(tx, register, aor);
            }
        }
    }

    private SipResponse apply(ServerTransaction tx, SipRequest register, String aor) {
        Duration defaultExpires = register.headers().first("Expires").map(Registrar::seconds).orElse(DEFAULT_EXPIRES);
        List<ContactUpdate> updates = new ArrayList<>();
        boolean removeAll = register.isContactWildcard();
        if (removeAll && !defaultExpires.isZero()) {
            return SipResponse.to(register, 400, "Wildcard Contact needs Expires 0");
        }
        if (!removeAll) {
            for (NameAddr contact : register.contacts()) {
                Duration expires = contact.params().value("expires").map(Registrar::seconds).orElse(defaultExpires);
                if (!expires.isZero() && expires.compareTo(MIN_EXPIRES) < 0) {
                    return SipResponse.to(register, 423, "Interval Too Brief")
                            .withHeader("Min-Expires", String.valueOf(MIN_EXPIRES.toSeconds()));
                }
                if (expires.compareTo(MAX_EXPIRES) > 0) {
                    expires = MAX_EXPIRES;
                }
                double q = contact.params().value("q").map(Registrar::quality).orElse(1.0);
                updates.add(new ContactUpdate(contact.uri().toString(), expires, q));
            }
        }
        Outcome outcome = location.register(aor, updates, removeAll, tx.peer().address(),
                tx.peer().transport().name(), register.callId().value(), register.cseq().number(), clock.instant());
        return switch (outcome) {
            case Outcome.OutOfOrder o -> SipResponse.to(register, 500, "Out Of Order Registration");
            case Outcome.TooManyContacts t -> SipResponse.to(register, 403, "Too Many Contacts");
            case Outcome.Updated u -> ok(register, u.current());
        };
    }

    private SipResponse ok(SipRequest register, List<Binding> current) {
        SipResponse ok = SipResponse.to(register, 200, "OK", register.to().tag().orElse(Tags.random()));
        for (Binding b : current) {
            long left = Math.max(0, Duration.between(clock.instant(), b.expires()).toSeconds());
            ok = ok.withHeader("Contact", "<" + b.contactUri() + ">;expires=" + left);
        }
        return ok.withHeader("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(clock.instant().atZone(java.time.ZoneOffset.UTC)).replace("Z", "GMT"));
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.min(Long.parseLong(value.strip()), Integer.MAX_VALUE));
        } catch (NumberFormatException e) {
            return DEFAULT_EXPIRES;
        }
    }

    private static double quality(String value) {
        try {
            double q = Double.parseDouble(value);
            return q < 0 || q > 1 ? 1.0 : q;
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }

}
