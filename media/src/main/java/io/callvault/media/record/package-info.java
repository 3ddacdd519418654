/**
 * The recording tap: {@link io.callvault.media.record.StereoRecorder} turns the RTP of both legs of one call
 * into one timeline of interleaved stereo PCM (caller left, callee right) for the vault's recording writer,
 * through the {@link io.callvault.media.record.FrameSink} interface.
 *
 * <p>This package handles call audio in clear: nothing here logs samples or payloads.
 */
package io.callvault.media.record;
