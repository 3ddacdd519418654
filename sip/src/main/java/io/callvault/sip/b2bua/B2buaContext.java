package io.callvault.sip.b2bua;

import io.callvault.core.time.Scheduler;
import io.callvault.sip.transaction.SipTimers;
import io.callvault.sip.transaction.TransactionLayer;
import io.callvault.sip.transport.SipTransport;
import java.time.InstantSource;

/** What the B2BUA's parts share: the SIP layers, time, media anchoring, the SDP bridge and the calls. */
record B2buaContext(java.util.function.Supplier<TransactionLayer> layerRef, SipTransport transport, Scheduler scheduler, SipTimers timers,
                    MediaAnchor media, SdpBridge sdp, CallRegistry calls, CallEvents events,
                    java.time.Duration ringTimeout) {
    /** The transaction layer (attached after construction, as it needs the B2BUA as its user). */
    TransactionLayer layer() {
        return layerRef.get();
    }

    InstantSource clock() {
        return scheduler.clock();
    }
}
