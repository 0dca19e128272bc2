-- Organisation registry (组织登记册): towns/streets, communities, co-building units and their pairings.
-- Rows are never deleted by an import: a record absent from a new file is marked inactive, so the history of
-- cases that name it stays readable.

CREATE TABLE org_street (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  kind        VARCHAR(16)  NOT NULL,          -- TOWN 镇 / STREET 街道 / ZONE 区
  sample_data BOOLEAN      NOT NULL DEFAULT FALSE,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  sort_order  INTEGER      NOT NULL DEFAULT 0,
  CONSTRAINT ck_street_kind CHECK (kind IN ('TOWN', 'STREET', 'ZONE'))
);

CREATE TABLE org_community (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(100) NOT NULL,
  street_code VARCHAR(32)  NOT NULL REFERENCES org_street (code),
  sample_data BOOLEAN      NOT NULL DEFAULT FALSE,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  sort_order  INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX ix_community_street ON org_community (street_code);

CREATE TABLE org_unit (
  code        VARCHAR(32)  NOT NULL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(16)  NOT NULL,          -- AGENCY 机关事业单位 / SOE 国有企业 / NEW_ORG 两新组织
  sample_data BOOLEAN      NOT NULL DEFAULT FALSE,
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  sort_order  INTEGER      NOT NULL DEFAULT 0,
  CONSTRAINT ck_unit_kind CHECK (kind IN ('AGENCY', 'SOE', 'NEW_ORG'))
);

-- 红色"1+3" pairing of a co-building unit with a community.
CREATE TABLE org_pairing (
  unit_code      VARCHAR(32) NOT NULL REFERENCES org_unit (code),
  community_code VARCHAR(32) NOT NULL REFERENCES org_community (code),
  active         BOOLEAN     NOT NULL DEFAULT TRUE,
  CONSTRAINT pk_pairing PRIMARY KEY (unit_code, community_code)
);
CREATE INDEX ix_pairing_community ON org_pairing (community_code);

-- One row per load of the registry (the shipped file or an administrator's upload).
CREATE TABLE org_registry_version (
  version_no      INTEGER      NOT NULL PRIMARY KEY,
  label           VARCHAR(100) NOT NULL,
  source          VARCHAR(200) NOT NULL,
  loaded_at       TIMESTAMP    NOT NULL,
  loaded_by       VARCHAR(64)  NOT NULL,
  street_count    INTEGER      NOT NULL,
  community_count INTEGER      NOT NULL,
  unit_count      INTEGER      NOT NULL,
  pairing_count   INTEGER      NOT NULL
);

-- Line departments (条线部门) that may apply to push a matter down to communities; group dept-<code>.
CREATE TABLE org_department (
  code       VARCHAR(32)  NOT NULL PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  short_name VARCHAR(20)  NOT NULL,
  active     BOOLEAN      NOT NULL DEFAULT TRUE
);
INSERT INTO org_department (code, name, short_name) VALUES
  ('health', '太仓市卫生健康委员会', '市卫健委'),
  ('housing', '太仓市住房和城乡建设局', '市住建局'),
  ('emergency', '太仓市应急管理局', '市应急管理局'),
  ('market', '太仓市市场监督管理局', '市市场监管局'),
  ('police', '太仓市公安局', '市公安局'),
  ('education', '太仓市教育局', '市教育局'),
  ('hrss', '太仓市人力资源和社会保障局', '市人社局'),
  ('urban', '太仓市城市管理局', '市城管局'),
  ('ecology', '太仓市生态环境局', '市生态环境局'),
  ('veterans', '太仓市退役军人事务局', '市退役军人事务局');

-- Row locks that serialise start-up seeding when several nodes start against one database at once.
CREATE TABLE ronghe_lock (
  lock_name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO ronghe_lock (lock_name) VALUES ('startup');
