package org.consentgov.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so docker-compose.yml and the Kubernetes manifests are checked by reading
 * them: every service is there with its port, its database, the settings it cannot run without, health
 * probes and resources, and no secret value is written into them.
 */
class DeployFilesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Map<String, Integer> PORTS =
            Map.of("gateway", 8080, "notice-service", 8081, "consent-service", 8082, "sharing-agreement-service", 8083);
    static final Map<String, String> DATABASES = Map.of(
            "notice-service", "notices", "consent-service", "consents", "sharing-agreement-service", "agreements");

    final ObjectMapper yaml = new YAMLMapper();

    @Test
    void theConsoleClientIsPublicWithPkceAndRedirectsToTheLocalSuiteOnly() throws IOException {
        JsonNode realm = new ObjectMapper()
                .readTree(ROOT.resolve("deploy/keycloak/governance-realm.json").toFile());
        JsonNode console = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("governance-console")) {
                console = client;
            }
        }
        assertThat(console).as("the demo realm's governance-console client").isNotNull();
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("implicitFlowEnabled").asBoolean())
                .as("no implicit flow")
                .isFalse();
        assertThat(console.path("directAccessGrantsEnabled").asBoolean())
                .as("no password grant for the console")
                .isFalse();
        assertThat(console.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
        List<String> redirects = new ArrayList<>();
        console.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
        console.path("webOrigins").forEach(uri -> redirects.add(uri.asText()));
        redirects.addAll(List.of(console.path("attributes")
                .path("post.logout.redirect.uris")
                .asText()
                .split("##")));
        assertThat(redirects)
                .as("redirect URIs and web origins of the local suite only")
                .isNotEmpty()
                .allMatch(uri -> uri.startsWith("http://localhost:8080/console/")
                        || uri.equals("http://localhost:8080")
                        || uri.startsWith("http://localhost:5173"));
        assertThat(console.path("description").asText())
                .as("Keycloak keeps 255 characters")
                .hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void composeRunsEveryServiceWithWhatItNeeds() throws IOException {
        JsonNode services =
                yaml.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
        assertThat(names(services))
                .contains(
                        "postgres",
                        "keycloak",
                        "gateway",
                        "notice-service",
                        "consent-service",
                        "sharing-agreement-service");
        PORTS.forEach((service, port) -> {
            JsonNode s = services.path(service);
            assertThat(s.path("ports").toString()).as(service).contains(port + ":" + port);
            Path dockerfile = ROOT.resolve(s.path("build").path("context").asText())
                    .resolve(s.path("build").path("dockerfile").asText());
            assertThat(dockerfile).as(service + " Dockerfile").exists();
            Map<String, String> env = env(s.path("environment"));
            assertThat(env).as(service).containsKey("OIDC_AUTH_SERVER_URL");
            if (DATABASES.containsKey(service)) {
                assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as(service).endsWith("/" + DATABASES.get(service));
                assertThat(env).as(service).containsKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
            }
        });
        assertThat(services.path("keycloak").path("ports").toString()).contains("8180:8080");
        assertThat(services.path("keycloak").path("volumes").toString()).contains("governance-realm.json");
        assertThat(env(services.path("gateway").path("environment")))
                .containsKeys("NOTICE_SERVICE_URL", "CONSENT_SERVICE_URL", "SHARING_AGREEMENT_SERVICE_URL");
        String created = Files.readString(ROOT.resolve("deploy/postgres/create-databases.sql"));
        DATABASES.values().forEach(db -> assertThat(created).contains("CREATE DATABASE " + db));
    }

    @Test
    void composeWritesNoSecretValue() throws IOException {
        JsonNode services =
                yaml.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            env(service.getValue().path("environment")).forEach((name, value) -> {
                if (name.contains("PASSWORD") || name.contains("SECRET") || name.contains("KEK")) {
                    assertThat(value)
                            .as(service.getKey() + " " + name)
                            .startsWith("${")
                            .contains(":?");
                }
            });
        }
    }

    @Test
    void consentServiceTakesItsReceiptKeyEncryptionKeyFromASecretEverywhere() throws IOException {
        JsonNode compose = yaml.readTree(ROOT.resolve("docker-compose.yml").toFile())
                .path("services")
                .path("consent-service");
        assertThat(env(compose.path("environment")).get("CONSENT_RECEIPT_KEK"))
                .as("compose: CONSENT_RECEIPT_KEK required from .env, with a message")
                .startsWith("${CONSENT_RECEIPT_KEK:?")
                .contains("openssl rand -base64 32");
        assertThat(Files.readString(ROOT.resolve("deploy/compose.env.example"))).contains("CONSENT_RECEIPT_KEK=");
        JsonNode kek = deploymentEnv("consent-service", "CONSENT_RECEIPT_KEK");
        assertThat(kek)
                .as("kubernetes: consent-service sets CONSENT_RECEIPT_KEK")
                .isNotNull();
        assertThat(kek.has("value")).isFalse();
        assertThat(kek.path("valueFrom").path("secretKeyRef").path("key").asText())
                .isEqualTo("consent-receipt-kek");
    }

    @Test
    void noticeAndAgreementServiceTakeTheirWebhookSecretKeyEncryptionKeysFromASecretEverywhere() throws IOException {
        Map<String, String> services = Map.of(
                "notice-service", "NOTICE_KEK",
                "sharing-agreement-service", "AGREEMENT_KEK");
        JsonNode compose =
                yaml.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
        String example = Files.readString(ROOT.resolve("deploy/compose.env.example"));
        for (Map.Entry<String, String> service : services.entrySet()) {
            String variable = service.getValue();
            assertThat(env(compose.path(service.getKey()).path("environment")).get(variable))
                    .as("compose: %s required from .env, with a message", variable)
                    .startsWith("${" + variable + ":?")
                    .contains("openssl rand -base64 32");
            assertThat(example).contains(variable + "=");
            JsonNode kek = deploymentEnv(service.getKey(), variable);
            assertThat(kek)
                    .as("kubernetes: %s sets %s", service.getKey(), variable)
                    .isNotNull();
            assertThat(kek.has("value")).isFalse();
            assertThat(kek.path("valueFrom").path("secretKeyRef").path("name").asText())
                    .isEqualTo("governance-secrets");
        }
    }

    /** The entry of the Kubernetes Deployment's first container that sets this variable, or null. */
    private JsonNode deploymentEnv(String deployment, String variable) throws IOException {
        JsonNode found = null;
        for (JsonNode doc : manifests()) {
            if (doc.path("kind").asText().equals("Deployment")
                    && doc.path("metadata").path("name").asText().equals(deployment)) {
                for (JsonNode env : doc.path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0)
                        .path("env")) {
                    if (env.path("name").asText().equals(variable)) {
                        found = env;
                    }
                }
            }
        }
        return found;
    }

    @Test
    void kubernetesDeploysEveryServiceWithProbesResourcesAndSecretsByReference() throws IOException {
        Map<String, JsonNode> deployments = new HashMap<>();
        Set<String> services = new HashSet<>();
        for (JsonNode doc : manifests()) {
            String kind = doc.path("kind").asText();
            if (kind.equals("Deployment")) {
                deployments.put(doc.path("metadata").path("name").asText(), doc);
            } else if (kind.equals("Service")) {
                services.add(doc.path("metadata").path("name").asText());
            } else if (kind.equals("Secret")) {
                throw new AssertionError("a Secret is written into the manifests: "
                        + doc.path("metadata").path("name"));
            }
        }
        // Keycloak, and the Redis the gateways share their rate limit in (KubernetesManifestsTest checks it)
        assertThat(deployments).containsOnlyKeys(plus(plus(PORTS.keySet(), "keycloak"), "redis"));
        assertThat(services).containsAll(PORTS.keySet());
        PORTS.forEach((name, port) -> {
            JsonNode container = deployments
                    .get(name)
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0);
            assertThat(container.path("ports").get(0).path("containerPort").asInt())
                    .as(name)
                    .isEqualTo(port);
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/ready");
            assertThat(container
                            .path("livenessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/live");
            assertThat(container.path("resources").path("limits").path("memory").asText())
                    .as(name)
                    .isNotBlank();
            assertThat(container.path("resources").path("requests").path("cpu").asText())
                    .as(name)
                    .isNotBlank();
            for (JsonNode env : container.path("env")) {
                String var = env.path("name").asText();
                if (var.contains("PASSWORD") || var.contains("SECRET") || var.contains("KEK")) {
                    assertThat(env.has("value"))
                            .as(name + " " + var + " must come from a secret")
                            .isFalse();
                    // the suite's own secrets, or the database owner's, made by the CloudNativePG operator
                    assertThat(env.path("valueFrom")
                                    .path("secretKeyRef")
                                    .path("name")
                                    .asText())
                            .isIn("governance-secrets", DATABASES.getOrDefault(name, "none") + "-db-app");
                }
            }
            if (DATABASES.containsKey(name)) {
                assertThat(container.path("env").toString())
                        .contains("QUARKUS_DATASOURCE_JDBC_URL")
                        .contains("/" + DATABASES.get(name))
                        .contains("QUARKUS_DATASOURCE_PASSWORD");
            }
        });
        JsonNode config = manifests().stream()
                .filter(d -> d.path("kind").asText().equals("ConfigMap"))
                .findFirst()
                .orElseThrow();
        assertThat(config.path("data").has("OIDC_AUTH_SERVER_URL")).isTrue();
    }

    @Test
    void theTestClockIsSetInNoDeploymentFile() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("docker-compose.yml")));
        try (Stream<Path> deploy = Files.walk(ROOT.resolve("deploy"))) {
            deploy.filter(Files::isRegularFile).forEach(files::add);
        }
        for (String service : PORTS.keySet()) {
            files.add(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
            try (Stream<Path> docker = Files.list(ROOT.resolve(service).resolve("src/main/docker"))) {
                docker.forEach(files::add);
            }
        }
        for (Path file : files) {
            assertThat(Files.readString(file).toLowerCase(java.util.Locale.ROOT))
                    .as(ROOT.relativize(file) + ": the file-driven clock is for end-to-end tests only")
                    .doesNotContain("test-clock")
                    .doesNotContain("test_clock");
        }
    }

    private List<JsonNode> manifests() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/kubernetes"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                var parser = new YAMLFactory().createParser(file.toFile());
                for (Iterator<JsonNode> it = yaml.readValues(parser, JsonNode.class); it.hasNext(); ) {
                    docs.add(it.next());
                }
            }
        }
        return docs;
    }

    private static Set<String> plus(Set<String> set, String more) {
        Set<String> out = new HashSet<>(set);
        out.add(more);
        return out;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new HashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Compose environment: a map, with YAML merge keys already applied by the parser or not. */
    private Map<String, String> env(JsonNode environment) {
        Map<String, String> out = new HashMap<>();
        if (environment instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getKey().equals("<<")) {
                    env(e.getValue()).forEach(out::putIfAbsent);
                } else {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }
}
