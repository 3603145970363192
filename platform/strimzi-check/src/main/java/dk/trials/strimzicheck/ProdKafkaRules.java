package dk.trials.strimzicheck;

import com.fasterxml.jackson.databind.JsonNode;
import dk.trials.events.Topics;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import io.strimzi.api.kafka.model.user.acl.StrimziAclOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Kafka rules of issue 12 for the prod overlay: KRaft with node pools, a KafkaTopic for every topic the services
 * use (partitions at least the consuming service's HPA maximum, replication 3, min.insync.replicas 2), and a KafkaUser
 * per service and for the register feed whose ACLs grant the topics and groups each uses.
 */
public final class ProdKafkaRules {
    /** The KafkaUser of the outside system that publishes outcomes from the registers onto outcome-events. */
    public static final String REGISTER_FEED = "register-feed";
    static final int REPLICATION = 3;
    static final int MIN_IN_SYNC_REPLICAS = 2;
    private static final String CLUSTER_LABEL = "strimzi.io/cluster";

    private final Rendering prod;
    private final StrimziObjects strimzi;
    private final List<ServiceMessaging> services;
    private final List<String> findings = new ArrayList<>();

    private ProdKafkaRules(Rendering prod, StrimziObjects strimzi, List<ServiceMessaging> services) {
        this.prod = prod;
        this.strimzi = strimzi;
        this.services = services;
    }

    /** Findings, each prefixed by the render's name; none means prod follows every rule. */
    public static List<String> check(Rendering prod, StrimziObjects strimzi, List<ServiceMessaging> services) {
        ProdKafkaRules rules = new ProdKafkaRules(prod, strimzi, services);
        rules.kraft();
        rules.topics();
        rules.users();
        return rules.findings.stream().map(finding -> prod.name() + ": " + finding).toList();
    }

    private void kraft() {
        if (strimzi.kafkas().isEmpty()) {
            findings.add("no Kafka");
        }
        for (Kafka kafka : strimzi.kafkas()) {
            String where = "Kafka/" + kafka.getMetadata().getName();
            for (String annotation : List.of("strimzi.io/kraft", "strimzi.io/node-pools")) {
                String value = Optional.ofNullable(kafka.getMetadata().getAnnotations()).map(a -> a.get(annotation)).orElse("enabled");
                if (!"enabled".equals(value)) {
                    findings.add(where + ": annotation " + annotation + " is " + value + ", not enabled (KRaft with node pools)");
                }
            }
            List<KafkaNodePool> pools = strimzi.nodePools().stream()
                    .filter(pool -> kafka.getMetadata().getName().equals(label(pool, CLUSTER_LABEL)))
                    .toList();
            Set<ProcessRoles> roles = new TreeSet<>();
            pools.forEach(pool -> roles.addAll(pool.getSpec().getRoles()));
            if (!roles.containsAll(List.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER))) {
                findings.add(where + ": its KafkaNodePools have the roles " + roles + ", KRaft needs controller and broker");
            }
            int brokers = pools.stream()
                    .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                    .mapToInt(pool -> pool.getSpec().getReplicas())
                    .sum();
            if (brokers < REPLICATION) {
                findings.add(where + ": " + brokers + " broker replicas cannot hold topics replicated " + REPLICATION + " times");
            }
            if (kafka.getSpec().getKafka() == null || kafka.getSpec().getKafka().getAuthorization() == null) {
                findings.add(where + ": no spec.kafka.authorization, so the KafkaUsers' ACLs are not enforced");
            }
        }
    }

    private void topics() {
        Set<String> expected = new TreeSet<>();
        services.forEach(service -> {
            expected.addAll(service.consumedTopics());
            expected.addAll(service.deadLetterTopics());
        });
        // Published by outcome-service's outbox for alerts and committees; no service consumes it.
        expected.add(Topics.MONITORING_EVENTS);
        expected.stream()
                .filter(name -> strimzi.topics().stream().noneMatch(topic -> name.equals(topicName(topic))))
                .forEach(name -> findings.add("no KafkaTopic for " + name));
        for (KafkaTopic topic : strimzi.topics()) {
            String where = "KafkaTopic/" + topic.getMetadata().getName();
            requireCluster(topic, where);
            if (!Objects.equals(topic.getSpec().getReplicas(), REPLICATION)) {
                findings.add(where + ": replicas " + topic.getSpec().getReplicas() + ", prod needs " + REPLICATION);
            }
            Object minInSync = Optional.ofNullable(topic.getSpec().getConfig()).map(config -> config.get("min.insync.replicas")).orElse(null);
            // Strimzi takes the config value as a number or a string, as Kafka does.
            if (!String.valueOf(MIN_IN_SYNC_REPLICAS).equals(String.valueOf(minInSync))) {
                findings.add(where + ": config min.insync.replicas " + minInSync + ", prod needs " + MIN_IN_SYNC_REPLICAS);
            }
            services.stream().filter(s -> s.consumedTopics().contains(topicName(topic))).forEach(consumer -> partitions(topic, where, consumer));
        }
    }

    /** A consumer group spreads a topic's partitions over its members: more replicas than partitions would idle. */
    private void partitions(KafkaTopic topic, String where, ServiceMessaging consumer) {
        OptionalInt maxReplicas = maxReplicas(consumer.service());
        Integer partitions = topic.getSpec().getPartitions();
        if (maxReplicas.isEmpty()) {
            findings.add(where + ": no HorizontalPodAutoscaler for its consumer " + consumer.service() + " to size partitions by");
        } else if (partitions == null || partitions < maxReplicas.getAsInt()) {
            findings.add(where + ": " + partitions + " partitions, fewer than the " + maxReplicas.getAsInt()
                    + " replicas " + consumer.service() + "'s HorizontalPodAutoscaler may run (the rest would idle)");
        }
    }

    private void users() {
        List<String> principals = Stream.concat(services.stream().map(ServiceMessaging::service), Stream.of(REGISTER_FEED)).toList();
        for (String principal : principals) {
            List<KafkaUser> users = strimzi.users().stream().filter(user -> user.getMetadata().getName().contains(principal)).toList();
            if (users.size() != 1) {
                findings.add("expected one KafkaUser named after " + principal + ", found " + users.size());
                continue;
            }
            KafkaUser user = users.get(0);
            String where = "KafkaUser/" + user.getMetadata().getName();
            requireCluster(user, where);
            if (user.getSpec().getAuthentication() == null) {
                findings.add(where + ": no spec.authentication (tls or scram-sha-512)");
            }
            List<AclRule> acls = user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple
                    ? Optional.ofNullable(simple.getAcls()).orElse(List.of())
                    : List.of();
            if (acls.isEmpty()) {
                findings.add(where + ": no simple authorization ACLs");
                continue;
            }
            services.stream().filter(s -> s.service().equals(principal)).findFirst().ifPresentOrElse(
                    service -> serviceAcls(where, service, acls),
                    () -> require(where, acls, StrimziAclOperation.WRITE, AclRuleTopicResource.TYPE_TOPIC, Topics.OUTCOME_EVENTS));
        }
    }

    private void serviceAcls(String where, ServiceMessaging service, List<AclRule> acls) {
        service.consumedTopics().forEach(topic -> require(where, acls, StrimziAclOperation.READ, AclRuleTopicResource.TYPE_TOPIC, topic));
        service.groups().forEach(group -> require(where, acls, StrimziAclOperation.READ, AclRuleGroupResource.TYPE_GROUP, group));
        service.deadLetterTopics().forEach(topic -> require(where, acls, StrimziAclOperation.WRITE, AclRuleTopicResource.TYPE_TOPIC, topic));
        // Every service publishes its own events through its outbox; which topic is the service's code, not its config.
        boolean writes = acls.stream()
                .anyMatch(acl -> allows(acl, StrimziAclOperation.WRITE) && acl.getResource() instanceof AclRuleTopicResource);
        if (!writes) {
            findings.add(where + ": no ACL allows Write on any topic, so its outbox relay cannot publish");
        }
    }

    private void require(String where, List<AclRule> acls, StrimziAclOperation operation, String resourceType, String name) {
        if (acls.stream().noneMatch(acl -> allows(acl, operation) && covers(acl.getResource(), resourceType, name))) {
            findings.add(where + ": no ACL allows " + spelled(operation) + " on " + resourceType + " " + name);
        }
    }

    private static boolean allows(AclRule acl, StrimziAclOperation operation) {
        List<StrimziAclOperation> operations = Optional.ofNullable(acl.getOperations()).orElse(List.of());
        return acl.getType() != AclRuleType.DENY && (operations.contains(operation) || operations.contains(StrimziAclOperation.ALL));
    }

    private static boolean covers(AclRuleResource resource, String type, String name) {
        record Pattern(String name, AclResourcePatternType type) {
        }
        Pattern pattern = switch (resource) {
            case AclRuleTopicResource topic when type.equals(topic.getType()) -> new Pattern(topic.getName(), topic.getPatternType());
            case AclRuleGroupResource group when type.equals(group.getType()) -> new Pattern(group.getName(), group.getPatternType());
            default -> null;
        };
        if (pattern == null) {
            return false;
        }
        return "*".equals(pattern.name())
                || (pattern.type() == AclResourcePatternType.PREFIX ? name.startsWith(pattern.name()) : name.equals(pattern.name()));
    }

    /** As the manifests spell it: Read, Write. */
    private static String spelled(StrimziAclOperation operation) {
        return operation.name().charAt(0) + operation.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private void requireCluster(HasMetadata object, String where) {
        String cluster = label(object, CLUSTER_LABEL);
        if (strimzi.kafkas().stream().noneMatch(kafka -> kafka.getMetadata().getName().equals(cluster))) {
            findings.add(where + ": label " + CLUSTER_LABEL + "=" + cluster + " names no Kafka in this overlay");
        }
    }

    private static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }

    private static String topicName(KafkaTopic topic) {
        return Optional.ofNullable(topic.getSpec().getTopicName()).orElse(topic.getMetadata().getName());
    }

    /** The largest maxReplicas of the HPAs scaling the service's Deployment (named after the service). */
    private OptionalInt maxReplicas(String service) {
        return prod.ofKind("HorizontalPodAutoscaler").stream()
                .map(hpa -> hpa.path("spec"))
                .filter(spec -> "Deployment".equals(spec.path("scaleTargetRef").path("kind").asText()))
                .filter(spec -> spec.path("scaleTargetRef").path("name").asText().contains(service))
                .map(spec -> spec.path("maxReplicas"))
                .filter(JsonNode::isInt)
                .mapToInt(JsonNode::asInt)
                .max();
    }
}
