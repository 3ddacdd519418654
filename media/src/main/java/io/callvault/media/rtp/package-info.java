/**
 * Zero-copy views of RTP and RTCP packets (RFC 3550), the RFC 5761/7983 demultiplexing rule for packets
 * arriving on one port, and the RFC 4733 telephone-event payload.
 *
 * <p>Buffer ownership: a view reads and writes the caller's bytes in place and copies nothing; it is valid
 * as long as the caller keeps those bytes unchanged by others, and it must not outlive a pooled buffer's
 * release. Views are not thread-safe. Validation never throws: {@code check} returns a reason.
 */
package io.callvault.media.rtp;
