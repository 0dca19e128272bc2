-- Grid party organisations (网格党组织) of the communities, and the problems they report (问题"上"得来).
CREATE TABLE grid_unit (
  code           VARCHAR(16)  NOT NULL PRIMARY KEY,       -- G0001
  name           VARCHAR(100) NOT NULL,
  community_code VARCHAR(32)  NOT NULL REFERENCES org_community (code),
  secretary      VARCHAR(50)  NOT NULL,
  households     INTEGER      NOT NULL,
  party_members  INTEGER      NOT NULL,
  active         BOOLEAN      NOT NULL,
  sample_data    BOOLEAN      NOT NULL
);
CREATE INDEX ix_grid_unit_community ON grid_unit (community_code);

-- One report (WG-2026-0001). status: where it is now; resolved_level: who gave the last outcome.
CREATE TABLE grid_report (
  case_no             VARCHAR(40)   NOT NULL PRIMARY KEY,
  grid_code           VARCHAR(16)   NOT NULL REFERENCES grid_unit (code),
  community_code      VARCHAR(32)   NOT NULL,
  street_code         VARCHAR(32)   NOT NULL,
  category            VARCHAR(32)   NOT NULL,
  category_label      VARCHAR(100)  NOT NULL,
  location_text       VARCHAR(200)  NOT NULL,
  description         VARCHAR(2000) NOT NULL,
  reporter            VARCHAR(64)   NOT NULL,
  reported_at         TIMESTAMP     NOT NULL,
  status              VARCHAR(12)   NOT NULL,
  dept_code           VARCHAR(32),
  resolved_level      VARCHAR(12),
  outcome             VARCHAR(2000),
  escalations         INTEGER       NOT NULL,
  reopens             INTEGER       NOT NULL,
  overdue_count       INTEGER       NOT NULL,
  closed_at           TIMESTAMP,
  closed_how          VARCHAR(12),
  process_instance_id VARCHAR(64),
  sample_data         BOOLEAN       NOT NULL,
  CONSTRAINT ck_grid_report_status CHECK (status IN ('COMMUNITY', 'STREET', 'DEPT', 'CONFIRMING', 'CLOSED')),
  CONSTRAINT ck_grid_report_closed CHECK (closed_how IS NULL OR closed_how IN ('CONFIRMED', 'AUTO'))
);
CREATE INDEX ix_grid_report_grid ON grid_report (grid_code);
CREATE INDEX ix_grid_report_community ON grid_report (community_code, status);

INSERT INTO policy_parameter (param_key, param_value, value_type, description, updated_at, updated_by) VALUES
  ('grid.community-days', '3', 'INTEGER', '社区办理网格上报问题的期限（工作日）/ working days for the community to handle a grid report', CURRENT_TIMESTAMP, 'system'),
  ('grid.street-days', '5', 'INTEGER', '街道办理上报问题的期限（工作日）/ working days for the street', CURRENT_TIMESTAMP, 'system'),
  ('grid.dept-days', '10', 'INTEGER', '职能部门办理上报问题的期限（工作日）/ working days for the responsible department', CURRENT_TIMESTAMP, 'system'),
  ('grid.confirm-days', '5', 'INTEGER', '上报人确认办理结果的期限（工作日），逾期视为满意 / working days for the reporter to confirm; afterwards the report closes', CURRENT_TIMESTAMP, 'system');
