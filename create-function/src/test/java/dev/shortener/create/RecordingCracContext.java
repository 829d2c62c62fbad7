package dev.shortener.create;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;

/**
 * A CRaC context that does what SnapStart does with the global context, on demand: calls every registered
 * resource's {@code beforeCheckpoint} (in reverse order of registration, as CRaC does) when the snapshot is taken,
 * and {@code afterRestore} (in order) when an environment is restored from it.
 */
final class RecordingCracContext extends Context<Resource> {

    private final List<Resource> resources = new ArrayList<>();

    @Override
    public synchronized void register(Resource resource) {
        resources.add(resource);
    }

    synchronized List<Resource> resources() {
        return List.copyOf(resources);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<Resource> reversed = new ArrayList<>(resources());
        java.util.Collections.reverse(reversed);
        for (Resource resource : reversed) {
            try {
                resource.beforeCheckpoint(this);
            } catch (Exception e) {
                throw new AssertionError("beforeCheckpoint failed", e);
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        for (Resource resource : resources()) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                throw new AssertionError("afterRestore failed", e);
            }
        }
    }
}
