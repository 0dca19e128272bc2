package cn.ronghe.property;

import cn.ronghe.platform.policy.PolicyParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public red and black lists (红黑榜): no login, server-rendered, no scripts. */
@Controller
class PublicCreditController {

  private final PropertyRepository repository;
  private final PolicyParameters policy;

  PublicCreditController(PropertyRepository repository, PolicyParameters policy) {
    this.repository = repository;
    this.policy = policy;
  }

  @GetMapping("/public/property-credit")
  String lists(Model model) {
    model.addAttribute("red", repository.currentList("RED"));
    model.addAttribute("black", repository.currentList("BLACK"));
    model.addAttribute("baseScore", policy.decimalValue("property.credit.base-score").stripTrailingZeros()
        .toPlainString());
    model.addAttribute("validMonths", policy.intValue("property.list.valid-months"));
    return "property/credit";
  }
}
