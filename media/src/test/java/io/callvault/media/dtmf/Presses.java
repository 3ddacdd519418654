package io.callvault.media.dtmf;

import java.util.ArrayList;
import java.util.List;

/** A {@link DigitListener} that keeps what it is told, checking that starts and ends alternate. */
final class Presses implements DigitListener {
    final List<DigitEvent> started = new ArrayList<>();
    final List<DigitEvent> ended = new ArrayList<>();

    @Override
    public void digitStarted(DigitEvent event) {
        if (started.size() != ended.size()) {
            throw new AssertionError("a start before the previous press ended");
        }
        started.add(event);
    }

    @Override
    public void digitEnded(DigitEvent event) {
        if (started.size() != ended.size() + 1) {
            throw new AssertionError("an end without a start");
        }
        ended.add(event);
    }

    /** The keys of the presses that started, in order. */
    String keys() {
        StringBuilder b = new StringBuilder();
        for (DigitEvent e : started) {
            b.append(e.digit());
        }
        return b.toString();
    }

    /** Runs a fresh detector over {@code pcm} in one piece, then {@link DtmfDetector#finish()}. */
    static Presses detect(short[] pcm) {
        Presses p = new Presses();
        DtmfDetector d = new DtmfDetector(p);
        d.process(pcm, 0, pcm.length);
        d.finish();
        return p;
    }

    static Presses detect(double[] x) {
        return detect(Signals.pcm(x));
    }
}
