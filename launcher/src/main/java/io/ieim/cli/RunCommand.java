package io.ieim.cli;

import io.ieim.devstack.StackConfig;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.topology.DecisionService;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code ieim run}: the decision topology in the foreground, against the configured stack. */
@Command(name = "run", description = "Run the decision topology (Kafka Streams) in the foreground.")
final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        DecisionPipeline pipeline = DecisionPipeline.standard(Topology.redactionKey(config));
        DecisionService.Settings settings = new DecisionService.Settings(Topology.APPLICATION_ID,
                config.kafkaBootstrap(), config.registryUrl(), config.varDir().resolve("topology").resolve("state"),
                config.topologyPort(), Topology.anchorKey(config), Topology.anchorEvery(),
                Topology.anchorInterval(), Topology.anchorArchive(config),
                // optional, off by default: ClamAV and OCR before the decision (IEIM_ATTACHMENT_SCAN=on)
                io.ieim.topology.AttachmentScanConfig.from(System.getenv(), Topology.anchorArchive(config)));
        DecisionService service = new DecisionService(settings, pipeline);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "ieim-shutdown"));
        service.start();
        service.awaitTermination();
        return service.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR ? Ieim.EXIT_FAILED : 0;
    }
}
