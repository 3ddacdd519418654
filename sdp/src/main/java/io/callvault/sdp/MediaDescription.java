package io.callvault.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One media section: {@code m=<media> <port>[/<number of ports>] <proto> <fmt> ...} (RFC 8866 §5.14) with its
 * optional {@code c=} line, the lines kept verbatim ({@code i= b= k=} and unknown types) and its attributes
 * in order.
 *
 * <p>For RTP profiles (any proto with an {@code RTP} element, such as {@code RTP/AVP}, {@code RTP/SAVP} or
 * {@code UDP/TLS/RTP/SAVPF}) every format must be a payload type number 0–127. A port of 0 marks a stream
 * that is rejected or disabled (RFC 3264 §6, §8.2).
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
        Optional<Connection> connection, List<SdpLine> otherLines, List<Attribute> attributes) {

    public MediaDescription {
        Tokens.field("media type", media);
        Tokens.port("media port", port);
        if (portCount < 1) {
            throw new IllegalArgumentException("media port count must be at least 1, not " + portCount);
        }
        Tokens.field("media proto", proto);
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("a media section needs at least one format (RFC 8866 §5.14)");
        }
        formats.forEach(f -> Tokens.field("media format", f));
        if (isRtpProto(proto)) {
            for (String f : formats) {
                if (parsePayloadType(f) < 0) {
                    throw new IllegalArgumentException("RTP media format must be a payload type 0 to 127, not '"
                            + f + "'");
                }
            }
        }
        Objects.requireNonNull(connection, "connection");
        otherLines = SdpSerializer.inWritingOrder(otherLines, true);
        for (SdpLine line : otherLines) {
            if ("vostrmca".indexOf(line.type()) >= 0) {
                throw new IllegalArgumentException("a media section cannot keep a " + line.type()
                        + "= line verbatim: " + line);
            }
        }
        attributes = List.copyOf(attributes);
        checkUnique(attributes);
    }

    /** A media section with the given formats, no connection, no attributes. */
    public static MediaDescription of(String media, int port, String proto, List<String> formats) {
        return new MediaDescription(media, port, 1, proto, formats, Optional.empty(), List.of(), List.of());
    }

    /** True when {@code proto} is an RTP profile (RFC 3551, RFC 3711, RFC 5124, RFC 5764). */
    public static boolean isRtpProto(String proto) {
        for (String element : proto.split("/")) {
            if (element.equalsIgnoreCase("RTP")) {
                return true;
            }
        }
        return false;
    }

    public boolean isRtp() {
        return isRtpProto(proto);
    }

    public boolean isAudio() {
        return media.equals("audio");
    }

    /** Port 0: the stream is rejected (in an answer) or disabled (in an offer). */
    public boolean isDisabled() {
        return port == 0;
    }

    /** The formats as payload type numbers, in m-line order; empty for non-RTP sections. */
    public List<Integer> payloadTypes() {
        return isRtp() ? formats.stream().map(MediaDescription::parsePayloadType).toList() : List.of();
    }

    /** The {@code a=rtpmap} written for {@code payloadType}, if any. */
    public Optional<Attribute.RtpMap> rtpMap(int payloadType) {
        return first(Attribute.RtpMap.class, m -> m.payloadType() == payloadType);
    }

    /**
     * What {@code payloadType} carries: its {@code a=rtpmap}, else the RFC 3551 static assignment; empty
     * for a dynamic type without rtpmap (which the offer/answer code then ignores).
     */
    public Optional<Attribute.RtpMap> encoding(int payloadType) {
        return rtpMap(payloadType).or(() -> PayloadTypes.staticMapping(payloadType));
    }

    /** The {@code a=fmtp} parameters for {@code payloadType}, if any. */
    public Optional<String> fmtp(int payloadType) {
        return first(Attribute.Fmtp.class, f -> f.payloadType() == payloadType).map(Attribute.Fmtp::parameters);
    }

    /** The media-level direction attribute; see {@link SessionDescription#direction(int)} for the effect. */
    public Optional<MediaDirection> direction() {
        return first(Attribute.Direction.class, d -> true).map(Attribute.Direction::direction);
    }

    public OptionalInt ptime() {
        return first(Attribute.Ptime.class, p -> true).map(p -> OptionalInt.of(p.millis())).orElse(OptionalInt.empty());
    }

    public Optional<Attribute.Rtcp> rtcp() {
        return first(Attribute.Rtcp.class, r -> true);
    }

    /** All attributes named {@code name} (typed or not), in order. */
    public List<Attribute> attributes(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).toList();
    }

    public boolean hasAttribute(String name) {
        return attributes.stream().anyMatch(a -> a.name().equals(name));
    }

    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, proto, formats, connection, otherLines, attributes);
    }

    public MediaDescription withConnection(Connection newConnection) {
        return new MediaDescription(media, port, portCount, proto, formats, Optional.of(newConnection), otherLines,
                attributes);
    }

    public MediaDescription withoutConnection() {
        return new MediaDescription(media, port, portCount, proto, formats, Optional.empty(), otherLines,
                attributes);
    }

    public MediaDescription withAttributes(List<Attribute> newAttributes) {
        return new MediaDescription(media, port, portCount, proto, formats, connection, otherLines, newAttributes);
    }

    /** Sets the media-level direction, in place of an existing direction attribute or appended. */
    public MediaDescription withDirection(MediaDirection direction) {
        return replaceOrAppend(a -> a instanceof Attribute.Direction, new Attribute.Direction(direction));
    }

    /** Rewrites the port of an existing {@code a=rtcp} (RFC 3605); a section without one is unchanged. */
    public MediaDescription withRtcpPort(int rtcpPort) {
        return withAttributes(attributes.stream()
                .map(a -> a instanceof Attribute.Rtcp r ? r.withPort(rtcpPort) : a).toList());
    }

    /** Removes every attribute named {@code name}. */
    public MediaDescription withoutAttribute(String name) {
        return withAttributes(attributes.stream().filter(a -> !a.name().equals(name)).toList());
    }

    /**
     * Keeps only {@code payloadTypes}, in the order given, and drops the {@code a=rtpmap} and {@code a=fmtp}
     * lines of the others.
     */
    public MediaDescription withPayloadTypes(List<Integer> payloadTypes) {
        if (!isRtp()) {
            throw new IllegalStateException("not an RTP media section: " + proto);
        }
        Set<Integer> keep = new HashSet<>(payloadTypes);
        List<Attribute> kept = attributes.stream().filter(a -> switch (a) {
            case Attribute.RtpMap m -> keep.contains(m.payloadType());
            case Attribute.Fmtp f -> keep.contains(f.payloadType());
            default -> true;
        }).toList();
        return new MediaDescription(media, port, portCount, proto,
                payloadTypes.stream().map(String::valueOf).toList(), connection, otherLines, kept);
    }

    private MediaDescription replaceOrAppend(Predicate<Attribute> match, Attribute replacement) {
        List<Attribute> result = new ArrayList<>(attributes.size() + 1);
        boolean replaced = false;
        for (Attribute a : attributes) {
            if (match.test(a)) {
                if (!replaced) {
                    result.add(replacement);
                    replaced = true;
                }
            } else {
                result.add(a);
            }
        }
        if (!replaced) {
            result.add(replacement);
        }
        return withAttributes(result);
    }

    private <T extends Attribute> Optional<T> first(Class<T> type, Predicate<T> match) {
        for (Attribute a : attributes) {
            if (type.isInstance(a) && match.test(type.cast(a))) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    /** The payload type a format token names, or -1 if it is not a number 0–127. */
    static int parsePayloadType(String format) {
        if (format.isEmpty() || format.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= PayloadTypes.MAX ? value : -1;
    }

    /** Ambiguity is refused: one direction, ptime and rtcp per section, one rtpmap and fmtp per payload. */
    static void checkUnique(List<Attribute> attributes) {
        Set<String> seen = new HashSet<>();
        for (Attribute a : attributes) {
            String key = switch (a) {
                case Attribute.Direction d -> "a direction attribute";
                case Attribute.Ptime p -> "a=ptime";
                case Attribute.Rtcp r -> "a=rtcp";
                case Attribute.RtpMap m -> "a=rtpmap for payload type " + m.payloadType();
                case Attribute.Fmtp f -> "a=fmtp for payload type " + f.payloadType();
                case Attribute.Other o -> null;
            };
            if (key != null && !seen.add(key)) {
                throw new IllegalArgumentException("more than one " + key + " in one section");
            }
        }
    }
}
