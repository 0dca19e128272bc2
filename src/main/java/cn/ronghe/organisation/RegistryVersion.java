package cn.ronghe.organisation;

import java.time.LocalDateTime;

/** One load of the registry and what it contained. */
public record RegistryVersion(int versionNo, String label, String source, LocalDateTime loadedAt, String loadedBy,
    int streets, int communities, int units, int pairings) {
}
