-- Policy of the star rating (PUT /api/policy/{key}). Indicators and weights, star bands and the negative list
-- are DMN tables in bpmn/branch/.
INSERT INTO policy_parameter (param_key, param_value, value_type, description, updated_at, updated_by) VALUES
  ('branch.quota.five-star-percent', '10', 'INTEGER', '五星级支部占评定支部数的上限（%）/ at most this share of the rated branches may get five stars', CURRENT_TIMESTAMP, 'system'),
  ('branch.quota.four-star-percent', '40', 'INTEGER', '四星级支部占比上限（%）/ share limit of four stars', CURRENT_TIMESTAMP, 'system'),
  ('branch.quota.three-star-percent', '30', 'INTEGER', '三星级支部占比上限（%）/ share limit of three stars', CURRENT_TIMESTAMP, 'system'),
  ('branch.rating.auto-start-enabled', '1', 'INTEGER', '每年一季度是否自动发起上年度星级评定（1 是，0 否）/ start the yearly rating by timer (1) or by hand only (0)', CURRENT_TIMESTAMP, 'system'),
  ('branch.self-assess-days', '10', 'INTEGER', '支部自评期限（工作日）/ working days for the self-assessment', CURRENT_TIMESTAMP, 'system'),
  ('branch.community-review-days', '5', 'INTEGER', '社区审核期限（工作日）/ working days for the community review', CURRENT_TIMESTAMP, 'system'),
  ('branch.street-rating-days', '5', 'INTEGER', '街道评定期限（工作日）/ working days for the street rating', CURRENT_TIMESTAMP, 'system'),
  ('branch.org-rating-days', '10', 'INTEGER', '市委组织部评定期限（工作日）/ working days for the organisation department', CURRENT_TIMESTAMP, 'system'),
  ('branch.rerate-days', '5', 'INTEGER', '异议成立后重新评定期限（工作日）/ working days to re-rate after an upheld objection', CURRENT_TIMESTAMP, 'system'),
  ('notice.branch-star.working-days', '5', 'INTEGER', '支部星级评定公示期（工作日）/ notice period of star ratings in working days', CURRENT_TIMESTAMP, 'system');
