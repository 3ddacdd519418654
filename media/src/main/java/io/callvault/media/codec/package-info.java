/**
 * Audio codecs the media path decodes for recording and encodes for announcements: G.711 µ-law and A-law.
 * Audio samples pass through here in clear; keep them out of logs and exceptions.
 */
package io.callvault.media.codec;
