-- Business records of the admission processes. The process variables drive the flow; these rows are what the
-- catalogue is changed from (written only by validated submissions) and what the project API reports.

-- An application to admit a new matter (ZR-...). Updated on each correction; the approved row becomes an item.
CREATE TABLE adm_application (
  case_no             VARCHAR(40)   NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  applicant_dept      VARCHAR(32)   NOT NULL REFERENCES org_department (code),
  applicant_user      VARCHAR(64)   NOT NULL,
  matter_name         VARCHAR(100)  NOT NULL,
  list_type           VARCHAR(16)   NOT NULL,
  legal_basis         VARCHAR(500),
  content             VARCHAR(2000) NOT NULL,
  scope_streets       VARCHAR(400),               -- comma-separated street codes; NULL = every community
  expected_start      DATE          NOT NULL,
  frequency           VARCHAR(16)   NOT NULL,
  workload_hours      INTEGER       NOT NULL,
  funding             NUMERIC(12,2),
  adds_signboard      BOOLEAN       NOT NULL,
  adds_ledger         BOOLEAN       NOT NULL,
  adds_certificate    BOOLEAN       NOT NULL,
  distinction_note    VARCHAR(500),
  contact_name        VARCHAR(50)   NOT NULL,
  contact_phone       VARCHAR(30)   NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  status_reason       VARCHAR(2000),
  return_count        INTEGER       NOT NULL,
  item_code           VARCHAR(16),
  version_no          INTEGER,
  sample_data         BOOLEAN       NOT NULL,
  submitted_at        TIMESTAMP     NOT NULL,
  updated_at          TIMESTAMP     NOT NULL,
  CONSTRAINT ck_application_status CHECK (status IN ('CHECKING', 'RETURNED', 'IN_REVIEW', 'CITY_APPROVAL',
    'APPROVED', 'REJECTED', 'LAPSED', 'WITHDRAWN'))
);
CREATE INDEX ix_application_dept ON adm_application (applicant_dept);

-- Opinion of each affected street's big working committee (大工委); NO_OPINION when it did not answer in time.
CREATE TABLE adm_street_opinion (
  case_no     VARCHAR(40)   NOT NULL,
  street_code VARCHAR(32)   NOT NULL REFERENCES org_street (code),
  opinion     VARCHAR(24)   NOT NULL,
  opinion_text VARCHAR(1000),
  actor       VARCHAR(64)   NOT NULL,
  decided_at  TIMESTAMP     NOT NULL,
  CONSTRAINT pk_street_opinion PRIMARY KEY (case_no, street_code),
  CONSTRAINT ck_street_opinion CHECK (opinion IN ('AGREE', 'AGREE_WITH_CONDITIONS', 'DISAGREE', 'NO_OPINION'))
);

-- A request to change or revoke a catalogue item (BG-...).
CREATE TABLE adm_change_request (
  case_no             VARCHAR(40)   NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  applicant_group     VARCHAR(64)   NOT NULL,
  applicant_user      VARCHAR(64)   NOT NULL,
  item_code           VARCHAR(16)   NOT NULL,
  base_version        INTEGER       NOT NULL,
  change_type         VARCHAR(16)   NOT NULL,
  reason              VARCHAR(1000) NOT NULL,
  new_name            VARCHAR(100),
  new_content         VARCHAR(2000),
  new_legal_basis     VARCHAR(500),
  new_frequency       VARCHAR(16),
  new_workload_hours  INTEGER,
  new_funding         NUMERIC(12,2),
  adds_burden         BOOLEAN       NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  status_reason       VARCHAR(2000),
  version_no          INTEGER,
  submitted_at        TIMESTAMP     NOT NULL,
  updated_at          TIMESTAMP     NOT NULL,
  CONSTRAINT ck_change_type CHECK (change_type IN ('CHANGE', 'REVOKE')),
  CONSTRAINT ck_change_status CHECK (status IN ('IN_REVIEW', 'CITY_APPROVAL', 'APPROVED', 'REJECTED'))
);

-- A community's report of a matter pushed down without admission (FY-...).
CREATE TABLE adm_unadmitted_report (
  case_no             VARCHAR(40)   NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  community_code      VARCHAR(32)   NOT NULL REFERENCES org_community (code),
  department_code     VARCHAR(32)   NOT NULL REFERENCES org_department (code),
  matter              VARCHAR(200)  NOT NULL,
  demanded_on         DATE          NOT NULL,
  evidence            VARCHAR(2000) NOT NULL,
  reporter            VARCHAR(64)   NOT NULL,
  catalogue_version   INTEGER,
  verdict             VARCHAR(16),
  matched_item_code   VARCHAR(16),
  verification_note   VARCHAR(1000),
  verified_by         VARCHAR(64),
  verified_at         TIMESTAMP,
  withdrawal_note     VARCHAR(1000),
  withdrawn_by        VARCHAR(64),
  withdrawn_at        TIMESTAMP,
  status              VARCHAR(24)   NOT NULL,
  sample_data         BOOLEAN       NOT NULL,
  reported_at         TIMESTAMP     NOT NULL,
  closed_at           TIMESTAMP,
  CONSTRAINT ck_report_verdict CHECK (verdict IS NULL OR verdict IN ('ADMITTED', 'UNADMITTED')),
  CONSTRAINT ck_report_status CHECK (status IN ('VERIFYING', 'AWAITING_WITHDRAWAL', 'CLOSED'))
);
CREATE INDEX ix_report_department ON adm_unadmitted_report (department_code, verdict);

-- The yearly re-confirmation of the catalogue (QR-...): one per year, one row per item and its department's answer.
CREATE TABLE adm_reconfirmation (
  case_no        VARCHAR(40) NOT NULL PRIMARY KEY,
  confirm_year   INTEGER     NOT NULL,
  base_version   INTEGER     NOT NULL,
  status         VARCHAR(16) NOT NULL,
  version_no     INTEGER,
  opened_at      TIMESTAMP   NOT NULL,
  closed_at      TIMESTAMP,
  CONSTRAINT uq_reconfirmation_year UNIQUE (confirm_year),
  CONSTRAINT ck_reconfirmation_status CHECK (status IN ('OPEN', 'PUBLISHED'))
);

CREATE TABLE adm_reconfirmation_item (
  case_no         VARCHAR(40)   NOT NULL REFERENCES adm_reconfirmation (case_no),
  item_code       VARCHAR(16)   NOT NULL,
  item_name       VARCHAR(100)  NOT NULL,
  department_code VARCHAR(32)   NOT NULL,
  decision        VARCHAR(16),
  reason          VARCHAR(1000),
  decided_by      VARCHAR(64),
  decided_at      TIMESTAMP,
  CONSTRAINT pk_reconfirmation_item PRIMARY KEY (case_no, item_code),
  CONSTRAINT ck_reconfirmation_decision CHECK (decision IS NULL OR decision IN ('KEEP', 'GIVE_UP'))
);
