package io.callvault.sip.codec;

import io.callvault.testkit.SipCorpora;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer fuzz tests for the datagram parser and the stream framer (targets in {@link CodecFuzzTargets}).
 *
 * <p>In a normal {@code ./mvnw test} they run in regression mode: the empty input and the hand-made
 * seeds under {@code src/test/resources/io/callvault/sip/codec/CodecFuzzTestInputs/<method>/}. The RFC
 * 4475 and PROTOS corpora are not copied into the repository; {@link CodecCorpusTest} feeds every file of
 * both through the same targets in every build, and {@link #corpus()} hands them to Jazzer as seeds
 * when fuzzing.
 *
 * <p>To fuzz for real (coverage-guided; one target per run, {@code maxDuration} below; findings land in
 * the Inputs directory above, the generated corpus in {@code sip/.cifuzz-corpus/}, which git ignores):
 * <pre>
 *   JAZZER_FUZZ=1 ./mvnw test -pl sip -Dtest=CodecFuzzTest#anyDatagram_parsesOrFailsAndRoundTrips
 *   JAZZER_FUZZ=1 ./mvnw test -pl sip -Dtest=CodecFuzzTest#anyStream_framesAlikeHoweverSplit
 * </pre>
 * Known limit: under Maven on JDK 25 the fuzzing run above currently gets no coverage feedback ("no
 * interesting inputs"; {@code -Djazzer.instrument=io.callvault.**} did not change that), so it behaves
 * like random mutation of the seeds. Regression mode, which every build runs, is unaffected.
 */
class CodecFuzzTest {

    /** The shared corpora, only when fuzzing: in regression mode CodecCorpusTest already runs them. */
    static Stream<byte[]> corpus() {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if (fuzz == null || fuzz.isEmpty()) {
            return Stream.empty();
        }
        return Stream.concat(SipCorpora.rfc4475Files().stream().map(SipCorpora::rfc4475),
                SipCorpora.protosCases().stream().map(SipCorpora.ProtosCase::invite));
    }

    @MethodSource("corpus")
    @FuzzTest(maxDuration = "5m")
    void anyDatagram_parsesOrFailsAndRoundTrips(byte[] data) {
        CodecFuzzTargets.datagram(data);
    }

    @MethodSource("corpus")
    @FuzzTest(maxDuration = "5m")
    void anyStream_framesAlikeHoweverSplit(byte[] data) {
        CodecFuzzTargets.stream(data);
    }
}
