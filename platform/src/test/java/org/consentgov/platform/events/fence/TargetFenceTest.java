package org.consentgov.platform.events.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentgov.platform.problem.ProblemException;
import org.consentgov.platform.problem.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fence's rules with a resolver of the test's own: nothing is looked up and nothing is contacted. */
class TargetFenceTest {

    /** Answers names from a script, IP literals by parsing them; records every name it was asked about. */
    static final class ScriptedResolver implements AddressResolver {
        final Map<String, List<String>> answers;
        final List<String> asked = new ArrayList<>();
        int calls;

        ScriptedResolver(Map<String, List<String>> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            List<String> answer = answers.get(host);
            if (answer == null) {
                if (host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            }
            String pick = answer.get(Math.min(calls++, answer.size() - 1));
            List<InetAddress> out = new ArrayList<>();
            for (String a : pick.split(" ")) {
                out.add(InetAddress.getByName(a));
            }
            return out.toArray(InetAddress[]::new);
        }
    }

    final ScriptedResolver resolver = new ScriptedResolver(Map.of(
            "hooks.partner.example", List.of("203.0.113.10"),
            "rebind.partner.example", List.of("203.0.113.11", "127.0.0.1", "169.254.169.254"),
            "split.partner.example", List.of("203.0.113.12 10.0.0.5"),
            "intranet.partner.example", List.of("192.168.1.20")));

    final TargetFence fence =
            new TargetFence(List.of("localhost", "notice-service:8080", "[::1]:9000", "  ", "Gateway."), resolver);

    @Test
    void anHttpsTargetWhoseNameResolvesToPublicAddressesIsAccepted() {
        assertThatCode(() -> fence.checkNew(URI.create("https://hooks.partner.example/events")))
                .doesNotThrowAnyException();
    }

