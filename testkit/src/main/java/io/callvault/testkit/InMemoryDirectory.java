package io.callvault.testkit;

import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.Extension;
import io.callvault.vault.spi.Trunk;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link Directory} in memory, for unit tests of other classes. */
public final class InMemoryDirectory implements Directory {
    private final ConcurrentSkipListMap<String, Extension> extensions = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<String, Trunk> trunks = new ConcurrentSkipListMap<>();

    @Override
    public void putExtension(Extension extension) {
        extensions.put(extension.number(), extension);
    }

    @Override
    public boolean removeExtension(String number) {
        return extensions.remove(number) != null;
    }

    @Override
    public Optional<Extension> extension(String number) {
        return Optional.ofNullable(extensions.get(number));
    }

    @Override
    public List<Extension> extensions() {
        return List.copyOf(extensions.values());
    }

    @Override
    public void putTrunk(Trunk trunk) {
        trunks.put(trunk.name(), trunk);
    }

    @Override
    public boolean removeTrunk(String name) {
        return trunks.remove(name) != null;
    }

    @Override
    public List<Trunk> trunks() {
        return List.copyOf(trunks.values());
    }
}
