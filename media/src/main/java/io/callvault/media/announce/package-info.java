/**
 * The recording notice and the opt-out key, as one relay stage per call.
 *
 * <pre>
 *  leg A ─RTP─▶ [announcement] ─▶ [recording tap] ─▶ leg B       chain order: the tap never sees audio
 *  leg A ◀─RTP─ [announcement] ◀─ [recording tap] ◀─ leg B       from before the notice ended
 * </pre>
 *
 * <ul>
 *   <li>{@link io.callvault.media.announce.Prompt}: the notice's audio (8 kHz mono), its id and SHA-256.</li>
 *   <li>{@link io.callvault.media.announce.Announcement}: one per call; {@code stage()} for the chain,
 *       {@code start()} at answer, {@code cancel()} at hangup.</li>
 *   <li>{@link io.callvault.media.announce.AnnouncementListener}: completed, interrupted or opted out, each
 *       with {@link io.callvault.media.announce.AnnouncementEvidence}.</li>
 * </ul>
 *
 * <p>The shipped default, {@code recording-notice-en.wav} in this package's resources, says "This call may
 * be recorded for quality, training and compliance. To continue without recording, press 9 now." (7.7 s,
 * 16-bit PCM). It names key 9, so it fits only a policy whose opt-out key is 9; operators replace it with
 * their own wording, language and voice through {@code Prompt.fromWav}. It was made with eSpeak NG 1.51 and
 * SoX 14.4.2, and is rebuilt byte for byte with:
 *
 * <pre>
 * espeak-ng -v en -s 155 -w /tmp/notice.wav "This call may be recorded for quality, training and compliance. To continue without recording, press 9 now."
 * sox -D /tmp/notice.wav -r 8000 -c 1 -b 16 media/src/main/resources/io/callvault/media/announce/recording-notice-en.wav \
 *     silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0.1 0.2 gain -n -3
 * </pre>
 *
 * (trim the synthesiser's leading and trailing silence, keep 0.1 s before and 0.2 s after, peak at −3 dBFS;
 * {@code -D} turns off dither so the output is reproducible).
 *
 * <p>This package handles call audio in clear and decides what a party hears before consenting: nothing
 * here logs samples or payloads.
 */
package io.callvault.media.announce;
