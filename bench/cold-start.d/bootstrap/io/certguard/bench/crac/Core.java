package io.certguard.bench.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * A CRaC implementation without the snapshot, for a JVM that has none: org.crac ({@code -Dorg.crac.Core.Compat=}
 * {@code io.certguard.bench.crac}) registers the function's hooks here, and {@link #checkpointRestore()} runs them as
 * Lambda SnapStart does around its snapshot: every {@code beforeCheckpoint} in reverse registration order, then every
 * {@code afterRestore} in registration order (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html).
 * What a restore costs by itself (mapping the snapshot's memory) cannot be measured here.
 */
public final class Core {

    private static final Global GLOBAL = new Global();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        try {
            GLOBAL.beforeCheckpoint(null);
        } catch (Exception e) {
            CheckpointException failed = new CheckpointException();
            failed.addSuppressed(e);
            throw failed;
        }
        try {
            GLOBAL.afterRestore(null);
        } catch (Exception e) {
            RestoreException failed = new RestoreException();
            failed.addSuppressed(e);
            throw failed;
        }
    }

    private static final class Global extends Context<Resource> {

        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public synchronized void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).beforeCheckpoint(this);
            }
        }

        @Override
        public synchronized void afterRestore(Context<? extends Resource> context) throws Exception {
            for (Resource resource : resources) {
                resource.afterRestore(this);
            }
        }
    }
}
