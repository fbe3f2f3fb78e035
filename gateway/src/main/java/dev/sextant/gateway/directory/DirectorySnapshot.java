package dev.sextant.gateway.directory;

import dev.sextant.acl.IdentityDirectory;
import dev.sextant.acl.MemoryDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The identity map and group memberships held in memory for principal resolution: rebuilt from the tables on the
 * first query after a change was committed ({@link #invalidate()}), never on a timer, so that a changed membership
 * or a new link applies on the next query and an unchanged directory costs no database round trip.
 */
@ApplicationScoped
public class DirectorySnapshot {

    private record Built(long generation, MemoryDirectory directory) {
    }

    @Inject
    SourceDirectory tables;

    private final AtomicLong generation = new AtomicLong();
    private volatile Built built = new Built(-1, null);

    /** The directory as the tables hold it now. */
    public IdentityDirectory current() {
        Built b = built;
        long wanted = generation.get();
        if (b.generation() == wanted) {
            return b.directory();
        }
        synchronized (this) {
            if (built.generation() != generation.get()) {
                long at = generation.get();
                built = new Built(at, tables.load());
            }
            return built.directory();
        }
    }

    /** Called after a change to the tables has been committed. */
    public void invalidate() {
        generation.incrementAndGet();
    }
}
