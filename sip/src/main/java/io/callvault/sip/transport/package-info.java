/**
 * The SIP transport layer (RFC 3261 §18): sockets, framing and symmetric response routing.
 * {@link io.callvault.sip.transport.NettySipTransport} serves UDP and TCP on one port and hands parsed
 * messages, or parse failures as values, to an {@link io.callvault.sip.transport.InboundHandler}; the
 * transaction layer above answers what deserves an answer. The socket always lives on.
 */
package io.callvault.sip.transport;
