package org.consentgov.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes as a cluster would accept it: every YAML document is read into the Fabric8 Kubernetes model
 * with unknown fields failing (a misspelt field is refused, as the API server's strict field validation would), the
 * CloudNativePG custom resources, which that model does not know, are checked field by field, and the rules the
 * manifests promise (deploy/README.md, Kubernetes) are checked on the loaded objects: resources, probes, a
 * locked-down container, a PodDisruptionBudget and an autoscaler per workload, secrets by reference only, the
 * gateways' rate limit shared in a Redis only they reach, and NetworkPolicies that, evaluated for every pair of pods
 * and ports, allow exactly the intended traffic.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path MANIFESTS = ROOT.resolve("deploy/kubernetes");
    static final Path SECRETS_EXAMPLE = MANIFESTS.resolve("examples/secrets.example.yaml");
    static final String NAMESPACE = "consent-governance";

    static final List<String> SERVICES = List.of("notice-service", "consent-service", "sharing-agreement-service");
    static final List<String> WORKLOADS =
            List.of("gateway", "notice-service", "consent-service", "sharing-agreement-service", "keycloak", "redis");
    /**
     * Workloads that run exactly one replica on purpose, so have neither an autoscaler nor a disruption budget: the
     * gateways' rate-limit Redis, where a second independent replica would split each client's bucket and a budget
     * for one replica would block every node drain or protect nothing (redis.yaml; the gateways fall back to their
     * own buckets while it restarts).
     */
    static final Set<String> SINGLE_REPLICA = Set.of("redis");
    /** Where a workload writes under its read-only root, when not Quarkus's /tmp. */
    static final Map<String, String> SCRATCH = Map.of("redis", "/data");
    /** The database cluster each database client uses: one CloudNativePG Cluster per database. */
    static final Map<String, String> DATABASE_OF = Map.of(
            "notice-service", "notices-db",
            "consent-service", "consents-db",
            "sharing-agreement-service", "agreements-db",
            "keycloak", "keycloak-db");

    static final Map<String, Class<? extends HasMetadata>> MODEL = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);
    static final Set<String> CUSTOM = Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database");

    /** Environment variables whose value is a secret: they must come from a Secret, never be written. */
    static final Pattern SECRET_NAMED = Pattern.compile(".*(PASSWORD|SECRET|KEK|PRIVATE_KEY|CREDENTIAL).*");

    // --- strict loading ---

    /**
     * The Fabric8 model keeps unknown fields in each object's additionalProperties (its any-setter) instead of
     * failing, so the mapper takes the any-setter away and fails on unknown properties: a misspelt field is an
     * error with its path.
     */
    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(
                        DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
                    if (description.getBeanClass().getName().startsWith("io.fabric8.")) {
                        builder.setAnySetter(null);
                        builder.setIgnoreUnknownProperties(false);
                    }
                    return builder;
                }
            }));

    static final YAMLMapper YAML = new YAMLMapper();

    record Loaded(List<HasMetadata> objects, List<GenericKubernetesResource> custom) {}

    /** Every document of every deploy/kubernetes/*.yaml, strictly. */
    static Loaded load() {
        List<HasMetadata> objects = new ArrayList<>();
        List<GenericKubernetesResource> custom = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : documents(Files.readString(file))) {
                    Object loaded = strict(doc, MANIFESTS.relativize(file).toString());
                    if (loaded instanceof GenericKubernetesResource resource) {
                        custom.add(resource);
                    } else {
                        objects.add((HasMetadata) loaded);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Loaded(objects, custom);
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (Iterator<JsonNode> it = YAML.readValues(new YAMLFactory().createParser(yaml), JsonNode.class);
                it.hasNext(); ) {
            JsonNode doc = it.next();
            if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                docs.add(doc);
            }
        }
        return docs;
    }

    /** One document as the model's type for its apiVersion and kind; a custom resource as a generic one. */
    static Object strict(JsonNode doc, String where) {
        String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        try {
            if (MODEL.containsKey(type)) {
                return STRICT.treeToValue(doc, MODEL.get(type));
            }
            if (CUSTOM.contains(type)) {
                return new ObjectMapper().treeToValue(doc, GenericKubernetesResource.class);
            }
        } catch (IOException e) {
            throw new AssertionError(
                    where + ": " + type + " " + doc.path("metadata").path("name") + ": " + e.getMessage(), e);
        }
        throw new AssertionError(where + ": a kind this test does not know, so cannot check: " + type);
    }

    @Test
    void everyDocumentLoadsIntoTheKubernetesModelWithNoUnknownField() {
        Loaded loaded = load();
        assertThat(loaded.objects()).hasSizeGreaterThan(20);
        for (HasMetadata o : loaded.objects()) {
            if (!(o instanceof Namespace)) {
                assertThat(o.getMetadata().getNamespace())
                        .as(o.getKind() + " " + o.getMetadata().getName())
                        .isEqualTo(NAMESPACE);
            }
        }
        assertThat(loaded.objects())
                .as("no Secret is shipped in the manifests (examples/secrets.example.yaml shows its shape)")
                .noneMatch(o -> o instanceof Secret);
    }

    @Test
    void aMisspeltFieldIsRefused() {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: gateway
                spec:
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: gateway
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: gateway
                    spec:
                      containers:
                        - name: gateway
                          image: ghcr.io/consentgov/gateway:0.1.0
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                              port: http
                """;
        assertThatThrownBy(() -> strict(documents(misspelt).get(0), "test"))
                .hasMessageContaining("readinesProbe")
                .hasCauseInstanceOf(UnrecognizedPropertyException.class);
        String correct = misspelt.replace("readinesProbe", "readinessProbe");
        assertThat(strict(parse(correct), "test")).isInstanceOf(Deployment.class);
        assertThatThrownBy(() -> strict(parse(correct.replace("    matchLabels:", "    matchLabel:")), "test"))
                .hasMessageContaining("matchLabel");
        assertThatThrownBy(() -> strict(parse(correct.replace("apps/v1", "apps/v2")), "test"))
                .hasMessageContaining("does not know");
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: notices-db
                  namespace: consent-governance
                spec:
                  instance: 3
                  storage:
                    size: 1Gi
                  bootstrap:
                    initdb:
                      database: notices
                      owner: notices
                """;
        GenericKubernetesResource misspeltCluster = (GenericKubernetesResource) strict(parse(cluster), "test");
        assertThat(clusterProblems(misspeltCluster))
                .contains("unknown field spec.instance", "spec.instances must be 3, is null");
        assertThat(clusterProblems(
                        (GenericKubernetesResource) strict(parse(cluster.replace("instance:", "instances:")), "test")))
                .isEmpty();
    }

    // --- workloads ---

    @Test
    void everyWorkloadHasResourcesProbesALockedDownContainerAndNoSecretWritten() {
        Loaded loaded = load();
        Map<String, Deployment> deployments = byName(loaded, Deployment.class);
        assertThat(deployments).containsOnlyKeys(WORKLOADS);
        deployments.forEach((name, deployment) -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            if (SINGLE_REPLICA.contains(name)) {
                assertThat(deployment.getSpec().getReplicas())
                        .as(name + ": one replica, written")
                        .isEqualTo(1);
            } else {
                assertThat(deployment.getSpec().getReplicas())
                        .as(name + ": the replica count is the autoscaler's (a written one is reset on every apply)")
                        .isNull();
            }
            assertThat(pod.getAutomountServiceAccountToken())
                    .as(name + ": no service-account token")
                    .isFalse();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertThat(podSecurity.getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(podSecurity.getRunAsUser())
                    .as(name + " runs as a numbered non-root user")
                    .isPositive();
            assertThat(podSecurity.getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getInitContainers()).as(name).isNullOrEmpty();
            for (Container container : pod.getContainers()) {
                String c = name + "/" + container.getName();
                assertThat(container.getResources().getRequests())
                        .as(c + " requests")
                        .containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits())
                        .as(c + " limits")
                        .containsKeys("cpu", "memory");
                assertThat(container.getStartupProbe()).as(c + " startup probe").isNotNull();
                assertThat(container.getReadinessProbe())
                        .as(c + " readiness probe")
                        .isNotNull();
                assertThat(container.getLivenessProbe())
                        .as(c + " liveness probe")
                        .isNotNull();
                Stream.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())
                        .forEach(probe -> {
                            IntOrString port = probe.getHttpGet() != null
                                    ? probe.getHttpGet().getPort()
                                    : probe.getTcpSocket() != null
                                            ? probe.getTcpSocket().getPort()
                                            : null;
                            if (port == null) {
                                assertThat(probe.getExec().getCommand())
                                        .as(c + ": a probe without a port runs a command")
                                        .isNotEmpty();
                            } else {
                                assertThat(port.getStrVal())
                                        .as(c + ": probes name a declared port")
                                        .isIn(container.getPorts().stream()
                                                .map(ContainerPort::getName)
                                                .toList());
                            }
                        });
                SecurityContext security = container.getSecurityContext();
                assertThat(security.getReadOnlyRootFilesystem())
                        .as(c + " read-only root")
                        .isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(c).isFalse();
                assertThat(security.getCapabilities().getDrop()).as(c).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(c).isNullOrEmpty();
                assertThat(security.getPrivileged()).as(c).isNotEqualTo(Boolean.TRUE);
                String scratch = SCRATCH.getOrDefault(name, "/tmp");
                assertThat(writableMounts(container, pod))
                        .as(c + ": " + scratch + " is a writable emptyDir")
                        .contains(scratch);
                for (EnvVar env : container.getEnv()) {
                    if (SECRET_NAMED.matcher(env.getName()).matches()) {
                        assertThat(env.getValue())
                                .as(c + " " + env.getName() + " is written inline")
                                .isNull();
                        assertThat(env.getValueFrom().getSecretKeyRef())
                                .as(c + " " + env.getName() + " comes from a Secret")
                                .isNotNull();
                    }
                }
            }
        });
        assertThat(byName(loaded, ConfigMap.class)
                        .get("governance-config")
                        .getData()
                        .keySet())
                .as("the ConfigMap holds no secret")
                .noneMatch(key -> SECRET_NAMED.matcher(key).matches());
    }

    @Test
    void everyWorkloadHasOneDisruptionBudgetAndOneCpuAutoscalerSelectingItsPods() {
        Loaded loaded = load();
        Map<String, Deployment> deployments = byName(loaded, Deployment.class);
        List<PodDisruptionBudget> budgets = all(loaded, PodDisruptionBudget.class);
        List<HorizontalPodAutoscaler> autoscalers = all(loaded, HorizontalPodAutoscaler.class);
        Set<String> scaled = new TreeSet<>(deployments.keySet());
        scaled.removeAll(SINGLE_REPLICA);
        deployments.forEach((name, deployment) -> {
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(matches(deployment.getSpec().getSelector(), labels))
                    .as(name + ": its selector selects its pods")
                    .isTrue();
            if (SINGLE_REPLICA.contains(name)) {
                assertThat(budgets)
                        .as(name + ": one replica on purpose, no PodDisruptionBudget")
                        .noneMatch(b -> matches(b.getSpec().getSelector(), labels));
                assertThat(autoscalers)
                        .as(name + ": one replica on purpose, no HorizontalPodAutoscaler")
                        .noneMatch(
                                h -> h.getSpec().getScaleTargetRef().getName().equals(name));
                return;
            }
            List<PodDisruptionBudget> mine = budgets.stream()
                    .filter(b -> matches(b.getSpec().getSelector(), labels))
                    .toList();
            assertThat(mine).as(name + ": one PodDisruptionBudget").hasSize(1);
            PodDisruptionBudget budget = mine.get(0);
            assertThat(budget.getSpec().getMinAvailable() != null
                            || budget.getSpec().getMaxUnavailable() != null)
                    .as(name + ": the budget says how many may go")
                    .isTrue();
            List<HorizontalPodAutoscaler> scaling = autoscalers.stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name))
                    .toList();
            assertThat(scaling).as(name + ": one HorizontalPodAutoscaler").hasSize(1);
            HorizontalPodAutoscaler hpa = scaling.get(0);
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
            assertThat(hpa.getSpec().getMinReplicas())
                    .as(name + ": at least two replicas, so the budget lets one go")
                    .isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas())
                    .isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics())
                    .as(name + ": scaled on CPU utilisation")
                    .anyMatch(KubernetesManifestsTest::cpuUtilisation);
            if (budget.getSpec().getMinAvailable() != null) {
                assertThat(budget.getSpec().getMinAvailable().getIntVal())
                        .as(name + ": the budget can be met while a node drains")
                        .isLessThan(hpa.getSpec().getMinReplicas());
            }
        });
        assertThat(budgets).hasSameSizeAs(scaled);
        assertThat(autoscalers).hasSameSizeAs(scaled);
    }

    @Test
    void servicesAndIngressesPointAtDeclaredPodsAndPorts() {
        Loaded loaded = load();
        Map<String, Deployment> deployments = byName(loaded, Deployment.class);
        Map<String, Service> services = byName(loaded, Service.class);
        assertThat(services).containsOnlyKeys(WORKLOADS);
        services.forEach((name, service) -> {
            List<Deployment> selected = deployments.values().stream()
                    .filter(d -> matches(
                            new LabelSelector(null, service.getSpec().getSelector()),
                            d.getSpec().getTemplate().getMetadata().getLabels()))
                    .toList();
            assertThat(selected).as(name + " selects one Deployment's pods").hasSize(1);
            Set<String> portNames = new TreeSet<>();
            selected.get(0)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .forEach(c -> c.getPorts().forEach(p -> portNames.add(p.getName())));
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(port.getTargetPort().getStrVal()).as(name).isIn(portNames);
            }
        });
        Map<String, Ingress> ingresses = byName(loaded, Ingress.class);
        assertThat(ingresses)
                .as("published: the gateway, and Keycloak for browser sign-in")
                .containsOnlyKeys("gateway", "keycloak");
        ingresses.forEach((name, ingress) -> ingress.getSpec()
                .getRules()
                .forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                    IngressBackend backend = path.getBackend();
                    assertThat(backend.getService().getName()).as(name).isEqualTo(name);
                    assertThat(services.get(name).getSpec().getPorts())
                            .extracting(ServicePort::getName)
                            .contains(backend.getService().getPort().getName());
                })));
        assertThat(ingresses
                        .get("keycloak")
                        .getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths())
                .as("Keycloak's admin console is not published")
                .noneMatch(p -> p.getPath().startsWith("/admin"));
    }

    // --- secrets ---

    @Test
    void everySecretIsReferencedAndTheExampleShowsEveryKeyWithPlaceholdersOnly() throws IOException {
        Loaded loaded = load();
        List<JsonNode> example = documents(Files.readString(SECRETS_EXAMPLE));
        assertThat(example).hasSize(1);
        Secret shape = (Secret) strict(example.get(0), "examples/secrets.example.yaml");
        assertThat(shape.getMetadata().getName()).isEqualTo("governance-secrets");
        assertThat(shape.getData()).as("no encoded value").isNullOrEmpty();
        assertThat(shape.getStringData().values())
                .as("placeholders only: the example is never a real secret")
                .allMatch(v -> v.startsWith("<placeholder"));
        Set<String> databaseSecrets = new TreeSet<>();
        clusters(loaded).keySet().forEach(cluster -> databaseSecrets.add(cluster + "-app"));
        Set<String> referencedKeys = new TreeSet<>();
        for (Deployment deployment : all(loaded, Deployment.class)) {
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    SecretKeySelector ref = env.getValueFrom() == null
                            ? null
                            : env.getValueFrom().getSecretKeyRef();
                    if (ref == null) {
                        continue;
                    }
                    String where = deployment.getMetadata().getName() + " " + env.getName();
                    if (ref.getName().equals("governance-secrets")) {
                        referencedKeys.add(ref.getKey());
                    } else {
                        assertThat(ref.getName())
                                .as(where + ": a Secret the CloudNativePG operator makes for a Cluster here")
                                .isIn(databaseSecrets);
                        assertThat(ref.getKey()).as(where).isIn("username", "password");
                    }
                }
            }
        }
        assertThat(shape.getStringData().keySet())
                .as("the example names exactly the keys the manifests read")
                .isEqualTo(referencedKeys);
        String readme = Files.readString(ROOT.resolve("deploy/README.md"));
        referencedKeys.forEach(key -> assertThat(readme)
                .as("deploy/README.md's kubectl create secret names " + key)
                .contains("--from-literal=" + key + "="));
    }

    // --- the gateways' shared rate limit ---

    @Test
    void theGatewaysShareTheirRateLimitInARedisWithAPasswordBothReadFromTheSecret() {
        Loaded loaded = load();
        Map<String, EnvVar> gateway = env(loaded, "gateway");
        assertThat(gateway.get("GATEWAY_RATE_LIMIT_STORE"))
                .as("the gateway names the redis store: otherwise each replica keeps its own buckets")
                .isNotNull()
                .extracting(EnvVar::getValue)
                .isEqualTo("redis");
        EnvVar url = gateway.get("GATEWAY_RATE_LIMIT_REDIS_URL");
        assertThat(url).as("the gateway names its Redis").isNotNull();
        assertThat(url.getValue())
                .as("the Redis URL carries the password: never written")
                .isNull();
        assertThat(secretKey(url))
                .as("GATEWAY_RATE_LIMIT_REDIS_URL from the Secret")
                .isEqualTo("governance-secrets/rate-limit-redis-url");

        Container redis = byName(loaded, Deployment.class)
                .get("redis")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(redis.getImage())
                .as("pinned to a release, like the other images")
                .matches("redis:\\d+\\.\\d+\\.\\d+-alpine");
        assertThat(redis.getArgs())
                .as("a password is required, taken from the environment")
                .containsSequence("--requirepass", "$(REDIS_PASSWORD)");
        EnvVar password = env(loaded, "redis").get("REDIS_PASSWORD");
        assertThat(password).isNotNull();
        assertThat(password.getValue()).isNull();
        assertThat(secretKey(password))
                .as("REDIS_PASSWORD from the Secret")
                .isEqualTo("governance-secrets/redis-password");
        assertThat(redis.getArgs())
                .as("buckets in memory only: no snapshot, no append-only file")
                .containsSequence("--save", "")
                .containsSequence("--appendonly", "no");
        assertThat(byName(loaded, Service.class).get("redis").getSpec().getPorts())
                .extracting(ServicePort::getPort)
                .containsExactly(6379);
    }

    /** The first container's environment of a Deployment, by name. */
    static Map<String, EnvVar> env(Loaded loaded, String deployment) {
        Map<String, EnvVar> env = new HashMap<>();
        byName(loaded, Deployment.class)
                .get(deployment)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .forEach(e -> env.put(e.getName(), e));
        return env;
    }

    /** "secret/key" of a variable read from a Secret, or null. */
    static String secretKey(EnvVar env) {
        if (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null) {
            return null;
        }
        SecretKeySelector ref = env.getValueFrom().getSecretKeyRef();
        return ref.getName() + "/" + ref.getKey();
    }

    // --- PostgreSQL: CloudNativePG ---

    /** The fields of CloudNativePG's ClusterSpec (postgresql.cnpg.io/v1) this suite may set. */
    static final Set<String> CLUSTER_SPEC_FIELDS = Set.of(
            "instances",
            "imageName",
            "imageCatalogRef",
            "primaryUpdateStrategy",
            "primaryUpdateMethod",
            "bootstrap",
            "storage",
            "walStorage",
            "resources",
            "affinity",
            "topologySpreadConstraints",
            "postgresql",
            "monitoring",
            "backup",
            "plugins",
            "enableSuperuserAccess",
            "superuserSecret",
            "minSyncReplicas",
            "maxSyncReplicas",
            "switchoverDelay",
            "failoverDelay",
            "startDelay",
            "stopDelay",
            "smartShutdownTimeout",
            "description",
            "inheritedMetadata",
            "logLevel",
            "enablePDB",
            "managed",
            "priorityClassName",
            "certificates",
            "replicationSlots",
            "env",
            "envFrom",
            "probes");

    static final Set<String> INITDB_FIELDS = Set.of(
            "database",
            "owner",
            "secret",
            "encoding",
            "localeCollate",
            "localeCType",
            "locale",
            "localeProvider",
            "dataChecksums",
            "walSegmentSize",
            "postInitSQL",
            "postInitApplicationSQL",
            "postInitTemplateSQL");

    /** What is wrong with a Cluster, as sentences; empty when nothing is. */
    static List<String> clusterProblems(GenericKubernetesResource cluster) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = new ObjectMapper()
                .valueToTree(cluster.getAdditionalProperties())
                .path("spec");
        spec.fieldNames().forEachRemaining(f -> {
            if (!CLUSTER_SPEC_FIELDS.contains(f)) {
                problems.add("unknown field spec." + f);
            }
        });
        if (spec.path("instances").asInt(-1) != 3) {
            problems.add("spec.instances must be 3, is " + (spec.has("instances") ? spec.get("instances") : "null"));
        }
        if (spec.path("storage").path("size").asText().isBlank()) {
            problems.add("spec.storage.size is required");
        }
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        initdb.fieldNames().forEachRemaining(f -> {
            if (!INITDB_FIELDS.contains(f)) {
                problems.add("unknown field spec.bootstrap.initdb." + f);
            }
        });
        for (String required : List.of("database", "owner")) {
            if (initdb.path(required).asText().isBlank()) {
                problems.add("spec.bootstrap.initdb." + required + " is required");
            }
        }
        if (!Objects.equals(cluster.getMetadata().getNamespace(), NAMESPACE)) {
            problems.add("namespace must be " + NAMESPACE);
        }
        return problems;
    }

    /** Cluster name to its database. */
    static Map<String, String> clusters(Loaded loaded) {
        Map<String, String> out = new LinkedHashMap<>();
        for (GenericKubernetesResource r : loaded.custom()) {
            if (r.getKind().equals("Cluster")) {
                out.put(
                        r.getMetadata().getName(),
                        new ObjectMapper()
                                .valueToTree(r.getAdditionalProperties())
                                .path("spec")
                                .path("bootstrap")
                                .path("initdb")
                                .path("database")
                                .asText());
            }
        }
        return out;
    }

    @Test
    void postgresqlIsOneThreeInstanceCloudNativePgClusterPerDatabaseAndEachClientUsesItsPrimary() {
        Loaded loaded = load();
        for (GenericKubernetesResource r : loaded.custom()) {
            assertThat(r.getKind())
                    .as("Clusters only (one per database, deploy/README.md)")
                    .isEqualTo("Cluster");
            assertThat(clusterProblems(r)).as(r.getMetadata().getName()).isEmpty();
        }
        assertThat(clusters(loaded))
                .isEqualTo(Map.of(
                        "notices-db", "notices",
                        "consents-db", "consents",
                        "agreements-db", "agreements",
                        "keycloak-db", "keycloak"));
        Map<String, Deployment> deployments = byName(loaded, Deployment.class);
        DATABASE_OF.forEach((client, cluster) -> {
            Map<String, EnvVar> env = new HashMap<>();
            deployments
                    .get(client)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getEnv()
                    .forEach(e -> env.put(e.getName(), e));
            String prefix = client.equals("keycloak") ? "KC_DB_" : "QUARKUS_DATASOURCE_";
            String url = env.get(prefix + (client.equals("keycloak") ? "URL" : "JDBC_URL"))
                    .getValue();
            assertThat(url)
                    .as(client + " connects to its cluster's read-write Service, which follows the primary")
                    .isEqualTo("jdbc:postgresql://" + cluster + "-rw:5432/"
                            + clusters(loaded).get(cluster));
            for (String credential : List.of("USERNAME", "PASSWORD")) {
                assertThat(env.get(prefix + credential)
                                .getValueFrom()
                                .getSecretKeyRef()
                                .getName())
                        .as(client + " " + credential)
                        .isEqualTo(cluster + "-app");
            }
        });
    }

    // --- network policies ---

    record Port(String name, int number, String protocol) {
        @Override
        public String toString() {
            return number + "/" + protocol;
        }
    }

    /** A pod (set of replicas) or an address outside the cluster's pods, with the ports it listens on. */
    record Endpoint(
            String name,
            String namespace,
            Map<String, String> namespaceLabels,
            Map<String, String> podLabels,
            String ip,
            List<Port> ports) {
        boolean inNamespace() {
            return NAMESPACE.equals(namespace);
        }
    }

    static Endpoint outsidePod(String name, String namespace, Map<String, String> labels, Port... ports) {
        return new Endpoint(
                name, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, null, List.of(ports));
    }

    static Endpoint address(String name, String ip, Port... ports) {
        return new Endpoint(name, null, Map.of(), null, ip, List.of(ports));
    }

    static Port tcp(int port) {
        return new Port(null, port, "TCP");
    }

    /** The namespace's pods (from the Deployments and the CloudNativePG Clusters) and what lies around them. */
    static List<Endpoint> endpoints(Loaded loaded) {
        Map<String, String> namespaceLabels = new HashMap<>(
                byName(loaded, Namespace.class).get(NAMESPACE).getMetadata().getLabels());
        namespaceLabels.put("kubernetes.io/metadata.name", NAMESPACE);
        List<Endpoint> out = new ArrayList<>();
        for (Deployment d : all(loaded, Deployment.class)) {
            List<Port> ports = new ArrayList<>();
            d.getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .forEach(c -> c.getPorts()
                            .forEach(p -> ports.add(new Port(
                                    p.getName(),
                                    p.getContainerPort(),
                                    Objects.requireNonNullElse(p.getProtocol(), "TCP")))));
            out.add(new Endpoint(
                    d.getMetadata().getName(),
                    NAMESPACE,
                    namespaceLabels,
                    d.getSpec().getTemplate().getMetadata().getLabels(),
                    null,
                    ports));
        }
        for (String cluster : clusters(loaded).keySet()) {
            // the labels and ports CloudNativePG gives every instance pod of a Cluster
            out.add(new Endpoint(
                    cluster,
                    NAMESPACE,
                    namespaceLabels,
                    Map.of("cnpg.io/cluster", cluster, "cnpg.io/podRole", "instance"),
                    null,
                    List.of(
                            new Port("postgresql", 5432, "TCP"),
                            new Port("metrics", 9187, "TCP"),
                            new Port("status", 8000, "TCP"))));
        }
        out.add(outsidePod(
                "ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), tcp(443)));
        out.add(outsidePod(
                "kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), new Port(null, 53, "UDP"), tcp(53)));
        out.add(outsidePod(
                "cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), tcp(9443)));
        out.add(outsidePod("another-namespace", "default", Map.of("app", "other"), tcp(8080)));
        out.add(address("kubernetes-api", "10.96.0.1", tcp(443), tcp(6443)));
        out.add(address("internet", "203.0.113.10", tcp(443), tcp(5432)));
        return out;
    }

    /**
     * The connections the policies allow, "source -> destination:port/protocol", for every pair of endpoints
     * where at least one end is in the namespace (the others are not these policies' business).
     */
    static Set<String> allowed(List<NetworkPolicy> policies, List<Endpoint> endpoints) {
        Set<String> allowed = new TreeSet<>();
        for (Endpoint from : endpoints) {
            for (Endpoint to : endpoints) {
                if (!from.inNamespace() && !to.inNamespace()) {
                    continue;
                }
                for (Port port : to.ports()) {
                    if (egressAllowed(policies, from, to, port) && ingressAllowed(policies, from, to, port)) {
                        allowed.add(from.name() + " -> " + to.name() + ":" + port);
                    }
                }
            }
        }
        return allowed;
    }

    static boolean egressAllowed(List<NetworkPolicy> policies, Endpoint from, Endpoint to, Port port) {
        if (!from.inNamespace()) {
            return true;
        }
        List<NetworkPolicySpec> selecting = selecting(policies, from, "Egress");
        return selecting.isEmpty()
                || selecting.stream()
                        .flatMap(p -> Stream.ofNullable(p.getEgress()).flatMap(List::stream))
                        .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), port));
    }

    static boolean ingressAllowed(List<NetworkPolicy> policies, Endpoint from, Endpoint to, Port port) {
        if (!to.inNamespace()) {
            return true;
        }
        List<NetworkPolicySpec> selecting = selecting(policies, to, "Ingress");
        return selecting.isEmpty()
                || selecting.stream()
                        .flatMap(p -> Stream.ofNullable(p.getIngress()).flatMap(List::stream))
                        .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), port));
    }

    /** The policies of the namespace that select this pod for this direction. */
    static List<NetworkPolicySpec> selecting(List<NetworkPolicy> policies, Endpoint pod, String direction) {
        return policies.stream()
                .map(NetworkPolicy::getSpec)
                .filter(spec -> types(spec).contains(direction) && matches(spec.getPodSelector(), pod.podLabels()))
                .toList();
    }

    /** policyTypes, or what the API server defaults it to: Ingress, plus Egress when egress rules are given. */
    static List<String> types(NetworkPolicySpec spec) {
        if (spec.getPolicyTypes() != null && !spec.getPolicyTypes().isEmpty()) {
            return spec.getPolicyTypes();
        }
        return isEmpty(spec.getEgress()) ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    static boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other) {
        return isEmpty(peers) || peers.stream().anyMatch(peer -> peerMatches(peer, other));
    }

    static boolean peerMatches(NetworkPolicyPeer peer, Endpoint other) {
        if (peer.getIpBlock() != null) {
            return other.ip() != null && inBlock(peer.getIpBlock(), other.ip());
        }
        if (other.podLabels() == null) {
            return false; // an address, not a pod: only an ipBlock names it
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? other.inNamespace()
                : matches(peer.getNamespaceSelector(), other.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null || matches(peer.getPodSelector(), other.podLabels());
        return namespaceMatches && podMatches;
    }

    static boolean portsMatch(List<NetworkPolicyPort> ports, Port port) {
        if (isEmpty(ports)) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (!Objects.requireNonNullElse(p.getProtocol(), "TCP").equals(port.protocol())) {
                continue;
            }
            IntOrString number = p.getPort();
            if (number == null) {
                return true;
            }
            if (number.getIntVal() != null) {
                int end = p.getEndPort() == null ? number.getIntVal() : p.getEndPort();
                if (port.number() >= number.getIntVal() && port.number() <= end) {
                    return true;
                }
            } else if (number.getStrVal().equals(port.name())) {
                return true;
            }
        }
        return false;
    }

    static boolean inBlock(IPBlock block, String ip) {
        if (!inCidr(block.getCidr(), ip)) {
            return false;
        }
        return block.getExcept() == null || block.getExcept().stream().noneMatch(e -> inCidr(e, ip));
    }

    static boolean inCidr(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = InetAddress.getByName(ip).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    /** The intended connections (network-policies.yaml's header says the same in words). */
    static Set<String> intended() {
        Set<String> expected = new TreeSet<>();
        expected.add("ingress-controller -> gateway:8080/TCP");
        expected.add("ingress-controller -> keycloak:8080/TCP");
        expected.add("gateway -> notice-service:8081/TCP");
        expected.add("gateway -> consent-service:8082/TCP");
        expected.add("gateway -> sharing-agreement-service:8083/TCP");
        expected.add("gateway -> keycloak:8080/TCP");
        expected.add("gateway -> redis:6379/TCP");
        for (String service : SERVICES) {
            expected.add(service + " -> gateway:8080/TCP");
            expected.add(service + " -> keycloak:8080/TCP");
            expected.add(service + " -> " + DATABASE_OF.get(service) + ":5432/TCP");
        }
        expected.add("keycloak -> keycloak-db:5432/TCP");
        expected.add("keycloak -> keycloak:7800/TCP");
        expected.add("keycloak -> keycloak:57800/TCP");
        for (String cluster : DATABASE_OF.values()) {
            for (int port : List.of(5432, 8000)) {
                expected.add(cluster + " -> " + cluster + ":" + port + "/TCP");
                expected.add("cnpg-operator -> " + cluster + ":" + port + "/TCP");
            }
            // the instance manager reports to the Kubernetes API, whose address differs per cluster: port-only rule
            for (String outside :
                    List.of("kubernetes-api:443", "kubernetes-api:6443", "internet:443", "ingress-controller:443")) {
                expected.add(cluster + " -> " + outside + "/TCP");
            }
        }
        for (String pod : List.of(
                "gateway",
                "notice-service",
                "consent-service",
                "sharing-agreement-service",
                "keycloak",
                "redis",
                "notices-db",
                "consents-db",
                "agreements-db",
                "keycloak-db")) {
            expected.add(pod + " -> kube-dns:53/UDP");
            expected.add(pod + " -> kube-dns:53/TCP");
        }
        return expected;
    }

    @Test
    void theNetworkPoliciesAllowExactlyTheIntendedTraffic() {
        Loaded loaded = load();
        List<NetworkPolicy> policies = all(loaded, NetworkPolicy.class);
        assertThat(policies)
                .as("a default deny of both directions for every pod")
                .anyMatch(p -> isEmpty(p.getSpec().getPodSelector().getMatchLabels())
                        && isEmpty(p.getSpec().getPodSelector().getMatchExpressions())
                        && types(p.getSpec()).containsAll(List.of("Ingress", "Egress"))
                        && isEmpty(p.getSpec().getIngress())
                        && isEmpty(p.getSpec().getEgress()));
        List<Endpoint> endpoints = endpoints(loaded);
        Set<String> allowed = allowed(policies, endpoints);
        Set<String> unintended = new TreeSet<>(allowed);
        unintended.removeAll(intended());
        Set<String> missing = new TreeSet<>(intended());
        missing.removeAll(allowed);
        assertThat(unintended).as("allowed but not intended").isEmpty();
        assertThat(missing).as("intended but not allowed").isEmpty();
    }

    /**
     * Redis's two directions one at a time, as "source -> destination:port/protocol": whom its ingress admits and
     * what its egress reaches, whatever the other end allows. The pairs above need both ends to agree, so a Redis
     * ingress rule that admitted every pod would not show there while no other pod's egress names Redis.
     */
    static Set<String> redisIngressAndEgress(List<NetworkPolicy> policies, List<Endpoint> endpoints) {
        Endpoint redis = endpoints.stream()
                .filter(e -> e.name().equals("redis"))
                .findFirst()
                .orElseThrow();
        Set<String> out = new TreeSet<>();
        for (Endpoint other : endpoints) {
            for (Port port : redis.ports()) {
                if (ingressAllowed(policies, other, redis, port)) {
                    out.add(other.name() + " -> redis:" + port);
                }
            }
            for (Port port : other.ports()) {
                if (egressAllowed(policies, redis, other, port)) {
                    out.add("redis -> " + other.name() + ":" + port);
                }
            }
        }
        return out;
    }

    @Test
    void onlyTheGatewayReachesRedisAndRedisReachesNothingButTheClusterDns() {
        Loaded loaded = load();
        List<NetworkPolicy> policies = all(loaded, NetworkPolicy.class);
        List<Endpoint> endpoints = endpoints(loaded);
        assertThat(redisIngressAndEgress(policies, endpoints))
                .as("Redis admits the gateway only and reaches only kube-dns")
                .containsExactlyInAnyOrder(
                        "gateway -> redis:6379/TCP", "redis -> kube-dns:53/UDP", "redis -> kube-dns:53/TCP");
        List<NetworkPolicy> opened = new ArrayList<>(policies);
        opened.addAll(policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: redis-too-open, namespace: consent-governance}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: redis}}
                  ingress: [{from: [{podSelector: {matchLabels: {app.kubernetes.io/name: consent-service}}}]}]
                """));
        assertThat(redisIngressAndEgress(opened, endpoints))
                .as("another pod admitted by Redis is seen, though its own egress does not name Redis")
                .contains("consent-service -> redis:6379/TCP");
    }

    @Test
    void theEvaluatorDeniesWhatADefaultDenyLeavesAndAllowsWhatARuleOpens() {
        Endpoint a = new Endpoint(
                "a",
                NAMESPACE,
                Map.of("kubernetes.io/metadata.name", NAMESPACE),
                Map.of("app", "a"),
                null,
                List.of(new Port("http", 8080, "TCP")));
        Endpoint b = new Endpoint(
                "b",
                NAMESPACE,
                Map.of("kubernetes.io/metadata.name", NAMESPACE),
                Map.of("app", "b"),
                null,
                List.of(new Port("http", 8081, "TCP"), tcp(9000)));
        Endpoint outside = address("outside", "198.51.100.7", tcp(443));
        assertThat(allowed(List.of(), List.of(a, b)))
                .as("no policy: everything flows")
                .contains("a -> b:8081/TCP", "b -> a:8080/TCP", "a -> a:8080/TCP");
        List<NetworkPolicy> denyAll = policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: consent-governance}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                """);
        assertThat(allowed(denyAll, List.of(a, b, outside))).isEmpty();
        List<NetworkPolicy> open = new ArrayList<>(denyAll);
        open.addAll(policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: a-out, namespace: consent-governance}
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Egress]
                  egress:
                    - to: [{podSelector: {matchExpressions: [{key: app, operator: In, values: [b]}]}}]
                      ports: [{port: http}]
                    - to: [{ipBlock: {cidr: 198.51.100.0/24, except: [198.51.100.7/32]}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: b-in, namespace: consent-governance}
                spec:
                  podSelector: {matchLabels: {app: b}}
                  ingress:
                    - from: [{podSelector: {}}]
                      ports: [{port: 8500, endPort: 9000}, {port: 8081, protocol: UDP}]
                """));
        assertThat(allowed(open, List.of(a, b, outside)))
                .as("a named port, an endPort range, a protocol, an ipBlock with an exception")
                .isEmpty();
        open.addAll(policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: b-in-http, namespace: consent-governance}
                spec:
                  podSelector: {matchLabels: {app: b}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: a}}}], ports: [{port: 8081}]}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: a-out-range, namespace: consent-governance}
                spec:
                  podSelector: {matchLabels: {app: a}}
                  policyTypes: [Egress]
                  egress: [{to: [{podSelector: {matchLabels: {app: b}}}], ports: [{port: 8000, endPort: 9000}]}]
                """));
        assertThat(allowed(open, List.of(a, b, outside))).containsExactly("a -> b:8081/TCP", "a -> b:9000/TCP");
    }

    // --- helpers ---

    /** The model gives absent lists and maps as empty ones, so null and empty mean the same here. */
    static boolean isEmpty(Object listOrMap) {
        return listOrMap == null
                || listOrMap instanceof java.util.Collection<?> c && c.isEmpty()
                || listOrMap instanceof Map<?, ?> m && m.isEmpty();
    }

    static List<NetworkPolicy> policies(String yaml) {
        try {
            return documents(yaml).stream()
                    .map(d -> (NetworkPolicy) strict(d, "test"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String yaml) {
        try {
            return documents(yaml).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean cpuUtilisation(MetricSpec metric) {
        return metric.getType().equals("Resource")
                && metric.getResource().getName().equals("cpu")
                && metric.getResource().getTarget().getType().equals("Utilization")
                && metric.getResource().getTarget().getAverageUtilization() != null;
    }

    /** Paths the container may write: its mounts of emptyDir volumes that are not read-only. */
    static List<String> writableMounts(Container container, PodSpec pod) {
        Map<String, Volume> volumes = new HashMap<>();
        pod.getVolumes().forEach(v -> volumes.put(v.getName(), v));
        return container.getVolumeMounts().stream()
                .filter(m -> !Boolean.TRUE.equals(m.getReadOnly()))
                .filter(m -> volumes.get(m.getName()).getEmptyDir() != null)
                .map(VolumeMount::getMountPath)
                .toList();
    }

    /** Kubernetes label-selector semantics: matchLabels and matchExpressions, all must hold; empty selects all. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(have.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = have.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    static <T extends HasMetadata> List<T> all(Loaded loaded, Class<T> type) {
        return loaded.objects().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    static <T extends HasMetadata> Map<String, T> byName(Loaded loaded, Class<T> type) {
        Map<String, T> out = new LinkedHashMap<>();
        for (T o : all(loaded, type)) {
            assertThat(out.put(o.getMetadata().getName(), o))
                    .as("one " + type.getSimpleName() + " named "
                            + o.getMetadata().getName())
                    .isNull();
        }
        return out;
    }
}
