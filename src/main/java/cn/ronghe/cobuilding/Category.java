package cn.ronghe.cobuilding;

/** A service category (服务类别) shared by demands and resources; matching starts from it. */
public record Category(String code, String name) {
}
