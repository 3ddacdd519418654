package io.callvault.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a {@link SessionDescription} as text with CRLF line ends, in the line order of RFC 8866 §5:
 * {@code v o s i u e p c b t r z k a} at session level and {@code m i c b k a} per medium. Lines kept
 * verbatim are written at their type's place in that order and, among themselves, in the order received;
 * letters the RFC does not define go just before the attributes.
 */
public final class SdpSerializer {
    private static final String CRLF = "\r\n";
    private static final String SESSION_ORDER = "iuepbzk";
    private static final String MEDIA_ORDER = "ibk";

    private SdpSerializer() {
    }

    public static String serialize(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(512);
        line(out, 'v', "0");
        line(out, 'o', sdp.origin().toValue());
        line(out, 's', sdp.sessionName());
        verbatim(out, sdp.otherLines(), "iuep");
        sdp.connection().ifPresent(c -> line(out, 'c', c.toValue()));
        verbatim(out, sdp.otherLines(), "b");
        for (Timing t : sdp.timings()) {
            line(out, 't', t.toValue());
            t.repeats().forEach(r -> line(out, 'r', r));
        }
        verbatim(out, sdp.otherLines(), "zk");
        verbatimExcept(out, sdp.otherLines(), "iuepbzk");
        sdp.attributes().forEach(a -> line(out, 'a', a.toValue()));
        for (MediaDescription m : sdp.media()) {
            String port = m.portCount() == 1 ? Integer.toString(m.port()) : m.port() + "/" + m.portCount();
            line(out, 'm', m.media() + " " + port + " " + m.proto() + " " + String.join(" ", m.formats()));
            verbatim(out, m.otherLines(), "i");
            m.connection().ifPresent(c -> line(out, 'c', c.toValue()));
            verbatim(out, m.otherLines(), "bk");
            verbatimExcept(out, m.otherLines(), "ibk");
            m.attributes().forEach(a -> line(out, 'a', a.toValue()));
        }
        return out.toString();
    }

    /**
     * Sorts kept lines into the order this class writes them, keeping the received order among lines of one
     * type; the records do this on construction so that parsing what was written gives an equal value.
     */
    static List<SdpLine> inWritingOrder(List<SdpLine> lines, boolean mediaLevel) {
        String order = mediaLevel ? MEDIA_ORDER : SESSION_ORDER;
        List<SdpLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(l -> {
            int rank = order.indexOf(l.type());
            return rank < 0 ? order.length() : rank;
        }));
        return List.copyOf(sorted);
    }

    /** Writes the kept lines of each type in {@code types}, type by type in that order. */
    private static void verbatim(StringBuilder out, List<SdpLine> lines, String types) {
        for (int i = 0; i < types.length(); i++) {
            for (SdpLine l : lines) {
                if (l.type() == types.charAt(i)) {
                    line(out, l.type(), l.value());
                }
            }
        }
    }

    private static void verbatimExcept(StringBuilder out, List<SdpLine> lines, String types) {
        for (SdpLine l : lines) {
            if (types.indexOf(l.type()) < 0) {
                line(out, l.type(), l.value());
            }
        }
    }

    private static void line(StringBuilder out, char type, String value) {
        out.append(type).append('=').append(value).append(CRLF);
    }
}
