package cn.ronghe.dashboard;

import cn.ronghe.dashboard.Chart.Kind;
import cn.ronghe.dashboard.DashboardScope.Level;
import cn.ronghe.organisation.UnitKind;
import org.springframework.stereotype.Component;

/** The grades co-building units received from their communities, by kind of unit (机关事业单位, 国有企业, 两新组织). */
@Component
class EvaluationUnitKindPanel extends PanelBase {

  private final EvaluationFigures figures;

  EvaluationUnitKindPanel(EvaluationFigures figures) {
    super("evaluation-unit-kinds", "双向考评：共建单位获评等级（按单位类别）", "共驻共建与双向考评", 40);
    this.figures = figures;
  }

  @Override
  public boolean appliesTo(DashboardScope scope) {
    return !scope.is(Level.DEPARTMENT);
  }

  @Override
  public Chart chart(DashboardScope scope) {
    ChartBuilder chart = new ChartBuilder();
    for (UnitKind k : UnitKind.values()) {
      chart.category(k.name(), k.label());
    }
    EvaluationFigures.declareGrades(chart);
    EvaluationFigures.Year year = figures.of(scope);
    String subtitle = scope.year() == null ? null : scope.year() + " 年度";
    if (year != null) {
      long graded = 0;
      for (EvaluationFigures.Row r : year.rows()) {
        if (r.unitGrade() != null) {
          chart.add(r.unitKind(), r.unitGrade(), 1);
          graded++;
        }
      }
      subtitle = year.year() + " 年度，共 " + graded + " 个评价结果（社区评共建单位）";
    }
    return chart.build(Kind.STACKED_HORIZONTAL, subtitle, "个", null,
        scope.is(Level.UNIT) ? "本单位尚无已发布的考评结果" : "尚无经大工委审核的考评结果");
  }
}
