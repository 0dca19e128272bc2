package cn.ronghe.reliability;

import cn.ronghe.career.demo.CareerDemoData;
import cn.ronghe.evaluation.EvaluationDemoLive;
import java.lang.reflect.Method;
import java.time.LocalDate;
import org.springframework.context.ApplicationContext;

/**
 * Seeds the demo's open cases of every capability through their real processes (idempotent), so the reliability
 * tests find a task of most user tasks open whichever test ran before. The seeders of admission and co-building are
 * package-private beans, reached by name.
 */
final class DemoSeeding {

  private DemoSeeding() {
  }

  static void seed(ApplicationContext context) {
    invoke(context, "admissionDemoData", "seed");
    context.getBean(CareerDemoData.class).seedCases();
    invoke(context, "coBuildingDemoLive", "run");
    context.getBean(EvaluationDemoLive.class).run(LocalDate.now().getYear());
  }

  private static void invoke(ApplicationContext context, String bean, String method) {
    Object target = context.getBean(bean);
    try {
      Method m = target.getClass().getDeclaredMethod(method);
      m.setAccessible(true);
      m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Could not seed the demo through " + bean, e);
    }
  }
}
