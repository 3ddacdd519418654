package io.callvault.media.dtmf;

/**
 * What the audio of a masked key becomes: {@link #SILENCE}, or one steady {@link Tone} so a listener hears
 * that something was keyed without being able to tell what. Every key sounds the same either way; only
 * how long each was pressed remains.
 */
public sealed interface Replacement {
    Replacement SILENCE = new Silence();

    /** Digital zero in the packet's law. */
    record Silence() implements Replacement {
    }

    /**
     * A sine, phase-continuous across packets (its phase follows the stream position).
     *
     * @param frequencyHz 200–3400 Hz, and more than 5 % away from every DTMF frequency so that it cannot
     *                    pair with a remnant into a key
     * @param levelDbfs   −40 to −3 dBFS (0 dBFS is a full-scale sine)
     */
    record Tone(int frequencyHz, double levelDbfs) implements Replacement {
        public Tone {
            if (frequencyHz < 200 || frequencyHz > 3400) {
                throw new IllegalArgumentException("a masking tone must be 200 to 3400 Hz, not " + frequencyHz);
            }
            for (int hz : Keypad.ROW_HZ) {
                requireApart(frequencyHz, hz);
            }
            for (int hz : Keypad.COLUMN_HZ) {
                requireApart(frequencyHz, hz);
            }
            if (!(levelDbfs >= -40 && levelDbfs <= -3)) {
                throw new IllegalArgumentException("a masking tone must be -40 to -3 dBFS, not " + levelDbfs);
            }
        }

        /** The sample at stream position {@code position} (8000 Hz). */
        short sample(long position) {
            double amplitude = 32767 * Math.pow(10, levelDbfs / 20);
            double cycles = frequencyHz * (double) Math.floorMod(position, 8000) / 8000;
            return (short) Math.round(amplitude * Math.sin(2 * Math.PI * cycles));
        }

        private static void requireApart(int frequencyHz, int dtmfHz) {
            if (Math.abs(frequencyHz - dtmfHz) <= 0.05 * dtmfHz) {
                throw new IllegalArgumentException("a masking tone of " + frequencyHz
                        + " Hz is within 5 % of the DTMF frequency " + dtmfHz + " Hz; choose e.g. 1000 or 440 Hz");
            }
        }
    }
}
