package cn.ronghe.organisation;

/** A town, street or development zone (镇区/街道) with its big working committee (大工委). */
public record Street(String code, String name, StreetKind kind, boolean sampleData, boolean active) {
}
