package io.callvault.sip.transaction;

import io.callvault.core.time.Scheduler;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the four RFC 3261 §17 state machines share: a lock, named timers and an ordered queue of
 * callbacks to the TU.
 *
 * <p>Concurrency (one lock per transaction): every event (a message from the transport, a timer, a
 * call from the TU) runs its transition under {@link #lock} via {@link #locked}. Sends happen under the
 * lock too, so the wire order matches the state order; that is safe because {@code SipTransport} never
 * blocks nor calls back into the layer. Callbacks to the TU are queued under the lock with
 * {@link #defer} and run after it is released, in order, by one thread at a time: the first thread that
 * finds callbacks waiting drains them, and callbacks queued meanwhile (also by the TU itself, from inside
 * a callback) join that queue. So the TU never runs under the lock and sees one transaction's events in
 * order.
 *
 * <p>Timers: each timer has a name; starting it again replaces the old one, and a timer that fires after
 * it was cancelled or replaced is ignored, so a transition never sees a stale timer.
 */
abstract sealed class Transaction permits InviteClientTransaction, NonInviteClientTransaction,
        InviteServerTransaction, NonInviteServerTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    /** Timer names of RFC 3261 Table 4 and RFC 6026, plus the 200 ms 100-Trying timer of §17.2.1. */
    enum TimerName { A, B, D, E, F, G, H, I, J, K, L, M, TRYING }

    private record Armed(Object token, Scheduler.Cancellable handle) {
    }

    final TxContext ctx;
    final Object key;
    /** The request that created the transaction (sent by a client one, received by a server one). */
    final SipRequest request;
    /** The other end: where a client transaction sends, where a server transaction's request came from. */
    final Peer peer;
    final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Runnable> callbacks = new ArrayDeque<>(); // guarded by lock
    private final Map<TimerName, Armed> timers = new EnumMap<>(TimerName.class); // guarded by lock
    private Thread drainer; // guarded by lock

    Transaction(TxContext ctx, Object key, SipRequest request, Peer peer) {
        this.ctx = ctx;
        this.key = key;
        this.request = request;
        this.peer = peer;
    }

    public SipRequest request() {
        return request;
    }

    public Peer peer() {
        return peer;
    }

    /** The machine's name in metrics, e.g. {@code invite-client}. */
    abstract String machine();

    /** The current state's name; read without the lock, for metrics. */
    abstract String stateName();

    /** Handles a timer that is still armed; called under the lock. */
    abstract void onTimer(TimerName timer);

    /** Handles a failed send; called under the lock. */
    abstract void onTransportError(IOException error);

    /** Terminates without telling the TU (the layer is closing); called under the lock. */
    abstract void abandon();

    /** Runs a transition under the lock, then the callbacks it queued, outside the lock. */
    final void locked(Runnable transition) {
        lock.lock();
        try {
            transition.run();
        } finally {
            lock.unlock();
        }
        drain();
    }

    /** Queues a TU callback; call under the lock. */
    final void defer(Runnable callback) {
        callbacks.add(callback);
    }

    private void drain() {
        if (lock.isHeldByCurrentThread()) {
            return; // a transition further up this thread's stack drains when it unlocks
        }
        lock.lock();
        try {
            if (drainer != null || callbacks.isEmpty()) {
                return;
            }
            drainer = Thread.currentThread();
        } finally {
            lock.unlock();
        }
        boolean done = false;
        try {
            while (true) {
                Runnable next;
                lock.lock();
                try {
                    next = callbacks.poll();
                    if (next == null) {
                        drainer = null;
                        done = true;
                        return;
                    }
                } finally {
                    lock.unlock();
                }
                try {
                    next.run();
                } catch (RuntimeException defect) {
                    ctx.counters().callbackErrors.increment();
                    LOG.warn("SIP transaction user callback failed ({} {})", machine(), stateName(), defect);
                }
            }
        } finally {
            if (!done) {
                lock.lock();
                drainer = null;
                lock.unlock();
            }
        }
    }

    /** Starts (or restarts) a timer; call under the lock. */
    final void startTimer(TimerName name, Duration delay) {
        Object token = new Object();
        Scheduler.Cancellable handle = ctx.scheduler().schedule(delay, () -> locked(() -> {
            Armed armed = timers.get(name);
            if (armed != null && armed.token() == token) {
                timers.remove(name);
                onTimer(name);
            }
        }));
        Armed old = timers.put(name, new Armed(token, handle));
        if (old != null) {
            old.handle().cancel();
        }
    }

    final void cancelTimer(TimerName name) {
        Armed armed = timers.remove(name);
        if (armed != null) {
            armed.handle().cancel();
        }
    }

    /** Cancels every timer and removes the transaction from the layer; call under the lock. */
    final void release() {
        for (Armed armed : timers.values()) {
            armed.handle().cancel();
        }
        timers.clear();
        ctx.terminated().accept(this);
    }

    /** Sends a request or ACK; a failure comes back as {@link #onTransportError}. Call under the lock. */
    final void transmit(SipMessage message, Peer to) {
        watch(ctx.send(message, to));
    }

    /** Sends a response back to the request's source (§18.2.2). Call under the lock. */
    final void transmitResponse(SipResponse response, Peer to) {
        watch(ctx.sendResponse(response, to));
    }

    /** Counts a message sent again (a retransmission) and sends it. */
    final void retransmit(SipMessage message, Peer to) {
        ctx.counters().retransmissionsSent.increment();
        if (message instanceof SipResponse response) {
            transmitResponse(response, to);
        } else {
            transmit(message, to);
        }
    }

    private void watch(CompletionStage<Void> sent) {
        sent.whenComplete((ok, failure) -> {
            if (failure != null) {
                IOException error = TxContext.unwrap(failure);
                ctx.counters().transportErrors.increment();
                LOG.debug("SIP send failed ({} {})", machine(), stateName(), error);
                locked(() -> onTransportError(error));
            }
        });
    }

    /** Waits {@code delay} on timer {@code name} before terminating; zero (reliable transports) terminates now. */
    final void waitThenTerminate(TimerName name, Duration delay, Runnable terminate) {
        if (delay.isZero()) {
            terminate.run();
        } else {
            startTimer(name, delay);
        }
    }
}
