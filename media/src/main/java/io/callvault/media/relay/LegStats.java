package io.callvault.media.relay;

/** Statistics of one leg's two sockets; see {@link StreamStats} for what each counter means. */
public record LegStats(Leg leg, StreamStats rtp, StreamStats rtcp) {
    public StreamStats of(StreamKind kind) {
        return kind == StreamKind.RTP ? rtp : rtcp;
    }
}
