package cn.ronghe.organisation;

/**
 * Published inside the transaction that replaced the registry, so listeners (identity groups) change in the
 * same transaction or not at all.
 */
public record RegistryChangedEvent(RegistryVersion version) {
}
