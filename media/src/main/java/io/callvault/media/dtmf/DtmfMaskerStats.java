package io.callvault.media.dtmf;

/**
 * Counters of one {@link DtmfMasker}, since it was created.
 *
 * @param audioPackets         G.711 packets rewritten with delayed audio
 * @param maskedPackets        of those, packets in which at least one sample was replaced
 * @param latePackets          G.711 packets that came after later ones; their own audio is not used (it
 *                             was taken as silence when the later packet came) and they carry delayed audio
 * @param gapSamples           samples missing between packets, taken as silence
 * @param discontinuities      new SSRC, or a timestamp jump of more than 1 s forward or 200 ms back
 * @param droppedEventPackets  telephone-event packets dropped ({@code forwardTelephoneEvents} off)
 * @param droppedOtherPackets  packets dropped because they could not be inspected: not valid RTP, or a
 *                             payload type this leg did not negotiate as G.711, telephone-event or CN
 * @param inBandDigits         keys reported from tones
 * @param eventDigits          keys reported from RFC 4733 events
 * @param duplicateDigits      keys seen both ways and reported once
 * @param listenerFailures     listener calls that threw
 */
public record DtmfMaskerStats(long audioPackets, long maskedPackets, long latePackets, long gapSamples,
        long discontinuities, long droppedEventPackets, long droppedOtherPackets, long inBandDigits,
        long eventDigits, long duplicateDigits, long listenerFailures) {
}
