package io.cognita.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The chart as Helm renders it: lint --strict clean; every object of the default, dev and prod renderings parsed into
 * the typed Kubernetes model with no field the model does not know (a misspelt field fails here, not in a cluster);
 * then what operators rely on, asserted over the manifests; and the values schema refusing bad values.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm/cognita");
    static final Set<String> SERVICES = Set.of("gateway", "identity", "org", "workspace", "meeting", "transcription");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ServiceAccount", ServiceAccount.class,
            "ConfigMap", ConfigMap.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "Ingress", Ingress.class, "NetworkPolicy", NetworkPolicy.class,
            "Job", Job.class);
    private static final Set<String> MONITORING = Set.of("ServiceMonitor", "PrometheusRule");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|ACCESS_KEY|API_KEY).*");

    @Test
    void lintIsCleanEvenStrict() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        List<String> problems = lint.getMessages().stream().filter(m -> m.contains("[WARNING]") || m.contains("[ERROR]")).toList();
        assertThat(problems, empty());
        assertThat(lint.isFailed(), is(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "values-dev.yaml", "values-prod.yaml"})
    void everyObjectIsWellTypedAndEveryServiceIsFitForProduction(String valuesFile) throws Exception {
        List<HasMetadata> objects = render(valuesFile);
        List<Deployment> deployments = of(objects, Deployment.class);
        assertThat(deployments.stream().map(d -> d.getMetadata().getLabels().get("app.kubernetes.io/name")).collect(Collectors.toSet()),
                equalTo(SERVICES));
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(name + " automounts no token", pod.getAutomountServiceAccountToken(), is(false));
            assertThat(name, pod.getSecurityContext().getRunAsNonRoot(), is(true));
            assertThat(name, pod.getSecurityContext().getSeccompProfile().getType(), equalTo("RuntimeDefault"));
            for (Container c : pod.getContainers()) {
                assertProbe(name, c.getStartupProbe(), "/q/health/started");
                assertProbe(name, c.getReadinessProbe(), "/q/health/ready");
                assertProbe(name, c.getLivenessProbe(), "/q/health/live");
                for (String kind : List.of("cpu", "memory")) {
                    assertThat(name + " requests " + kind, c.getResources().getRequests().get(kind), notNullValue());
                    assertThat(name + " limits " + kind, c.getResources().getLimits().get(kind), notNullValue());
                }
                var security = c.getSecurityContext();
                assertThat(name + " read-only root", security.getReadOnlyRootFilesystem(), is(true));
                assertThat(name, security.getAllowPrivilegeEscalation(), is(false));
                assertThat(name, security.getRunAsNonRoot(), is(true));
                assertThat(name, security.getCapabilities().getDrop(), equalTo(List.of("ALL")));
                assertThat(name + " writes only to an emptyDir at /tmp", c.getVolumeMounts().stream()
                        .filter(m -> !Boolean.TRUE.equals(m.getReadOnly())).map(m -> m.getMountPath()).toList(), equalTo(List.of("/tmp")));
                for (EnvVar env : c.getEnv()) {
                    if (SECRET_NAME.matcher(env.getName()).matches()) {
                        assertThat(name + " " + env.getName() + " comes from a Secret", env.getValue(), equalTo(null));
                        assertThat(name + " " + env.getName(), env.getValueFrom().getSecretKeyRef(), notNullValue());
                    }
                }
            }
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(name + " has a PodDisruptionBudget", of(objects, PodDisruptionBudget.class).stream()
                    .anyMatch(p -> selects(p.getSpec().getSelector().getMatchLabels(), podLabels)), is(true));
            assertThat(name + " is selected by a NetworkPolicy for ingress and egress", of(objects, NetworkPolicy.class).stream()
                    .filter(p -> p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))
                    .anyMatch(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), podLabels)), is(true));
        }
        List<Ingress> ingresses = of(objects, Ingress.class);
        assertThat("only the gateway has an Ingress", ingresses.stream().map(i -> i.getSpec().getRules().get(0).getHttp().getPaths().get(0)
                .getBackend().getService().getName()).toList(), equalTo(List.of("cognita-gateway")));
        assertThat("the Ingress exposes the API only, not /q/metrics", ingresses.stream().flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream()).map(p -> p.getPath()).toList(), everyItem(equalTo("/api")));
        assertThat("no Secret is rendered", objects.stream().map(HasMetadata::getKind).toList(), not(hasItem("Secret")));
        for (ConfigMap map : of(objects, ConfigMap.class)) {
            for (String key : map.getData().keySet()) {
                assertThat(map.getMetadata().getName() + " holds no credential", SECRET_NAME.matcher(key).matches(), is(false));
            }
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideAndEachServiceOnlyFromItsCallers() throws Exception {
        List<NetworkPolicy> policies = of(render(""), NetworkPolicy.class);
        NetworkPolicy org = policies.stream().filter(p -> p.getMetadata().getName().equals("cognita-org")).findFirst().orElseThrow();
        List<String> callers = org.getSpec().getIngress().get(0).getFrom().stream()
                .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).sorted().toList();
        assertThat(callers, equalTo(List.of("gateway")));
        NetworkPolicy meeting = policies.stream().filter(p -> p.getMetadata().getName().equals("cognita-meeting")).findFirst().orElseThrow();
        assertThat(meeting.getSpec().getIngress().get(0).getFrom().stream()
                .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).sorted().toList(),
                equalTo(List.of("gateway", "transcription", "workspace")));
        for (NetworkPolicy p : policies) {
            boolean fromOtherNamespaces = p.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                    .anyMatch(peer -> peer.getNamespaceSelector() != null);
            assertThat(p.getMetadata().getName() + " takes traffic from outside its namespace", fromOtherNamespaces,
                    equalTo(p.getMetadata().getName().equals("cognita-gateway")));
        }
    }

    @Test
    void spansLeaveOnlyForACollectorThatIsNamedAndTheNetworkPoliciesLetThemReachItOnItsPort() throws Exception {
        Map<String, Integer> endpoints = Map.of("", 0, "http://otel-collector.monitoring:4317", 4317,
                "http://otel-collector.monitoring:4318", 4318, "https://otlp.example.com", 443);
        for (var endpoint : endpoints.entrySet()) {
            List<HasMetadata> objects = render("", Map.of("tracing.otlpEndpoint", endpoint.getKey()));
            assertThat(common(objects).get("COGNITA_OTLP_ENDPOINT"), equalTo(endpoint.getKey()));
            for (NetworkPolicy p : of(objects, NetworkPolicy.class)) {
                Set<Integer> toCollector = p.getSpec().getEgress().stream()
                        .filter(rule -> rule.getTo() != null && rule.getTo().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                                && "monitoring".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))))
                        .flatMap(rule -> rule.getPorts().stream()).map(port -> port.getPort().getIntVal()).collect(Collectors.toSet());
                assertThat(p.getMetadata().getName() + " reaches " + endpoint.getKey(), toCollector,
                        equalTo(endpoint.getValue() == 0 ? Set.of() : Set.of(endpoint.getValue())));
            }
        }
    }

    @Test
    void theProductionValuesLetEveryServiceReachItsDependenciesInTheirOwnNamespaces() throws Exception {
        List<HasMetadata> objects = render("values-prod.yaml");
        Map<String, NetworkPolicy> policies = of(objects, NetworkPolicy.class).stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p));
        Map<Integer, String> namespaces = Map.of(5432, "databases", 9092, "messaging", 6379, "cache");
        Map<String, Set<Integer>> needs = Map.of(
                "cognita-gateway", Set.of(9092, 6379),
                "cognita-identity", Set.of(5432, 9092, 587, 443),
                "cognita-org", Set.of(5432, 9092, 587),
                "cognita-workspace", Set.of(5432, 9092),
                "cognita-meeting", Set.of(5432, 9092),
                "cognita-transcription", Set.of(5432, 9092, 6379));
        needs.forEach((name, ports) -> {
            NetworkPolicy policy = policies.get(name);
            assertThat(name + " egress ports", egressPorts(policy).containsAll(ports), is(true));
            for (var rule : policy.getSpec().getEgress()) {
                for (var port : rule.getPorts()) {
                    String namespace = namespaces.get(port.getPort().getIntVal());
                    if (namespace != null) {
                        assertThat(name + " reaches " + port.getPort().getIntVal() + " in " + namespace, rule.getTo().stream()
                                .anyMatch(peer -> peer.getNamespaceSelector() != null && namespace.equals(
                                        peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))), is(true));
                    }
                }
            }
        });
        assertThat("mail needs STARTTLS by default", common(render("")).get("COGNITA_SMTP_STARTTLS"), equalTo("REQUIRED"));
        // the services that mail have the server and its credentials; identity verifies tokens on loopback
        assertThat(common(objects).get("COGNITA_SMTP_HOST"), equalTo("smtp.example.com"));
        for (String mailer : List.of("cognita-identity", "cognita-org")) {
            Container c = deployment(objects, mailer).getSpec().getTemplate().getSpec().getContainers().get(0);
            EnvVar password = c.getEnv().stream().filter(e -> e.getName().equals("COGNITA_SMTP_PASSWORD")).findFirst().orElseThrow();
            assertThat(password.getValueFrom().getSecretKeyRef().getName(), equalTo("cognita-smtp"));
        }
        Container identity = deployment(objects, "cognita-identity").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(env(identity, "COGNITA_JWKS_URL"), equalTo("http://127.0.0.1:8081/api/auth/.well-known/jwks.json"));
        assertThat(env(identity, "COGNITA_ADMIN_EMAIL"), equalTo("ops@example.com"));
    }

    @Test
    void secretEnvironmentComesFromTheNamedSecretAndNeverAsAValue() throws Exception {
        List<HasMetadata> objects = render("", Map.of("services.transcription.secretEnv.COGNITA_SPEECH_OPENAI_API_KEY.secret", "speech-api",
                "services.transcription.secretEnv.COGNITA_SPEECH_OPENAI_API_KEY.key", "api-key"));
        Container c = deployment(objects, "cognita-transcription").getSpec().getTemplate().getSpec().getContainers().get(0);
        EnvVar key = c.getEnv().stream().filter(e -> e.getName().equals("COGNITA_SPEECH_OPENAI_API_KEY")).findFirst().orElseThrow();
        assertThat(key.getValue(), is((String) null));
        assertThat(key.getValueFrom().getSecretKeyRef().getName() + "/" + key.getValueFrom().getSecretKeyRef().getKey(),
                equalTo("speech-api/api-key"));
    }

    private static Map<String, String> common(List<HasMetadata> objects) {
        return of(objects, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals("cognita-common"))
                .findFirst().orElseThrow().getData();
    }

    private static Deployment deployment(List<HasMetadata> objects, String name) {
        return of(objects, Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }

    private static Set<Integer> egressPorts(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream().filter(rule -> rule.getPorts() != null)
                .flatMap(rule -> rule.getPorts().stream()).map(port -> port.getPort().getIntVal()).collect(Collectors.toSet());
    }

    @Test
    void theProductionValuesTurnOnMonitoringAndTheAlertsHaveRunbooks() throws Exception {
        String rendered = renderText("values-prod.yaml");
        assertThat(rendered, containsString("kind: ServiceMonitor"));
        assertThat(rendered, containsString("kind: PrometheusRule"));
        for (String alert : List.of("CognitaOutboxLag", "CognitaDeadLetters", "CognitaConsumerLag", "CognitaServerErrors",
                "CognitaLoginFailuresSpike", "CognitaRevocationViewStale")) {
            assertThat(rendered, containsString("alert: " + alert));
            assertThat(rendered, containsString("docs/operations.md#" + alert.toLowerCase()));
        }
        assertThat(rendered, containsString("grafana_dashboard: \"1\""));
    }

    /**
     * The memory outside the heap, measured by bench/startup.sh after load (docs/performance.md, "Start-up and
     * memory": metaspace, code, symbols, threads, malloc), rounded up: the heap the JVM may grow to must leave it room
     * under the pod's limit, or the kernel kills the pod before the JVM ever sees an OutOfMemoryError.
     */
    private static final Map<String, Long> NON_HEAP_MIB = Map.of("gateway", 176L, "identity", 256L, "org", 256L,
            "workspace", 256L, "meeting", 256L, "transcription", 320L);

    @ParameterizedTest
    @ValueSource(strings = {"", "values-dev.yaml", "values-prod.yaml"})
    void theLargestHeapLeavesEachServiceRoomForItsMeasuredNonHeapMemoryUnderItsLimit(String valuesFile) throws Exception {
        List<HasMetadata> objects = render(valuesFile);
        String javaOpts = of(objects, ConfigMap.class).stream().map(m -> m.getData().get("JAVA_OPTS_APPEND"))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        var percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(javaOpts);
        assertTrue(percentage.find(), "javaOpts sizes the heap by the pod's limit: " + javaOpts);
        assertThat("the collector is named, not left to the JVM's guess from the pod's size", javaOpts,
                containsString("-XX:+UseSerialGC"));
        for (Deployment d : of(objects, Deployment.class)) {
            String service = d.getMetadata().getLabels().get("app.kubernetes.io/name");
            long limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(d.getSpec().getTemplate().getSpec()
                    .getContainers().get(0).getResources().getLimits().get("memory")).longValue() >> 20;
            long heap = (long) (limit * Double.parseDouble(percentage.group(1)) / 100);
            assertThat(service + ": heap " + heap + " MiB + non-heap " + NON_HEAP_MIB.get(service) + " MiB <= limit "
                    + limit + " MiB", heap + NON_HEAP_MIB.get(service) <= limit, is(true));
        }
    }

    @Test
    void trustedProxiesAreAddressesAndBlocksBothTheGatewayAndIdentityReadAsSuch() throws Exception {
        // one value feeds the gateway (trims, reads IPv4-mapped prefixes as IPv4) and identity (Quarkus: no trim, a
        // bare IPv6 address or anything else not an address is a host name, looked up in DNS per request)
        String pattern = new ObjectMapper().readTree(CHART.resolve("values.schema.json").toFile())
                .at("/properties/trustedProxies/pattern").asText();
        Pattern schema = Pattern.compile(pattern);
        for (String good : List.of("", "10.0.0.0/8", "127.0.0.1,::1/128", "fd00::/8,10.244.0.0/16", "FD00:AB::/32")) {
            assertTrue(schema.matcher(good).find(), good + " was refused");
        }
        for (String bad : List.of("fd00::1", "::1", "ingress.local", "10.0.0.0/8 ,127.0.0.1", "10.0.0.0/8, 127.0.0.1",
                "300.1.1.1", "10.0.0.0/33", "fd00::/129", ":/8", "::ffff:10.0.0.0/104", "10.0.0.0/8 ", "0.0.0.0/0", "::/0")) {
            assertFalse(schema.matcher(bad).find(), bad + " was accepted");
        }
    }

    @Test
    void theSchemaRefusesBadValuesWithAClearMessage() {
        List<Map.Entry<String, Object>> bad = List.of(
                Map.entry("services.gateway.port", 80),
                Map.entry("image.pullPolicy", "Sometimes"),
                Map.entry("postgresql.port", 0),
                Map.entry("services.org.secret", ""),
                Map.entry("services.gateway.replica", 2),
                Map.entry("publicUrl", "ftp://example.com"),
                Map.entry("services.transcription.resources.limits.memory", "lots"),
                Map.entry("services.identity.calls[0]", "billing"),
                Map.entry("tracing.otlpProtocol", "http/json"),
                Map.entry("smtp.startTls", "sometimes"),
                // the gateway reads addresses only; a name would stop it at start
                Map.entry("trustedProxies", "ingress.local"),
                // identity-service (Quarkus) reads a bare IPv6 address as a host name, looked up in DNS per request
                Map.entry("trustedProxies", "fd00::1"),
                // a Secret's variable may not shadow one the chart sets itself
                Map.entry("services.org.secretEnv.COGNITA_DB_PASSWORD.secret", "mine"),
                Map.entry("services.org.secretEnv.X_KEY.secret", "Not_A_Name"));
        bad.forEach(entry -> {
            String key = entry.getKey();
            Object value = entry.getValue();
            TemplateCommand template = new Helm(CHART).template().withName("cognita").set(key, value);
            Exception refused = assertThrows(Exception.class, template::call, key + "=" + value + " was accepted");
            assertThat(key, refused.getMessage(), containsString("values don't meet the specifications of the schema"));
        });
    }

    @Test
    void theChartsReadmeListsEveryValue() throws Exception {
        String readme = java.nio.file.Files.readString(CHART.resolve("README.md"));
        List<String> missing = new ArrayList<>();
        valuePaths("", YAML.readTree(CHART.resolve("values.yaml").toFile()), missing, readme);
        assertThat("values missing from README.md (run deploy/helm/readme-values.py)", missing, empty());
    }

    /** Every value path, down to maps whose keys are free (env, annotations, labels): listed, or an ancestor is. */
    private static void valuePaths(String path, JsonNode node, List<String> missing, String readme) {
        if (!path.isEmpty()) {
            boolean listed = false;
            for (String at = path; !listed && !at.isEmpty(); at = at.contains(".") ? at.substring(0, at.lastIndexOf('.')) : "") {
                listed = readme.contains("`" + at + "`");
            }
            if (!listed) {
                missing.add(path);
            }
        }
        if (node.isObject() && !path.matches(".*(env|annotations|ingressControllerNamespace|requests|limits)$")) {
            node.fields().forEachRemaining(e -> valuePaths(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), missing, readme));
        }
    }

    private static void assertProbe(String name, Probe probe, String path) {
        assertThat(name + " probe " + path, probe, notNullValue());
        assertThat(name, probe.getHttpGet().getPath(), equalTo(path));
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String renderText(String valuesFile) {
        return renderText(valuesFile, Map.of());
    }

    static String renderText(String valuesFile, Map<String, Object> sets) {
        TemplateCommand template = new Helm(CHART).template().withName("cognita").withNamespace("cognita");
        if (!valuesFile.isEmpty()) {
            template.withValuesFile(CHART.resolve(valuesFile));
        }
        sets.forEach(template::set);
        return template.call();
    }

    static List<HasMetadata> render(String valuesFile) throws Exception {
        return render(valuesFile, Map.of());
    }

    /** Every rendered object in its typed model; a field the model does not know fails. */
    static List<HasMetadata> render(String valuesFile, Map<String, Object> sets) throws Exception {
        List<HasMetadata> out = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(renderText(valuesFile, sets))) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                String kind = doc.path("kind").asText();
                if (MONITORING.contains(kind)) {
                    assertThat(kind, doc.path("apiVersion").asText(), equalTo("monitoring.coreos.com/v1"));
                    continue;
                }
                Class<? extends HasMetadata> type = KINDS.get(kind);
                assertThat("a kind this test knows: " + kind, type, notNullValue());
                HasMetadata object = YAML.treeToValue(doc, type);
                assertThat(kind + " " + object.getMetadata().getName() + " apiVersion", object.getApiVersion(),
                        equalTo(doc.path("apiVersion").asText()));
                unknownFields(object, kind + "/" + object.getMetadata().getName());
                out.add(object);
            }
        }
        return out;
    }

    /** The model keeps what it does not know in additionalProperties: any there is a misspelt or misplaced field. */
    static void unknownFields(Object node, String path) throws Exception {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey());
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getDeclaringClass().getName().startsWith("io.fabric8.")
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat("fields the Kubernetes model does not know at " + path, value == null ? Set.of() : ((Map<?, ?>) value).keySet(),
                        empty());
                continue;
            }
            unknownFields(value, path + "." + getter.getName().replaceFirst("^(get|is)", ""));
        }
    }
}
