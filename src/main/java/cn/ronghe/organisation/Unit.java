package cn.ronghe.organisation;

/** A co-building unit (共驻共建单位) paired with a community. */
public record Unit(String code, String name, UnitKind kind, boolean sampleData, boolean active) {
}
