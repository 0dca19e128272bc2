package cn.ronghe.organisation;

/** A city community (社区) under one street, with its big party committee (大党委). */
public record Community(String code, String name, String streetCode, boolean sampleData, boolean active) {
}
