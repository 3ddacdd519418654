package io.callvault.api.recordings;

import io.callvault.core.AudioFormat;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.wav.WavWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A recording as listed: its catalog facts, no audio. {@code wavBytes} is the size of the WAV file the
 * audio route serves (header plus audio frames); 0 while the recording is still being written.
 */
public record RecordingView(String id, String callId, PartyView caller, PartyView callee, String direction,
                            String agent, Instant startedAt, Instant endedAt, long durationMillis,
                            FormatView format, String state, String stateReason, long wavBytes,
                            Map<String, String> tags) {

    /** One side of the call. */
    public record PartyView(String number, String displayName) {
        static PartyView of(Party p) {
            return new PartyView(p.number().toString(), p.displayName());
        }
    }

    /** The stored sample format: encoding pcm_s16le, mulaw or alaw. */
    public record FormatView(String encoding, int sampleRate, int channels) {
        static FormatView of(AudioFormat f) {
            return new FormatView(f.encoding().name().toLowerCase(Locale.ROOT), f.sampleRate(), f.channels());
        }
    }

    public static RecordingView of(RecordingRow r) {
        long wav = r.playable() ? WavWriter.headerLength(r.format()) + r.plaintextBytes() : 0;
        return new RecordingView(r.id().toString(), r.callId(), PartyView.of(r.caller()), PartyView.of(r.callee()),
                r.direction().label(), r.agent(), r.startedAt(), r.endedAt(), r.durationMillis(),
                FormatView.of(r.format()), r.state().name().toLowerCase(Locale.ROOT), r.stateReason(), wav, r.tags());
    }
}
