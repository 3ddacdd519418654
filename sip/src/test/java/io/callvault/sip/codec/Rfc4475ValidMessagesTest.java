package io.callvault.sip.codec;

import io.callvault.testkit.SipCorpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.message.AbsoluteUri;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.message.Via;
import java.util.Arrays;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The interesting parts of the RFC 4475 messages that parse: what each one tests comes out right, and
 * for the semantically odd ones (§3.2-3.4) the value the application must check is there to check.
 */
class Rfc4475ValidMessagesTest {
    private static final SipParser PARSER = new SipParser(Limits.DEFAULTS);

    private static SipMessage parse(String file) {
        ParseResult result = PARSER.parseDatagram(SipCorpora.rfc4475(file));
        assertThat(result).as(file).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).message();
    }

    @Test
    void wsinv_foldingAndOddWhiteSpace_readAsWritten() {
        SipRequest m = (SipRequest) parse("wsinv.dat");
        assertThat(m.method().name()).isEqualTo("INVITE");
        SipUri ruri = (SipUri) m.requestUri();
        assertThat(ruri.user()).contains("vivekg");
        assertThat(ruri.params().has("unknownparam")).isTrue();
        assertThat(m.to().tag()).contains("1918181833n");
        assertThat(m.from().displayName()).contains("J Rosenberg \\\"");
        assertThat(m.from().tag()).contains("98asjd8");
        assertThat(m.maxForwards().orElseThrow().hops()).isEqualTo(68);
        assertThat(m.cseq().number()).isEqualTo(9);
        assertThat(m.cseq().method().name()).isEqualTo("INVITE");
        assertThat(m.vias()).extracting(Via::transport, Via::host, v -> v.branch().orElse(""))
                .containsExactly(
                        Tuple.tuple("UDP", "192.0.2.2", "390skdjuw"),
                        Tuple.tuple("TCP", "spindle.example.com", "z9hG4bK9ikj8"),
                        Tuple.tuple("UDP", "192.168.255.111", "z9hG4bK30239"));
        assertThat(m.headers().first("Subject")).contains("");
        assertThat(m.headers().first("NewFangledHeader")).contains("newfangled value continued newfangled value");
        assertThat(m.headers().all("UnknownHeaderWithUnusualValue")).containsExactly(";;,,;;,;");
        NameAddr contact = m.contacts().get(0);
        assertThat(contact.displayName()).contains("Quoted string \"\"");
        assertThat(contact.params().value("newparam")).contains("newvalue");
        assertThat(contact.params().has("secondparam")).isTrue();
        assertThat(contact.params().value("q")).contains("0.33");
        assertThat(m.routes().get(0).sipUri().isLooseRouting()).isTrue();
        assertThat(m.body().length()).isEqualTo(150);
    }

    @Test
    void intmeth_extensionMethodAndUnusualCharacters_keptExactly() {
        SipRequest m = (SipRequest) parse("intmeth.dat");
        String method = "!interesting-Method0123456789_*+`.%indeed'~";
        assertThat(m.method().name()).isEqualTo(method);
        assertThat(m.cseq().method().name()).isEqualTo(method);
        SipUri ruri = (SipUri) m.requestUri();
        assertThat(ruri.user()).contains("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(ruri.password()).contains("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(m.to().displayName()).contains("BEL:\u0007 NUL:\u0000 DEL:\u007f");
        assertThat(m.from().displayName()).contains("token1~` token2'+_ token3*%!.-");
        assertThat(m.from().tag()).contains("_token~1'+`*%!-.");
        assertThat(m.callId().value()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
        assertThat(m.topVia().branch()).contains("z9hG4bK-.!%66*_+`'~");
        assertThat(m.headers().first("extensionHeader-!.%*+_`'~")).hasValueSatisfying(v -> assertThat(v)
                .isEqualTo("\uFEFF\u5927\u505C\u96FB"));
    }

    @Test
    void esc01_escapesDecodeToTheirCharacters() {
        SipRequest m = (SipRequest) parse("esc01.dat");
        assertThat(((SipUri) m.requestUri()).user()).contains("sips:user@example.com");
        assertThat(m.to().sipUri().user()).contains("user");
        assertThat(m.from().sipUri().user()).contains("I have spaces");
        SipUri contact = m.contacts().get(0).sipUri();
        assertThat(contact.user()).contains("caller");
        assertThat(contact.isLooseRouting()).isTrue();
        assertThat(contact.params().value("name")).contains("value%41");
        assertThat(SipUri.parse("sip:%75se%72@example.com").equivalent(SipUri.parse("sip:user@EXAMPLE.com"))).isTrue();
    }

    @Test
    void escnull_userPartKeepsTheEscapedNul() {
        SipMessage m = parse("escnull.dat");
        assertThat(m.to().sipUri().user()).contains("null-\u0000-null");
        assertThat(m.from().sipUri().user().orElseThrow()).hasSize(11);
        assertThat(m.contacts()).extracting(c -> c.sipUri().user().orElseThrow())
                .containsExactly("\u0000", "\u0000\u0000");
        assertThat(m.to().sipUri().toString()).isEqualTo("sip:null-%00-null@example.com");
    }

    @Test
    void esc02_percentInMethodIsNotAnEscape() {
        SipRequest m = (SipRequest) parse("esc02.dat");
        assertThat(m.method().name()).isEqualTo("RE%47IST%45R");
        assertThat(m.contacts()).hasSize(2);
        assertThat(m.headers().first("C%6Fntact")).contains("<sip:alias2@host2.example.com>");
        assertThat(m.to().displayName()).contains("%Z%45");
    }

    @Test
    void otherValidMessages_interestingPartsComeOutRight() {
        assertThat(parse("lwsdisp.dat").from().displayName()).contains("caller");
        SipMessage longreq = parse("longreq.dat");
        assertThat(longreq.vias()).hasSize(34);
        assertThat(longreq.to().sipUri().port().getAsInt()).isEqualTo(6000);
        SipRequest dblreq = (SipRequest) parse("dblreq.dat");
        assertThat(dblreq.method().name()).isEqualTo("REGISTER");
        assertThat(dblreq.body().isEmpty()).isTrue();
        assertThat(((SipUri) ((SipRequest) parse("semiuri.dat")).requestUri()).user())
                .contains("user;par=u@example.net");
        assertThat(parse("semiuri.dat").headers().all("Accept")).hasSize(6);
        assertThat(parse("transports.dat").vias()).extracting(Via::transport)
                .containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
        SipResponse unreason = (SipResponse) parse("unreason.dat");
        assertThat(unreason.reason()).startsWith("= 2**3 * 5**2 \u043d\u043e");
        SipResponse noreason = (SipResponse) parse("noreason.dat");
        assertThat(noreason.status()).isEqualTo(100);
        assertThat(noreason.reason()).isEmpty();
        SipMessage inv2543 = parse("inv2543.dat");
        assertThat(inv2543.maxForwards()).isEmpty();
        assertThat(inv2543.topVia().branch()).isEmpty();
        assertThat(inv2543.body().toUtf8String()).startsWith("v=0\r\n").endsWith("RTP/AVP 0\r\n");
    }

    @Test
    void mpart01_binaryBodyFramedByContentLength() {
        byte[] raw = SipCorpora.rfc4475("mpart01.dat");
        SipMessage m = parse("mpart01.dat");
        assertThat(m.body().length()).isEqualTo(553);
        byte[] body = m.body().toByteArray();
        assertThat(Arrays.copyOfRange(raw, raw.length - 553, raw.length)).isEqualTo(body);
        assertThat(body).contains((byte) 0);
        assertThat(m.topVia().hasRport()).isTrue();
    }

    @Test
    void semanticallyOddMessages_parseAndTheApplicationCheckFlagsThem() {
        assertThat(parse("badbranch.dat").topVia().hasRfc3261Branch()).isFalse();
        assertThat(((SipRequest) parse("unkscm.dat")).requestUri()).isInstanceOf(AbsoluteUri.class);
        assertThat(((SipRequest) parse("novelsc.dat")).requestUri().scheme()).isEqualTo("soap.beep");
        SipMessage unksm2 = parse("unksm2.dat");
        assertThat(unksm2.to().uri().scheme()).isEqualTo("isbn");
        assertThatThrownBy(() -> unksm2.to().sipUri()).isInstanceOf(SipParseException.class);
        assertThat(unksm2.contacts().get(0).uri()).isEqualTo(AbsoluteUri.parse("name:John_Smith"));
        assertThat(parse("bext01.dat").headers().all("Require"))
                .containsExactly("nothingSupportsThis", "nothingSupportsThisEither");
        assertThat(parse("invut.dat").contentType()).contains("application/unknownformat");
        assertThat(parse("regaut01.dat").authFields("Authorization").get(0).scheme()).isEqualTo("NoOneKnowsThisScheme");
        assertThat(parse("bcast.dat").vias().get(1).host()).isEqualTo("255.255.255.255");
        assertThat(parse("zeromf.dat").maxForwards().orElseThrow().hops()).isZero();
        assertThat(parse("sdp01.dat").headers().all("Accept")).containsExactly("text/nobodyKnowsThis");
        SipMessage baddate = parse("baddate.dat");
        assertThatThrownBy(baddate::date).isInstanceOf(SipParseException.class).hasMessageContaining("GMT");
    }

    @Test
    void contactParameters_headerVersusUriParameters() {
        NameAddr cparam01 = parse("cparam01.dat").contacts().get(0);
        assertThat(cparam01.sipUri().params().isEmpty()).isTrue();
        assertThat(cparam01.params().has("unknownparam")).isTrue();
        NameAddr cparam02 = parse("cparam02.dat").contacts().get(0);
        assertThat(cparam02.sipUri().params().has("unknownparam")).isTrue();
        assertThat(cparam02.params().isEmpty()).isTrue();
        SipMessage regescrt = parse("regescrt.dat");
        assertThat(regescrt.contacts().get(0).sipUri().headers().value("Route")).contains("<sip:sip.example.com>");
        assertThat(regescrt.routes()).isEmpty();
    }
}