    @Test
    void plainHttpIsRefusedUnlessTheHostIsAllowListed() throws UnknownHostException {
        ProblemException refused = refusedAtCreation("http://hooks.partner.example/events");
        assertThat(refused.code()).isEqualTo(TargetFence.HTTPS_REQUIRED);
        assertThat(resolver.asked).as("refused before any lookup").isEmpty();

        assertThat(fence.refusal(URI.create("http://localhost:8089/hooks"))).isEmpty();
        assertThat(fence.refusal(URI.create("http://notice-service:8080/x"))).isEmpty();
        assertThat(fence.refusal(URI.create("http://gateway/x")))
                .as("case and trailing dot")
                .isEmpty();
        assertThat(fence.refusal(URI.create("http://[::1]:9000/x"))).isEmpty();
        assertThat(fence.refusal(URI.create("http://notice-service:8081/x")))
                .as("another port of an entry with a port")
                .map(TargetFence.Refusal::rule)
                .contains(TargetFence.HTTPS_REQUIRED);
        assertThat(fence.refusal(URI.create("https://[::1]:9001/x")))
                .map(TargetFence.Refusal::addressClass)
                .contains(AddressClass.LOOPBACK);
        assertThat(resolver.asked).containsExactly("::1");
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
        "https://169.254.169.254/latest/meta-data/, METADATA",
        "https://100.100.100.200/latest/meta-data/, METADATA",
        "https://[fd00:ec2::254]/latest/meta-data/, METADATA",
        "https://metadata.google.internal/computeMetadata/v1/, METADATA",
        "https://METADATA.google.internal./computeMetadata/v1/, METADATA",
        "https://127.0.0.1/hooks, LOOPBACK",
        "https://[::1]/hooks, LOOPBACK",
        "https://[::ffff:127.0.0.1]/hooks, LOOPBACK",
        "https://0.0.0.0/hooks, UNSPECIFIED",
        "https://[::]/hooks, UNSPECIFIED",
        "https://169.254.10.10/hooks, LINK_LOCAL",
        "https://[fe80::1]/hooks, LINK_LOCAL",
        "https://10.1.2.3/hooks, PRIVATE",
        "https://172.20.0.1/hooks, PRIVATE",
        "https://192.168.0.10/hooks, PRIVATE",
        "https://intranet.partner.example/hooks, PRIVATE",
        "https://100.64.1.1/hooks, CARRIER_GRADE_NAT",
        "https://[fd12::1]/hooks, UNIQUE_LOCAL",
        "https://224.0.0.251/hooks, MULTICAST",
        "https://[ff02::1]/hooks, MULTICAST",
        "https://split.partner.example/hooks, PRIVATE",
    })
    void everyNonPublicAddressIsRefusedAtCreationWithTheRuleNamed(String url, AddressClass expected) {
        ProblemException refused = refusedAtCreation(url);
        assertThat(refused.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
        assertThat(refused.code()).isEqualTo(TargetFence.ADDRESS_REFUSED);
        assertThat(refused.extensions())
                .containsEntry("addressClass", expected.name().toLowerCase().replace('_', '-'));
        assertThat(refused.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("targetUrl"));
        assertThat(refused.getMessage()).contains(expected.description());
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedAtCreation() {
        assertThat(refusedAtCreation("https://nowhere.partner.example/hooks").code())
                .isEqualTo(TargetFence.UNRESOLVABLE);
    }

    @Test
    void aNameThatRebindsToLoopbackOrMetadataAfterCreationIsRefusedAtEveryDelivery() throws UnknownHostException {
        URI target = URI.create("https://rebind.partner.example/hooks");
        assertThatCode(() -> fence.checkNew(target)).doesNotThrowAnyException();

        Optional<TargetFence.Refusal> second = fence.refusal(target);
        Optional<TargetFence.Refusal> third = fence.refusal(target);

        assertThat(second).map(TargetFence.Refusal::addressClass).contains(AddressClass.LOOPBACK);
        assertThat(second.orElseThrow().detail()).contains("resolves to 127.0.0.1");
        assertThat(third).map(TargetFence.Refusal::addressClass).contains(AddressClass.METADATA);
        assertThat(resolver.asked).as("resolved afresh each time").hasSize(3);
    }

    @ParameterizedTest(name = "rebound to {0} is {1}")
    @CsvSource({
        "0.0.0.0, UNSPECIFIED",
        "::, UNSPECIFIED",
        "127.0.0.1, LOOPBACK",
        "::1, LOOPBACK",
        "169.254.1.1, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "10.0.0.1, PRIVATE",
        "172.16.0.1, PRIVATE",
        "192.168.0.1, PRIVATE",
        "100.64.0.1, CARRIER_GRADE_NAT",
        "fc00::1, UNIQUE_LOCAL",
        "224.0.0.1, MULTICAST",
        "ff02::1, MULTICAST",
        "240.0.0.1, RESERVED",
        "169.254.169.254, METADATA",
        "100.100.100.200, METADATA",
        "fd00:ec2::254, METADATA",
        "::ffff:10.0.0.1, PRIVATE",
    })
    void everyClassIsRefusedAtDeliveryWhenTheNameRebindsToIt(String address, AddressClass expected)
            throws UnknownHostException {
        ScriptedResolver rebinding =
                new ScriptedResolver(Map.of("hooks.partner.example", List.of("203.0.113.10", address)));
        TargetFence fence = new TargetFence(List.of("localhost"), rebinding);
        URI target = URI.create("https://hooks.partner.example/events");

        assertThatCode(() -> fence.checkNew(target)).doesNotThrowAnyException();
        assertThat(fence.refusal(target)).map(TargetFence.Refusal::addressClass).contains(expected);
    }

    @Test
    void anEmptyAllowListExemptsNothing() throws UnknownHostException {
        TargetFence strict = new TargetFence(List.of(), resolver);
        assertThat(strict.refusal(URI.create("http://localhost:8089/hooks")))
                .map(TargetFence.Refusal::rule)
                .contains(TargetFence.HTTPS_REQUIRED);
        assertThat(strict.refusal(URI.create("https://127.0.0.1:8089/hooks")))
                .map(TargetFence.Refusal::rule)
                .contains(TargetFence.ADDRESS_REFUSED);
    }

    private ProblemException refusedAtCreation(String url) {
        Throwable thrown = catchThrowable(() -> fence.checkNew(URI.create(url)));
        assertThat(thrown).as("%s refused", url).isInstanceOf(ProblemException.class);
        ProblemException refused = (ProblemException) thrown;
        assertThat(refused).as("%s refused", url).isNotNull();
        return refused;
    }
}
