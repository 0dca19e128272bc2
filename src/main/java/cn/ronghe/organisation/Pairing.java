package cn.ronghe.organisation;

/** A 红色"1+3" pairing: a co-building unit linked with a community. */
public record Pairing(String unitCode, String communityCode, boolean active) {
}
