package io.callvault.testkit;

import io.callvault.vault.spi.Directory;

class InMemoryDirectoryTest extends DirectoryContract {
    @Override
    protected Directory newDirectory() {
        return new InMemoryDirectory();
    }
}
