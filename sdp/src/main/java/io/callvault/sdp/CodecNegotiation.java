package io.callvault.sdp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 3264 offer/answer for callvault's audio: which offered payload types callvault can carry and record,
 * an answer built from them, and the filtered offer a B2BUA forwards to the other leg.
 *
 * <p>Rules: the first audio section with a supported profile, a non-zero port and at least one supported
 * codec carries the call; every other section is rejected (answer) or disabled (filtered offer) with port 0,
 * so both legs keep the same m-line indices. Within that section the offerer's payload numbers and order
 * are kept for the intersection (RFC 3264 §6.1), codecs are matched by encoding name, clock rate and
 * channels, and a telephone-event type (RFC 4733) is kept, with its event list narrowed to ours, only next
 * to a real codec. Direction follows RFC 3264 §6.1 from the offer's {@link
 * SessionDescription#effectiveDirection effective direction}, so hold offers (sendonly, inactive, 0.0.0.0)
 * are answered recvonly or inactive.
 *
 * <p>Immutable and thread-safe.
 */
public final class CodecNegotiation {
    public static final String RTP_AVP = "RTP/AVP";

    private final List<Codec> codecs;
    private final TelephoneEvents events;
    private final Set<String> profiles;

    /**
     * @param codecs   audio codecs (not telephone-event), in no particular order: the offerer's order wins
     * @param events   telephone events callvault handles; {@code null} to refuse telephone-event
     * @param profiles transport profiles accepted, e.g. {@code RTP/AVP}
     */
    public CodecNegotiation(List<Codec> codecs, TelephoneEvents events, Set<String> profiles) {
        this.codecs = List.copyOf(codecs);
        if (this.codecs.isEmpty() || this.codecs.stream().anyMatch(Codec::isTelephoneEvent)) {
            throw new IllegalArgumentException("codecs must list at least one audio codec and no telephone-event "
                    + "(that is the events argument): " + codecs);
        }
        this.events = events == null || events.isEmpty() ? null : events;
        this.profiles = Set.copyOf(profiles);
        if (this.profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one transport profile, e.g. RTP/AVP");
        }
    }

    /** PCMU and PCMA, telephone-event 0–16, plain RTP/AVP: what the relay and the recorder both handle. */
    public static CodecNegotiation defaults() {
        return new CodecNegotiation(List.of(Codec.PCMU, Codec.PCMA), TelephoneEvents.DTMF_AND_FLASH, Set.of(RTP_AVP));
    }

    /** The same rules with only the codecs {@code supported} also lists, e.g. what the recorder decodes. */
    public CodecNegotiation restrictTo(Collection<Codec> supported) {
        List<Codec> both = codecs.stream().filter(supported::contains).toList();
        if (both.isEmpty()) {
            throw new IllegalArgumentException("no codec in common between " + codecs + " and " + supported);
        }
        return new CodecNegotiation(both, events, profiles);
    }

    /**
     * The payload types of {@code media} callvault accepts, in the offer's order; empty when the section
     * cannot carry the call (not audio, disabled, other profile, or only telephone-event in common).
     */
    public List<Integer> acceptedPayloadTypes(MediaDescription media) {
        if (!media.isAudio() || media.isDisabled() || !profiles.contains(media.proto())) {
            return List.of();
        }
        List<Integer> accepted = new ArrayList<>();
        boolean audio = false;
        for (int pt : media.payloadTypes()) {
            Optional<Attribute.RtpMap> encoding = media.encoding(pt);
            if (encoding.isEmpty()) {
                continue;
            }
            if (Codec.TELEPHONE_EVENT.matches(encoding.get())) {
                if (eventsFor(media, pt).isPresent()) {
                    accepted.add(pt);
                }
            } else if (codecs.stream().anyMatch(c -> c.matches(encoding.get()))) {
                accepted.add(pt);
                audio = true;
            }
        }
        return audio ? List.copyOf(accepted) : List.of();
    }

