package io.callvault.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An immutable session description (RFC 8866 §5): {@code v=0}, the origin, the session name, the optional
 * session-level connection, timing, the lines kept verbatim, session attributes and the media sections.
 *
 * <p>Invariants checked on construction: every media section has a connection, its own or the session's
 * (RFC 8866 §5.7); at most one direction attribute per level; typed attributes that only make sense per
 * medium ({@code rtpmap fmtp ptime rtcp}) do not appear at session level (the parser keeps such lines as
 * {@link Attribute.Other}). A description without {@code t=} gets {@code t=0 0}. Lines kept verbatim are
 * held in the order {@link SdpSerializer} writes them (RFC 8866 §5 type order, received order within a type).
 *
 * <p>The {@code withX} methods return modified copies; they are how the B2BUA anchors media (replace the
 * peer's address and ports with the relay's), bumps the origin version and puts streams on hold.
 */
public record SessionDescription(Origin origin, String sessionName, Optional<Connection> connection,
        List<Timing> timings, List<SdpLine> otherLines, List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Tokens.text("session name", sessionName);
        Objects.requireNonNull(connection, "connection");
        timings = timings.isEmpty() ? List.of(Timing.UNBOUNDED) : List.copyOf(timings);
        otherLines = SdpSerializer.inWritingOrder(otherLines, false);
        for (SdpLine line : otherLines) {
            if ("vosctrma".indexOf(line.type()) >= 0) {
                throw new IllegalArgumentException("the session level cannot keep a " + line.type()
                        + "= line verbatim: " + line);
            }
        }
        attributes = List.copyOf(attributes);
        for (Attribute a : attributes) {
            if (!(a instanceof Attribute.Direction || a instanceof Attribute.Other)) {
                throw new IllegalArgumentException("a=" + a.name()
                        + " belongs in a media section, not at session level");
            }
        }
        MediaDescription.checkUnique(attributes);
        media = List.copyOf(media);
        if (connection.isEmpty()) {
            for (int i = 0; i < media.size(); i++) {
                if (media.get(i).connection().isEmpty()) {
                    throw new IllegalArgumentException("media section " + (i + 1) + " (" + media.get(i).media()
                            + ") has no c= line and the session has none (RFC 8866 §5.7)");
                }
            }
        }
    }

    /** A new description with {@code t=0 0} and nothing kept verbatim. */
    public static SessionDescription of(Origin origin, String sessionName, Connection connection,
            List<MediaDescription> media) {
        return new SessionDescription(origin, sessionName, Optional.of(connection), List.of(), List.of(), List.of(),
                media);
    }

    /**
     * Parses with the default limits.
     *
     * @throws SdpParseException naming the line and the reason
     */
    public static SessionDescription parse(String text) throws SdpParseException {
        return new SdpParser(SdpLimits.DEFAULT).parse(text).orElseThrow();
    }

    /** The description as text with CRLF line ends (RFC 8866 §5). */
    public String toSdp() {
        return SdpSerializer.serialize(this);
    }

    /** {@link #toSdp()} in UTF-8, for a SIP body. */
    public byte[] toBytes() {
        return toSdp().getBytes(StandardCharsets.UTF_8);
    }

    /** The session-level direction attribute, if any. */
    public Optional<MediaDirection> sessionDirection() {
        return attributes.stream().filter(a -> a instanceof Attribute.Direction)
                .map(a -> ((Attribute.Direction) a).direction()).findFirst();
    }

    /** The connection that applies to media section {@code index}: its own, else the session's. */
    public Connection connection(int index) {
        return media.get(index).connection().or(this::connection).orElseThrow();
    }

    /**
     * The direction written for media section {@code index}: its own attribute, else the session's, else
     * sendrecv (RFC 8866 §6.7).
     */
    public MediaDirection direction(int index) {
        return media.get(index).direction().or(this::sessionDirection).orElse(MediaDirection.SENDRECV);
    }

    /**
     * The direction the writer of this description means for section {@code index}: {@link #direction(int)},
     * without receiving when the connection address is 0.0.0.0 (the RFC 2543 hold that RFC 3264 §8.4 asks
     * answerers to keep understanding).
     */
    public MediaDirection effectiveDirection(int index) {
        MediaDirection d = direction(index);
        return connection(index).isUnspecified() ? d.withoutReceiving() : d;
    }

    /**
     * True when the writer does not want to receive on section {@code index} (sendonly, inactive or
     * 0.0.0.0): in an offer, it puts the other party on hold (RFC 3264 §8.4).
     */
    public boolean isHold(int index) {
        return !effectiveDirection(index).receives();
    }

    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, connection, timings, otherLines, attributes, media);
    }

    /** The same description with the origin's version increased by one (RFC 3264 §8). */
    public SessionDescription withNextVersion() {
        return withOrigin(origin.withNextVersion());
    }

    public SessionDescription withSessionName(String name) {
        return new SessionDescription(origin, name, connection, timings, otherLines, attributes, media);
    }

    public SessionDescription withConnection(Connection newConnection) {
        return new SessionDescription(origin, sessionName, Optional.of(newConnection), timings, otherLines,
                attributes, media);
    }

    public SessionDescription withAttributes(List<Attribute> newAttributes) {
        return new SessionDescription(origin, sessionName, connection, timings, otherLines, newAttributes, media);
    }

    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(origin, sessionName, connection, timings, otherLines, attributes, newMedia);
    }

    public SessionDescription withMedia(int index, UnaryOperator<MediaDescription> change) {
        List<MediaDescription> changed = new ArrayList<>(media);
        changed.set(index, change.apply(media.get(index)));
        return withMedia(changed);
    }

    public SessionDescription withMediaPort(int index, int port) {
        return withMedia(index, m -> m.withPort(port));
    }

    /**
     * Replaces every connection address (session level, media level, and the address of {@code a=rtcp}
     * lines) with {@code address}, keeping 0.0.0.0 so that an old-style hold still reads as a hold on the
     * other leg. The origin is not touched: a B2BUA writes its own with {@link #withOrigin}.
     */
    public SessionDescription withConnectionAddress(String address) {
        UnaryOperator<Connection> rewrite = c -> c.isUnspecified() ? c : c.withAddress(address);
        List<MediaDescription> rewritten = media.stream().map(m -> {
            MediaDescription r = m.connection().map(c -> m.withConnection(rewrite.apply(c))).orElse(m);
            return r.withAttributes(r.attributes().stream().map(a -> a instanceof Attribute.Rtcp rtcp
                    ? new Attribute.Rtcp(rtcp.port(), rtcp.connection().map(rewrite)) : a).toList());
        }).toList();
        return new SessionDescription(origin, sessionName, connection.map(rewrite), timings, otherLines, attributes,
                rewritten);
    }

    /**
     * Anchors media section {@code index} at a relay endpoint: its port becomes {@code rtpPort}, it gets a
     * media-level connection to {@code address} (unless the stream is held with 0.0.0.0, which is kept),
     * and RTCP is pointed at {@code rtcpPort}: an existing {@code a=rtcp} is rewritten, and one is added
     * when {@code rtcpPort} is not {@code rtpPort + 1} (RFC 3605 §2). A disabled stream (port 0) is
     * returned unchanged.
     */
    public SessionDescription withMediaEndpoint(int index, String address, int rtpPort, int rtcpPort) {
        MediaDescription m = media.get(index);
        if (m.isDisabled()) {
            return this;
        }
        Connection current = connection(index);
        Connection relay = current.isUnspecified() ? current : Connection.of(address);
        MediaDescription anchored = m.withPort(rtpPort).withConnection(relay);
        if (m.rtcp().isPresent()) {
            anchored = anchored.withAttributes(anchored.attributes().stream().map(a -> a instanceof Attribute.Rtcp r
                    ? new Attribute.Rtcp(rtcpPort, r.connection().map(c -> relay)) : a).toList());
        } else if (rtcpPort != rtpPort + 1) {
            List<Attribute> withRtcp = new ArrayList<>(anchored.attributes());
            withRtcp.add(new Attribute.Rtcp(rtcpPort, Optional.empty()));
            anchored = anchored.withAttributes(withRtcp);
        }
        MediaDescription result = anchored;
        return withMedia(index, old -> result);
    }

    /**
     * Sets {@code direction} on every media section and drops the session-level direction, so that each
     * section says what it means.
     */
    public SessionDescription withDirection(MediaDirection direction) {
        return new SessionDescription(origin, sessionName, connection, timings, otherLines,
                attributes.stream().filter(a -> !(a instanceof Attribute.Direction)).toList(),
                media.stream().map(m -> m.withDirection(direction)).toList());
    }

    /** Sets the direction of one media section (RFC 3264 §8.4 hold and resume go through here). */
    public SessionDescription withDirection(int index, MediaDirection direction) {
        return withMedia(index, m -> m.withDirection(direction));
    }

    /** Removes attributes named {@code name} at session level and in every media section. */
    public SessionDescription withoutAttribute(String name) {
        return new SessionDescription(origin, sessionName, connection, timings, otherLines,
                attributes.stream().filter(a -> !a.name().equals(name)).toList(),
                media.stream().map(m -> m.withoutAttribute(name)).toList());
    }
}
