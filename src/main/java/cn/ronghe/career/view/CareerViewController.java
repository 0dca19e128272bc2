package cn.ronghe.career.view;

import cn.ronghe.career.CareerAccess;
import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import cn.ronghe.platform.error.RongheException;
import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/career/views")
@Tag(name = "三岗十八级统计 Career views", description = "按社区、街道、全市：各岗位等级分布与最近一次评定的等级变动")
class CareerViewController {

  private final CareerViews views;
  private final RegistryRepository registry;

  CareerViewController(CareerViews views, RegistryRepository registry) {
    this.views = views;
    this.registry = registry;
  }

  @GetMapping("/communities/{code}")
  @Operation(summary = "A community: grade distribution by post and the changes of the last review year")
  CareerViews.View community(ApiUser user, @PathVariable String code) {
    Community c = registry.community(code).orElseThrow(() -> RongheException.notFound("社区", code));
    CareerAccess.requireSees(user, c.streetCode(), c.code());
    return views.view("COMMUNITY", c.code(), c.name());
  }

  @GetMapping("/streets/{code}")
  @Operation(summary = "A street (town): grade distribution by post and the changes of the last review year")
  CareerViews.View street(ApiUser user, @PathVariable String code) {
    Street s = registry.street(code).orElseThrow(() -> RongheException.notFound("街道（镇）", code));
    CareerAccess.requireSees(user, s.code(), null);
    return views.view("STREET", s.code(), s.name());
  }

  @GetMapping("/city")
  @Operation(summary = "The whole city (city bodies and administrators)")
  CareerViews.View city(ApiUser user) {
    if (!CareerAccess.seesAll(user)) {
      throw RongheException.forbidden("仅市级部门可查看全市统计", "Only city bodies may see the city-wide view");
    }
    return views.view("CITY", null, "太仓市");
  }
}
