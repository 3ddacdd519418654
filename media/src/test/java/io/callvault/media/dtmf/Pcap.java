package io.callvault.media.dtmf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UDP payloads of a classic pcap file of Ethernet, IPv4, UDP frames (what SIPp ships): record
 * headers in the file's byte order, frames in network order.
 */
final class Pcap {
    private Pcap() {
    }

    static List<byte[]> udpPayloads(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != 0xa1b2c3d4) {
                throw new IOException(file + ": not a microsecond pcap file");
            }
        }
        if (b.getInt(20) != 1) {
            throw new IOException(file + ": link type " + b.getInt(20) + ", not Ethernet");
        }
        ByteBuffer net = b.duplicate().order(ByteOrder.BIG_ENDIAN);
        List<byte[]> payloads = new ArrayList<>();
        int at = 24;
        while (at + 16 <= b.limit()) {
            int captured = b.getInt(at + 8);
            int frame = at + 16;
            int ip = frame + 14;
            if ((net.getShort(frame + 12) & 0xffff) == 0x0800 && net.get(ip + 9) == 17) {
                int udp = ip + 4 * (net.get(ip) & 0x0f);
                int length = (net.getShort(udp + 4) & 0xffff) - 8;
                byte[] payload = new byte[length];
                net.get(udp + 8, payload);
                payloads.add(payload);
            }
            at = frame + captured;
        }
        return payloads;
    }
}
