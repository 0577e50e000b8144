import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the suite's topics that do not exist yet, in one JVM (kafka-topics.sh would start one per topic):
 * java -cp KAFKA_CLASSPATH CreateTopics.java BOOTSTRAP PARTITIONS TOPIC...
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        int partitions = Integer.parseInt(args[1]);
        var topics = Arrays.stream(args, 2, args.length).map(t -> new NewTopic(t, partitions, (short) 1)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            int failed = 0;
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        System.err.println("topic " + result.getKey() + ": " + e.getCause());
                        failed++;
                    }
                }
            }
            System.exit(failed == 0 ? 0 : 1);
        }
    }
}
