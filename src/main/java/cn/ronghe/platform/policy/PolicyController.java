package cn.ronghe.platform.policy;

import cn.ronghe.platform.security.ApiUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/policy")
@Tag(name = "策略参数 Policy", description = "可由管理员调整的期限与阈值 / deadlines and thresholds an administrator may change")
class PolicyController {

  record ValueInput(String value) {
  }

  private final PolicyParameters policy;

  PolicyController(PolicyParameters policy) {
    this.policy = policy;
  }

  @GetMapping
  @Operation(summary = "All policy parameters with their current values")
  List<PolicyParameter> all() {
    return policy.all();
  }

  @PutMapping("/{key}")
  @Operation(summary = "Change one policy parameter (administrators); the change is recorded")
  PolicyParameter update(ApiUser user, @PathVariable String key, @RequestBody ValueInput input) {
    user.requireAdmin();
    return policy.update(key, input == null ? null : input.value(), user.id());
  }
}
