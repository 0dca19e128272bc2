package cn.ronghe.organisation;

/** A line department (条线部门) that may apply to push a matter down to communities. */
public record Department(String code, String name, String shortName) {
}
