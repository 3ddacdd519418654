package io.callvault.media.announce;

/**
 * What the announcement stage did to packets, counted over the call (both legs).
 *
 * @param replaced G.711 packets toward an announced leg whose payload became prompt audio
 * @param silenced G.711 packets whose payload became silence: toward a leg that does not hear the prompt,
 *                 or toward an announced leg that has heard all of it while another leg still listens
 * @param dropped  packets kept off the wire during playback: non-audio payload types (telephone-event,
 *                 comfort noise, unknown) and packets that are not valid RTP
 */
public record AnnouncementStats(long replaced, long silenced, long dropped) {
}
