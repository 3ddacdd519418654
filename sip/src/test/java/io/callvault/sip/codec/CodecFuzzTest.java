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
 * <p>To fuzz for real (one target per run, {@code maxDuration} below; findings land in the Inputs
 * directory above, the generated corpus in {@code sip/.cifuzz-corpus/}, which must not be committed):
 * <pre>
 *   JAZZER_FUZZ=1 ./mvnw test -pl sip -Dtest=CodecFuzzTest#anyDatagram_parsesOrFailsAndRoundTrips -Djazzer.hooks=true
 *   JAZZER_FUZZ=1 ./mvnw test -pl sip -Dtest=CodecFuzzTest#anyStream_framesAlikeHoweverSplit -Djazzer.hooks=true
 * </pre>
 * {@code -Djazzer.hooks=true} overrides {@code src/test/resources/junit-platform.properties}, which turns
 * Jazzer's instrumentation off: Jazzer 0.24.0 (the version the parent pom pins) cannot read Java 25
 * class files (its bundled ASM stops at class file version 68), so on JDK 25 its agent logs a stack
 * trace for every class it tries, and fuzzing runs without coverage feedback. Jazzer 0.30.0 instruments
 * Java 25 classes; with it, drop the properties line and fuzzing is coverage-guided.
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