    /**
     * Answers {@code offer} as an endpoint receiving at {@code address}:{@code port} (RFC 3264 §6). The
     * answer has the offer's timing and one section per offered section.
     */
    public NegotiationResult answer(SessionDescription offer, Origin origin, String address, int port) {
        Objects.requireNonNull(origin, "origin");
        Tokens.port("answer port", port);
        int chosen = chooseAudio(offer);
        if (chosen < 0) {
            return new NegotiationResult.Rejected(noCommonCodec(offer));
        }
        List<MediaDescription> media = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription offered = offer.media().get(i);
            media.add(i == chosen ? answerAudio(offer, i, port) : rejected(offered));
        }
        SessionDescription answer = new SessionDescription(origin, "callvault", Optional.of(Connection.of(address)),
                offer.timings(), List.of(), List.of(), media);
        return new NegotiationResult.Accepted(answer, chosen);
    }

    /**
     * The offer a B2BUA forwards to the other leg: the audio section keeps only what callvault and the
     * recorder support (offerer's numbers, order, rtpmap and fmtp lines, the telephone-event list narrowed),
     * and every other section is disabled with port 0. Origin, addresses and ports are the offerer's; the
     * B2BUA then rewrites them ({@link SessionDescription#withOrigin},
     * {@link SessionDescription#withMediaEndpoint}).
     */
    public NegotiationResult filterOffer(SessionDescription offer) {
        int chosen = chooseAudio(offer);
        if (chosen < 0) {
            return new NegotiationResult.Rejected(noCommonCodec(offer));
        }
        List<MediaDescription> media = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            if (i != chosen) {
                media.add(new MediaDescription(m.media(), 0, 1, m.proto(), m.formats(), m.connection(), List.of(),
                        List.of()));
                continue;
            }
            MediaDescription filtered = m.withPayloadTypes(acceptedPayloadTypes(m));
            filtered = filtered.withAttributes(filtered.attributes().stream().map(a -> a instanceof Attribute.Fmtp f
                    && isTelephoneEvent(m, f.payloadType())
                    ? new Attribute.Fmtp(f.payloadType(), eventsFor(m, f.payloadType()).orElseThrow().toString())
                    : a).toList());
            media.add(filtered);
        }
        return new NegotiationResult.Accepted(offer.withMedia(media), chosen);
    }

    private int chooseAudio(SessionDescription offer) {
        for (int i = 0; i < offer.media().size(); i++) {
            if (!acceptedPayloadTypes(offer.media().get(i)).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private MediaDescription answerAudio(SessionDescription offer, int index, int port) {
        MediaDescription offered = offer.media().get(index);
        List<Integer> pts = acceptedPayloadTypes(offered);
        List<Attribute> attributes = new ArrayList<>();
        for (int pt : pts) {
            attributes.add(offered.encoding(pt).orElseThrow());
            if (isTelephoneEvent(offered, pt)) {
                attributes.add(new Attribute.Fmtp(pt, eventsFor(offered, pt).orElseThrow().toString()));
            }
        }
        offered.ptime().ifPresent(ms -> attributes.add(new Attribute.Ptime(ms)));
        attributes.add(new Attribute.Direction(offer.effectiveDirection(index).answer()));
        return new MediaDescription("audio", port, 1, offered.proto(), pts.stream().map(String::valueOf).toList(),
                Optional.empty(), List.of(), attributes);
    }

    /** RFC 3264 §6: a rejected stream has port 0 and at least one of the offered formats. */
    private static MediaDescription rejected(MediaDescription offered) {
        return new MediaDescription(offered.media(), 0, 1, offered.proto(), offered.formats(), Optional.empty(),
                List.of(), List.of());
    }

    private static boolean isTelephoneEvent(MediaDescription media, int pt) {
        return media.encoding(pt).map(Codec.TELEPHONE_EVENT::matches).orElse(false);
    }

    /** The events both sides handle for an offered telephone-event type; empty if none in common. */
    private Optional<TelephoneEvents> eventsFor(MediaDescription media, int pt) {
        if (events == null) {
            return Optional.empty();
        }
        return TelephoneEvents.offeredBy(media, pt).map(events::intersect).filter(e -> !e.isEmpty());
    }

    private String noCommonCodec(SessionDescription offer) {
        List<String> offered = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            String codecsOffered = m.payloadTypes().stream()
                    .map(pt -> m.encoding(pt).map(e -> e.encodingName() + "/" + e.clockRate()).orElse("pt " + pt))
                    .toList().toString();
            offered.add(m.media() + " " + (m.isDisabled() ? "(port 0) " : "") + m.proto() + " " + codecsOffered);
        }
        return "no common audio codec: offered " + offered + "; callvault accepts " + codecs + " over " + profiles;
    }
}
