-- Policy of the property credit rating. Points per category and the grade bands are DMN tables in bpmn/property/.
INSERT INTO policy_parameter (param_key, param_value, value_type, description, updated_at, updated_by) VALUES
  ('property.credit.base-score', '100', 'DECIMAL', '物业企业信用基础分 / base credit score of every company', CURRENT_TIMESTAMP, 'system'),
  ('property.credit.entry-valid-months', '12', 'INTEGER', '正负面记录计入评分的有效期（月，自发生之日起）/ months an entry counts from the day it occurred', CURRENT_TIMESTAMP, 'system'),
  ('property.list.valid-months', '12', 'INTEGER', '红黑榜上榜有效期（月）；下次评定发布时提前更替 / months a red or black list entry stays', CURRENT_TIMESTAMP, 'system'),
  ('property.rating.auto-start-enabled', '1', 'INTEGER', '是否每半年自动发起信用评定（1 是，0 否）/ start the half-yearly rating by timer', CURRENT_TIMESTAMP, 'system'),
  ('property.verify-days', '5', 'INTEGER', '街道核实社区记录的期限（工作日）/ working days for the street to verify a community entry', CURRENT_TIMESTAMP, 'system'),
  ('property.review-days', '10', 'INTEGER', '市住建局审核评定结果的期限（工作日）/ working days for the housing bureau to review the rating', CURRENT_TIMESTAMP, 'system'),
  ('notice.property-credit.working-days', '5', 'INTEGER', '物业红黑榜公示期（工作日）/ notice period of the red and black lists', CURRENT_TIMESTAMP, 'system');
