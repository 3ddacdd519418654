package io.callvault.sip.codec;

import io.callvault.testkit.SipCorpora;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every RFC 4475 file and every PROTOS INVITE through the fuzz targets of {@link CodecFuzzTest}: the
 * seeds Jazzer would start from, run in every build without copying the corpora into the repository.
 */
@Timeout(30)
class CodecCorpusTest {

    @Test
    void rfc4475Corpus_satisfiesTheFuzzProperties() {
        for (String file : SipCorpora.rfc4475Files()) {
            byte[] data = SipCorpora.rfc4475(file);
            try {
                CodecFuzzTargets.datagram(data);
                CodecFuzzTargets.stream(data);
            } catch (AssertionError e) {
                throw new AssertionError(file + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void protosCorpus_satisfiesTheFuzzProperties() {
        for (SipCorpora.ProtosCase c : SipCorpora.protosCases()) {
            try {
                CodecFuzzTargets.datagram(c.invite());
                CodecFuzzTargets.stream(c.invite());
            } catch (AssertionError e) {
                throw new AssertionError(c + ": " + e.getMessage(), e);
            }
        }
    }
}
