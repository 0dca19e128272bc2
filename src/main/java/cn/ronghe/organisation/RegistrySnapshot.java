package cn.ronghe.organisation;

import java.util.List;

/** A complete, validated registry as read from a CSV file, ready to replace the current one. */
public record RegistrySnapshot(String label, List<Street> streets, List<Community> communities, List<Unit> units,
    List<Pairing> pairings) {
}
