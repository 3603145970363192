package dk.trials.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.logging.Level;
import java.util.logging.Logger;

/** One in-process KRaft broker per test JVM, shared by every test in it. */
public final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            quietenKafkaLogging();
            keepTheBrokerFromEndingTheJvm();
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                TrialTopics.create(kit.bootstrapServers());
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("In-process Kafka broker did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::stop));
        }
        return cluster.bootstrapServers();
    }

    /**
     * At JVM exit Kafka's own shutdown hook deletes the broker's temporary log directory while ours is still closing
     * the broker; the broker then finds its log directory failed and halts the JVM with status 1, and surefire fails
     * the fork although every test passed (an intermittent "Error occurred in starting fork"). A test JVM ends anyway:
     * the broker's request to halt or exit is printed, and a test that still needed the broker fails on its own.
     */
    static void keepTheBrokerFromEndingTheJvm() {
        Exit.Procedure print = (status, message) -> System.err.println(
                "In-process Kafka broker asked to end the JVM with status " + status + ": " + message);
        Exit.setHaltProcedure(print);
        Exit.setExitProcedure(print);
    }

    /** The broker logs a great deal at INFO through JUL (Quarkus' log manager); only warnings matter in tests. */
    static void quietenKafkaLogging() {
        Logger.getLogger("kafka").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.kafka").setLevel(Level.WARNING);
        Logger.getLogger("state.change.logger").setLevel(Level.WARNING);
    }

    private static synchronized void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
