package cn.ronghe.platform.process;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every new user task local copies of the case variables ({@code inboxCaseNo}, {@code inboxCaseTitle},
 * {@code inboxCaseOrg}) that the Tasklist filters show as columns. Members of a candidate group may read the
 * task but not the process instance, so without the copies the columns stay empty for everyone but admins.
 * The copies have their own names so that a form submitting {@code caseTitle} still changes the process
 * variable, not the task's copy.
 */
@Component
public class InboxColumnsPlugin extends AbstractProcessEnginePlugin {

  /** Process variable → task-local copy shown in the filters. */
  public static final Map<String, String> COPIES = Map.of(
      CaseVariables.CASE_NO, "inboxCaseNo",
      CaseVariables.CASE_TITLE, "inboxCaseTitle",
      CaseVariables.CASE_ORG, "inboxCaseOrg");

  static final TaskListener COPY_CASE_VARIABLES = (DelegateTask task) -> COPIES.forEach((from, to) -> {
    Object value = task.getVariable(from);
    if (value != null) {
      task.setVariableLocal(to, value);
    }
  });

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, COPY_CASE_VARIABLES);
      }
    });
  }
}
