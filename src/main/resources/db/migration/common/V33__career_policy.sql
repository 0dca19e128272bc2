-- Policy values of the career ladder and of public notices that a city changes without a rebuild
-- (PUT /api/policy/{key}). The grade rules themselves are DMN tables in bpmn/career/.
INSERT INTO policy_parameter (param_key, param_value, value_type, description, updated_at, updated_by) VALUES
  ('career.review.auto-start-enabled', '1', 'INTEGER', '年度等级评定是否按日期自动启动（1 是，0 否）/ start the annual grade review automatically (1) or by hand only (0)', CURRENT_TIMESTAMP, 'system'),
  ('career.review.auto-start-date', '01-20', 'TEXT', '年度等级评定自动启动日期（评定年度次年的 月-日）/ date (MM-DD of the following year) on which the annual review starts', CURRENT_TIMESTAMP, 'system'),
  ('career.review.auto-start-window-days', '10', 'INTEGER', '错过自动启动日期后仍补启动的天数 / calendar days after the start date in which a missed automatic start is caught up', CURRENT_TIMESTAMP, 'system'),
  ('career.review.effective-date', '03-01', 'TEXT', '等级调整生效日期（评定年度次年的 月-日）/ date (MM-DD of the following year) on which grade changes take effect', CURRENT_TIMESTAMP, 'system'),
  ('career.review.chunk-size', '200', 'INTEGER', '每个后台作业处理的评定人数 / reviews handled per background job', CURRENT_TIMESTAMP, 'system'),
  ('career.review.assess-days', '10', 'INTEGER', '街道录入年度考核结果的期限（工作日）/ working days for the street to enter assessment results', CURRENT_TIMESTAMP, 'system'),
  ('career.review.confirm-days', '5', 'INTEGER', '社区确认评定建议的期限（工作日）/ working days for the community to confirm proposals', CURRENT_TIMESTAMP, 'system'),
  ('career.review.revise-days', '5', 'INTEGER', '街道处理退回建议的期限（工作日）/ working days for the street to handle returned proposals', CURRENT_TIMESTAMP, 'system'),
  ('career.review.street-review-days', '5', 'INTEGER', '街道审核评定建议的期限（工作日）/ working days for the street review', CURRENT_TIMESTAMP, 'system'),
  ('career.review.approve-days', '10', 'INTEGER', '市民政局审批评定建议的期限（工作日）/ working days for civil affairs to approve', CURRENT_TIMESTAMP, 'system'),
  ('career.onboarding.street-days', '5', 'INTEGER', '街道确认入职定级的期限（工作日）/ working days for the street to confirm an initial grade', CURRENT_TIMESTAMP, 'system'),
  ('career.onboarding.supplement-days', '10', 'INTEGER', '社区补充入职材料的期限（工作日）/ working days for the community to supplement documents', CURRENT_TIMESTAMP, 'system'),
  ('career.onboarding.file-days', '5', 'INTEGER', '市民政局备案入职定级的期限（工作日）/ working days for civil affairs to file an onboarding', CURRENT_TIMESTAMP, 'system'),
  ('career.post-change.street-days', '5', 'INTEGER', '街道确认岗位调整的期限（工作日）/ working days for the street to confirm a post change', CURRENT_TIMESTAMP, 'system'),
  ('career.post-change.approve-days', '5', 'INTEGER', '市民政局审批岗位调整的期限（工作日）/ working days for civil affairs to approve a post change', CURRENT_TIMESTAMP, 'system'),
  ('notice.working-days', '5', 'INTEGER', '公示期（工作日），未单独设置的公示类别使用 / notice period in working days for kinds without their own value', CURRENT_TIMESTAMP, 'system'),
  ('notice.career-grade.working-days', '5', 'INTEGER', '社区工作者等级调整公示期（工作日）/ notice period of worker grade changes in working days', CURRENT_TIMESTAMP, 'system'),
  ('notice.objection.resolve-days', '10', 'INTEGER', '公示异议处理期限（工作日）/ working days to resolve an objection', CURRENT_TIMESTAMP, 'system');

-- Serialises the start of review cycles, so two cycles never cover the same worker and year.
INSERT INTO ronghe_lock (lock_name) VALUES ('career-cycle');

-- What the demo seeder has already created (only used with ronghe.demo.enabled=true).
CREATE TABLE career_demo_seed (
  item      VARCHAR(40) NOT NULL PRIMARY KEY,
  seeded_at TIMESTAMP   NOT NULL
);
