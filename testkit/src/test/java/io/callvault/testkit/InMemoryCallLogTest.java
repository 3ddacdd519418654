package io.callvault.testkit;

import io.callvault.vault.spi.CallLog;

class InMemoryCallLogTest extends CallLogContract {
    @Override
    protected CallLog newCallLog() {
        return new InMemoryCallLog();
    }
}
