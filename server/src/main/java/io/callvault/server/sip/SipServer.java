package io.callvault.server.sip;

import io.callvault.core.time.SystemScheduler;
import io.callvault.media.relay.MediaRelay;
import io.callvault.media.relay.RelayConfig;
import io.callvault.server.config.ServerConfig;
import io.callvault.sip.auth.DigestAlgorithm;
import io.callvault.sip.auth.DigestChallenger;
import java.util.List;
import java.util.Optional;
import io.callvault.sip.b2bua.B2bua;
import io.callvault.sip.registrar.LocationService;
import io.callvault.sip.transaction.SipTimers;
import io.callvault.sip.transaction.TransactionLayer;
import io.callvault.sip.transport.InboundHandler;
import io.callvault.sip.transport.NettySipTransport;
import io.callvault.sip.transport.Peer;
import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.message.SipMessage;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.CallLog;
import io.callvault.vault.spi.Directory;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP side of the server, wired: transport (UDP+TCP) → transaction layer → B2BUA (registrar and
 * calls) → media relay and recorder → vault. Start once, close once.
 */
public final class SipServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipServer.class);
    /** Bindings per extension: a desk phone, a softphone and a mobile app, with room to spare. */
    private static final int MAX_CONTACTS = 10;

    private final SystemScheduler scheduler;
    private final MediaRelay relay;
    private final NettySipTransport transport;
    private final B2bua b2bua;

    private SipServer(SystemScheduler scheduler, MediaRelay relay, NettySipTransport transport, B2bua b2bua) {
        this.scheduler = scheduler;
        this.relay = relay;
        this.transport = transport;
        this.b2bua = b2bua;
    }

    /**
     * @param policy decides per call whether and how to record; closed by the caller after this server
     * @param live   where calls being recorded are registered, for pause and resume
     */
    public static SipServer start(ServerConfig config, Vault vault, Directory directory, CallLog callLog,
                                  CallPolicy policy, LiveCalls live) throws IOException {
        SystemScheduler scheduler = new SystemScheduler("sip-timers", 2);
        MediaRelay relay = null;
        try {
            relay = new MediaRelay(RelayConfig.defaults(InetAddress.getByName(config.media().bind()))
                    .withPorts(config.media().portMin(), config.media().portMax()));
            LocationService location = new LocationService(MAX_CONTACTS);
            DirectoryRouting routing = new DirectoryRouting(directory, location, scheduler.clock(), vault.keys());
            byte[] nonceSecret = new byte[32];
            new SecureRandom().nextBytes(nonceSecret);
            DigestChallenger.Config defaults = DigestChallenger.Config.defaults(config.sip().realm());
            List<DigestAlgorithm> algorithms = config.sip().digestAlgorithms().stream()
                    .map(t -> DigestAlgorithm.fromToken(Optional.of(t)).orElseThrow()).toList();
            DigestChallenger digest = new DigestChallenger(new DigestChallenger.Config(defaults.realm(),
                    defaults.nonceLifetime(), algorithms, defaults.maxTrackedNonces(), defaults.acceptLegacyNoQop()),
                    nonceSecret, scheduler.clock());
            LayerHolder holder = new LayerHolder();
            NettySipTransport transport = NettySipTransport.start(InetAddress.getByName(config.sip().bind()),
                    config.sip().port(), io.callvault.sip.codec.Limits.DEFAULTS, holder);
            SipTimers timers = new SipTimers();
            RecordingMediaAnchor anchor = new RecordingMediaAnchor(relay, vault, scheduler, policy, config.pci(), live);
            CallRecords records = new CallRecords(callLog, anchor);
            B2bua b2bua = new B2bua(new B2bua.Config(transport, scheduler, timers, digest, routing, routing, location,
                    anchor, records, config.sip().ringTimeout()));
            TransactionLayer layer = new TransactionLayer(transport, scheduler, timers, b2bua);
            b2bua.attach(layer);
            holder.layer = layer;
            LOG.info("SIP on {}:{} (UDP, TCP), realm {}; media relay on {} ports {}-{}", config.sip().bind(),
                    config.sip().port(), config.sip().realm(), config.media().bind(), config.media().portMin(),
                    config.media().portMax());
            return new SipServer(scheduler, relay, transport, b2bua);
        } catch (IOException | RuntimeException e) {
            if (relay != null) {
                relay.close();
            }
            scheduler.close();
            throw new IOException("cannot start SIP on " + config.sip().bind() + ":" + config.sip().port() + ": "
                    + e.getMessage() + " (is another SIP server using the port? set sip.port / CALLVAULT_SIP_PORT)", e);
        }
    }

    public int activeCalls() {
        return b2bua.activeCalls();
    }

    @Override
    public void close() throws Exception {
        try (scheduler; relay; transport) {
            LOG.info("SIP stopped");
        }
    }

    /** Lets the transport be created before the transaction layer that handles its messages. */
    private static final class LayerHolder implements InboundHandler {
        volatile TransactionLayer layer;

        @Override
        public void onMessage(SipMessage m, Peer from) {
            TransactionLayer l = layer;
            if (l != null) {
                l.onMessage(m, from);
            }
        }

        @Override
        public void onParseFailure(ParseResult.Failed f, byte[] raw, Peer from) {
            TransactionLayer l = layer;
            if (l != null) {
                l.onParseFailure(f, raw, from);
            }
        }
    }
}
