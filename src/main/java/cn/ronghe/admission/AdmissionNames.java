package cn.ronghe.admission;

import cn.ronghe.organisation.Community;
import cn.ronghe.organisation.Department;
import cn.ronghe.organisation.RegistryRepository;
import cn.ronghe.organisation.Street;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Names and lists the admission processes look up, also from BPMN expressions ({@code ${admissionNames...}}). */
@Component("admissionNames")
public class AdmissionNames {

  private final RegistryRepository registry;
  private final ApplicationRepository applications;

  AdmissionNames(RegistryRepository registry, ApplicationRepository applications) {
    this.registry = registry;
    this.applications = applications;
  }

  public String street(String code) {
    return registry.street(code).map(Street::name).orElse(code);
  }

  public String community(String code) {
    return registry.community(code).map(Community::name).orElse(code);
  }

  public String department(String code) {
    return registry.department(code).map(Department::shortName).orElse(code);
  }

  Set<String> activeStreets() {
    return registry.streets().stream().map(Street::code).collect(Collectors.toSet());
  }

  /** The streets whose committees give an opinion: the chosen ones, or every street for a city-wide matter. */
  public List<String> affectedStreets(DelegateExecution execution) {
    Application a = applications.get(execution.getProcessBusinessKey()).application();
    return streetsOf(a.scopeStreets());
  }

  List<String> streetsOf(List<String> scope) {
    return scope.isEmpty() ? registry.streets().stream().map(Street::code).toList() : scope;
  }

  /** Active communities of the given streets (every community when the list is empty). */
  List<Community> communitiesOf(List<String> scope) {
    return streetsOf(scope).stream().flatMap(s -> registry.communities(s).stream()).toList();
  }
}
