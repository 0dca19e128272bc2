package cn.ronghe.dashboard;

import cn.ronghe.dashboard.Chart.Kind;
import cn.ronghe.dashboard.DashboardScope.Level;
import org.springframework.stereotype.Component;

/** The grades communities received from their co-building units, by street (or by community within a street). */
@Component
class EvaluationStreetPanel extends PanelBase {

  private final EvaluationFigures figures;
  private final Areas areas;

  EvaluationStreetPanel(EvaluationFigures figures, Areas areas) {
    super("evaluation-streets", "双向考评：社区获评等级（按镇区、社区）", "共驻共建与双向考评", 30);
    this.figures = figures;
    this.areas = areas;
  }

  @Override
  public boolean appliesTo(DashboardScope scope) {
    return scope.isArea();
  }

  @Override
  public Chart chart(DashboardScope scope) {
    ChartBuilder chart = new ChartBuilder();
    String drill = areas.declare(scope, chart);
    EvaluationFigures.declareGrades(chart);
    EvaluationFigures.Year year = figures.of(scope);
    String subtitle = scope.year() == null ? null : scope.year() + " 年度";
    if (year != null) {
      long graded = 0;
      for (EvaluationFigures.Row r : year.rows()) {
        if (r.communityGrade() != null) {
          chart.add(areas.areaOf(scope, r.streetCode(), r.communityCode()), r.communityGrade(), 1);
          graded++;
        }
      }
      subtitle = year.year() + " 年度，共 " + graded + " 个评价结果（共建单位评社区）";
    }
    return chart.build(Kind.STACKED, subtitle, "个", drill,
        scope.is(Level.COMMUNITY) ? "本社区尚无已发布的考评结果" : "尚无经大工委审核的考评结果");
  }
}
