package cn.ronghe.admission;

import cn.ronghe.platform.policy.PolicyParameters;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The admission policy values in force (table policy_parameter), read when a rule runs. */
@Component
class AdmissionPolicy {

  /** Version of the rule code; recorded with the parameter values in every automatic decision. */
  static final String RULES = "admission-rules 2026.1";

  private final PolicyParameters policy;

  AdmissionPolicy(PolicyParameters policy) {
    this.policy = policy;
  }

  ApplicationChecks.Policy checks() {
    int lead = policy.intValue("admission.lead-working-days");
    double similar = policy.decimalValue("admission.similarity-threshold").doubleValue();
    double duplicate = policy.decimalValue("admission.duplicate-threshold").doubleValue();
    int maxReturns = policy.intValue("admission.max-returns");
    var stopwords = Arrays.asList(policy.textValue("admission.similarity-stopwords").split("[,，、]"));
    String version = String.format(Locale.ROOT, "%s (lead=%d wd, similar>=%.2f, duplicate>=%.2f, maxReturns=%d)",
        RULES, lead, similar, duplicate, maxReturns);
    return new ApplicationChecks.Policy(lead, similar, duplicate, maxReturns, stopwords, version);
  }

  String supervisingGroup() {
    return policy.textValue("admission.supervising-group");
  }

  int repeatOffenderThreshold() {
    return policy.intValue("admission.repeat-offender-threshold");
  }

  int repeatOffenderMonths() {
    return policy.intValue("admission.repeat-offender-months");
  }
}
