package io.callvault.sdp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses SDP (RFC 8866) into a {@link SessionDescription}. Bad input is a value, never an exception: the
 * result is {@link SdpParseResult.Failed} with the 1-based line number and the reason.
 *
 * <p>Tolerant where phones differ harmlessly: LF-only line ends, trailing blank lines, runs of spaces
 * between fields, trailing whitespace on lines we interpret, line types and attributes we do not know
 * (kept verbatim, in order). Strict where callvault relies on the content: {@code v=0} then {@code o=}
 * then {@code s=}; origin, connection, timing and media lines; {@code a=rtpmap}, {@code a=fmtp},
 * {@code a=ptime}, {@code a=rtcp} in RTP sections; at most one direction attribute per section; a
 * connection for every media section.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SdpParser {
    private static final int SHOWN_TEXT = 120;

    private final SdpLimits limits;

    public SdpParser(SdpLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Parses a message body, which must be UTF-8 (RFC 8866 §5). */
    public SdpParseResult parse(byte[] body) {
        if (body.length > limits.maxBodyLength()) {
            return tooLarge(body.length);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += body[i] == '\n' ? 1 : 0;
            }
            return new SdpParseResult.Failed(line, "not valid UTF-8 at byte offset " + in.position(), "");
        }
        return parse(out.flip().toString());
    }

    public SdpParseResult parse(String text) {
        if (text.length() > limits.maxBodyLength()) {
            return tooLarge(text.length());
        }
        try {
            return new SdpParseResult.Parsed(new Run().parse(text));
        } catch (Failure f) {
            return new SdpParseResult.Failed(f.line, f.getMessage(), shorten(f.text));
        }
    }

    private SdpParseResult tooLarge(int length) {
        return new SdpParseResult.Failed(0, "body of " + length + " exceeds the limit of "
                + limits.maxBodyLength() + " (SdpLimits.maxBodyLength)", "");
    }

    private static String shorten(String text) {
        return text.length() <= SHOWN_TEXT ? text : text.substring(0, SHOWN_TEXT) + "...";
    }

    /** Internal control flow only: caught in {@link #parse(String)} and returned as a value. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String text;

        Failure(int line, String text, String reason) {
            super(reason, null, false, false);
            this.line = line;
            this.text = text;
        }
    }

    /** State of one parse: the session being read and the media section being read, if any. */
    private final class Run {
        private int lineNo;
        private boolean versionSeen;
        private String lineText = "";

        private Origin origin;
        private String sessionName;
        private Connection sessionConnection;
        private final List<Timing> timings = new ArrayList<>();
        private final List<SdpLine> sessionLines = new ArrayList<>();
        private final List<Attribute> sessionAttributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();
        private MediaBuilder current;

        SessionDescription parse(String text) {
            int pos = 0;
            int blankLine = 0;
            while (pos < text.length()) {
                int nl = text.indexOf('\n', pos);
                int end = nl < 0 ? text.length() : nl;
                String line = text.substring(pos, end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end);
                pos = nl < 0 ? text.length() : nl + 1;
                lineNo++;
                lineText = line;
                if (lineNo > limits.maxLines()) {
                    throw fail("more than " + limits.maxLines() + " lines (SdpLimits.maxLines)");
                }
                if (line.length() > limits.maxLineLength()) {
                    throw fail("line longer than " + limits.maxLineLength() + " characters (SdpLimits.maxLineLength)");
                }
                if (line.isBlank()) {
                    blankLine = blankLine == 0 ? lineNo : blankLine;
                    continue;
                }
                if (blankLine != 0) {
                    throw new Failure(blankLine, "", versionSeen ? "empty line inside the description"
                            : "empty line before v=0");
                }
                if (line.indexOf('\r') >= 0) {
                    throw fail("carriage return inside a line (line ends must be CRLF or LF)");
                }
                try {
                    line(line);
                } catch (SdpFields.Invalid | IllegalArgumentException e) {
                    // IllegalArgumentException: a record refused a value, e.g. a NUL in an attribute.
                    throw fail(e.getMessage());
                }
            }
            if (sessionName == null) {
                throw new Failure(Math.max(lineNo, 1), "", !versionSeen ? "empty description"
                        : "incomplete description: v=, o= and s= lines are required (RFC 8866 §5)");
            }
            finishMedia();
            try {
                return new SessionDescription(origin, sessionName, Optional.ofNullable(sessionConnection), timings,
                        sessionLines, sessionAttributes, media);
            } catch (IllegalArgumentException e) {
                throw new Failure(1, "", e.getMessage());
            }
        }

        private void line(String line) {
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw fail("expected <type>=<value> with a lower-case letter as type and no space around '='");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (!versionSeen) {
                if (type != 'v') {
                    throw fail("the first line must be v=0 (RFC 8866 §5.1)");
                }
                if (!value.strip().equals("0")) {
                    throw fail("unsupported SDP version '" + value + "' (only v=0 exists, RFC 8866 §5.1)");
                }
                versionSeen = true;
                return;
            }
            if (origin == null) {
                if (type != 'o') {
                    throw fail("expected the o= line (origin) after v=0 (RFC 8866 §5)");
                }
                origin = SdpFields.origin(value);
                return;
            }
            if (sessionName == null) {
                if (type != 's') {
                    throw fail("expected the s= line (session name) after o= (RFC 8866 §5)");
                }
                sessionName = value;
                return;
            }
            switch (type) {
                case 'v', 'o', 's' -> throw fail(type + "= may appear only once, at the start of the description");
                case 'm' -> startMedia(value);
                case 'c' -> connectionLine(value);
                case 'a' -> attributeLine(value);
                case 't', 'r' -> {
                    if (current != null) {
                        throw fail(type + "= is a session-level line and cannot follow an m= line");
                    }
                    if (type == 't') {
                        timings.add(SdpFields.timing(value));
                    } else if (timings.isEmpty()) {
                        throw fail("r= (repeat times) must follow a t= line (RFC 8866 §5.10)");
                    } else {
                        Timing last = timings.removeLast();
                        List<String> repeats = new ArrayList<>(last.repeats());
                        repeats.add(value);
                        timings.add(new Timing(last.start(), last.stop(), repeats));
                    }
                }
                default -> (current == null ? sessionLines : current.lines).add(new SdpLine(type, value));
            }
        }

        private void connectionLine(String value) {
            Connection c = SdpFields.connection(value, "c=");
            if (current == null) {
                if (sessionConnection != null) {
                    throw fail("second c= line at session level");
                }
                sessionConnection = c;
            } else {
                if (current.connection != null) {
                    throw fail("second c= line in one media section (layered multicast is not supported)");
                }
                current.connection = c;
            }
        }

        private void startMedia(String value) {
            finishMedia();
            if (media.size() >= limits.maxMediaSections()) {
                throw fail("more than " + limits.maxMediaSections() + " media sections (SdpLimits.maxMediaSections)");
            }
            String[] f = SdpFields.fields(value);
            if (f.length < 4) {
                throw fail("m= needs media, port, proto and at least one format (RFC 8866 §5.14)");
            }
            int slash = f[1].indexOf('/');
            int port = (int) SdpFields.number(slash < 0 ? f[1] : f[1].substring(0, slash), "m= port", 65535);
            int count = slash < 0 ? 1 : (int) SdpFields.number(f[1].substring(slash + 1), "m= number of ports", 65535);
            if (count < 1) {
                throw fail("m= number of ports must be at least 1");
            }
            List<String> formats = List.of(f).subList(3, f.length);
            if (MediaDescription.isRtpProto(f[2])) {
                for (String format : formats) {
                    if (MediaDescription.parsePayloadType(format) < 0) {
                        throw fail("m= format '" + format + "' is not an RTP payload type 0 to 127 (proto " + f[2]
                                + ")");
                    }
                }
            }
            current = new MediaBuilder(lineNo, lineText, f[0], port, count, f[2], formats);
        }

        private void finishMedia() {
            if (current == null) {
                return;
            }
            if (current.connection == null && sessionConnection == null) {
                throw new Failure(current.line, current.text,
                        "media section has no c= line and the session has none (RFC 8866 §5.7)");
            }
            try {
                media.add(new MediaDescription(current.media, current.port, current.count, current.proto,
                        current.formats, Optional.ofNullable(current.connection), current.lines,
                        current.attributes));
            } catch (IllegalArgumentException e) {
                throw new Failure(current.line, current.text, e.getMessage());
            }
            current = null;
        }

        private void attributeLine(String value) {
            String trimmed = value.strip();
            int colon = trimmed.indexOf(':');
            String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
            if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ')) {
                throw fail("attribute name is empty or contains spaces");
            }
            String arg = colon < 0 ? null : trimmed.substring(colon + 1);
            List<Attribute> target = current == null ? sessionAttributes : current.attributes;
            Optional<MediaDirection> direction = arg == null ? MediaDirection.fromAttribute(name) : Optional.empty();
            Attribute attribute;
            if (direction.isPresent()) {
                attribute = new Attribute.Direction(direction.get());
            } else if (current != null && MediaDescription.isRtpProto(current.proto) && arg != null
                    && (name.equals("rtpmap") || name.equals("ptime") || name.equals("rtcp")
                        || name.equals("fmtp") && arg.strip().indexOf(' ') > 0)) {
                attribute = switch (name) {
                    case "rtpmap" -> SdpFields.rtpMap(arg);
                    case "fmtp" -> SdpFields.fmtp(arg);
                    case "ptime" -> SdpFields.ptime(arg);
                    default -> SdpFields.rtcp(arg);
                };
            } else {
                int rawColon = value.indexOf(':');
                attribute = new Attribute.Other(name, rawColon < 0 ? null : value.substring(rawColon + 1));
            }
            List<Attribute> candidate = new ArrayList<>(target);
            candidate.add(attribute);
            try {
                MediaDescription.checkUnique(candidate);
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
            target.add(attribute);
        }

        private Failure fail(String reason) {
            return new Failure(lineNo, lineText, reason);
        }
    }

    /** A media section being read. */
    private static final class MediaBuilder {
        final int line;
        final String text;
        final String media;
        final int port;
        final int count;
        final String proto;
        final List<String> formats;
        final List<SdpLine> lines = new ArrayList<>();
        final List<Attribute> attributes = new ArrayList<>();
        Connection connection;

        MediaBuilder(int line, String text, String media, int port, int count, String proto, List<String> formats) {
            this.line = line;
            this.text = text;
            this.media = media;
            this.port = port;
            this.count = count;
            this.proto = proto;
            this.formats = formats;
        }
    }
}
