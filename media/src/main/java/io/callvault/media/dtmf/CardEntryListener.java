package io.callvault.media.dtmf;

/** Told of each run that looks like card data, on the thread feeding the {@link CardNumberWatcher}. */
@FunctionalInterface
public interface CardEntryListener {
    void keyed(CardEntry entry);
}
