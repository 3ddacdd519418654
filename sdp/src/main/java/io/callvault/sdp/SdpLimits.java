package io.callvault.sdp;

/**
 * Bounds the parser enforces before and while reading, so that a hostile body costs little: the body size
 * in bytes (or characters for text input), the number of lines, the length of one line and the number of
 * media sections. {@link #DEFAULT} fits any softphone offer with ICE candidates and SRTP keys.
 */
public record SdpLimits(int maxBodyLength, int maxLines, int maxLineLength, int maxMediaSections) {
    public static final SdpLimits DEFAULT = new SdpLimits(32 * 1024, 512, 2048, 32);

    public SdpLimits {
        if (maxBodyLength < 64 || maxLines < 4 || maxLineLength < 64 || maxMediaSections < 1) {
            throw new IllegalArgumentException("SDP limits too small to parse any description: body "
                    + maxBodyLength + " (min 64), lines " + maxLines + " (min 4), line length " + maxLineLength
                    + " (min 64), media sections " + maxMediaSections + " (min 1)");
        }
    }
}
