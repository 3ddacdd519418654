/**
 * DTMF: detection in the audio (ITU-T Q.24 limits) and in RFC 4733 telephone-events, masking of the keys
 * in the relayed and recorded audio, and spotting card data among them. Design and measured limits:
 * {@code docs/dtmf.md}.
 *
 * <pre>
 *  leg A ─RTP─▶ [dtmf-mask] ─▶ [recording tap] ─▶ leg B     the tap records masked audio; the far
 *                   │                                       party hears it 60 ms late
 *                   └─▶ MaskedDigitListener ─▶ CardNumberWatcher ─▶ CardEntryListener
 * </pre>
 *
 * <ul>
 *   <li>{@link io.callvault.media.dtmf.DtmfDetector}: 8 kHz PCM in, {@link io.callvault.media.dtmf.DigitEvent}
 *       start and end out, by sample position.</li>
 *   <li>{@link io.callvault.media.dtmf.Rfc4733Tracker}: telephone-event packets in, one start and one end
 *       per press.</li>
 *   <li>{@link io.callvault.media.dtmf.DtmfMasker}: one per leg whose keys are masked; {@code stage(...)}
 *       for the relay chain.</li>
 *   <li>{@link io.callvault.media.dtmf.Luhn} and {@link io.callvault.media.dtmf.CardNumberWatcher}: card
 *       numbers and security codes among the keys, reported without the digits.</li>
 * </ul>
 *
 * <p>Keys are card data: no {@code toString} here shows one, and nothing here logs keys or audio. Code that
 * needs a key asks for it ({@code digit()}).
 */
package io.callvault.media.dtmf;
