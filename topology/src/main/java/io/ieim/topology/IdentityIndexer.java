package io.ieim.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns changes of one identity topic into index deltas keyed by index key: "+id" when a record
 * starts contributing a key, "-id" when it stops (update or tombstone). It remembers which keys each
 * record contributed, so a changed e-mail address leaves the old key's entry.
 */
final class IdentityIndexer<V> implements Processor<String, V, String, String> {

    private final String storeName;
    private final String entityPrefix;
    private final Function<V, Set<String>> keysOf;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> contributions;

    /** The store remembers, per record id, the index keys it contributed last. */
    IdentityIndexer(String storeName, String entityPrefix, Function<V, Set<String>> keysOf) {
        this.storeName = storeName;
        this.entityPrefix = entityPrefix;
        this.keysOf = keysOf;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.contributions = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return;
        }
        String entity = entityPrefix + record.key();
        String previous = contributions.get(entity);
        Set<String> before = previous == null || previous.isEmpty() ? new TreeSet<>()
                : new TreeSet<>(Arrays.asList(previous.split("\n")));
        Set<String> after = keysOf.apply(record.value());
        for (String key : before) {
            if (!after.contains(key)) {
                context.forward(record.withKey(key).withValue("-" + record.key()));
            }
        }
        for (String key : after) {
            if (!before.contains(key)) {
                context.forward(record.withKey(key).withValue("+" + record.key()));
            }
        }
        if (after.isEmpty()) {
            contributions.delete(entity);
        } else {
            contributions.put(entity, String.join("\n", after));
        }
    }
}
