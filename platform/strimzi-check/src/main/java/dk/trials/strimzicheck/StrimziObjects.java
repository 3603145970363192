package dk.trials.strimzicheck;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;

/** The typed Strimzi objects of one render, as {@link StrictStrimziReader} read them. */
public record StrimziObjects(List<Kafka> kafkas, List<KafkaNodePool> nodePools, List<KafkaTopic> topics, List<KafkaUser> users) {

    public static StrimziObjects of(List<?> models) {
        return new StrimziObjects(
                only(models, Kafka.class), only(models, KafkaNodePool.class), only(models, KafkaTopic.class), only(models, KafkaUser.class));
    }

    private static <T> List<T> only(List<?> models, Class<T> type) {
        return models.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
