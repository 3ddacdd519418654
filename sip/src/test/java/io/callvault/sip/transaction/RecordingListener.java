package io.callvault.sip.transaction;

import io.callvault.sip.message.SipResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client listener that records every callback. */
final class RecordingListener implements ClientListener {
    final List<SipResponse> responses = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onResponse(SipResponse response) {
        responses.add(response);
        events.add("response " + response.status());
    }

    @Override
    public void onTimeout() {
        events.add("timeout");
    }

    @Override
    public void onTransportError(IOException error) {
        events.add("transport error");
    }
}
