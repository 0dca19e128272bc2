-- Property-management companies (物业服务企业) and the residential compounds (小区) they serve.
CREATE TABLE property_company (
  code          VARCHAR(16)   NOT NULL PRIMARY KEY,      -- PC001
  name          VARCHAR(100)  NOT NULL,
  credit_code   VARCHAR(18)   NOT NULL,                  -- 统一社会信用代码
  manager       VARCHAR(50)   NOT NULL,
  phone         VARCHAR(30)   NOT NULL,
  current_grade VARCHAR(1),                              -- A / B / C of the last published rating
  current_score NUMERIC(6, 2),
  active        BOOLEAN       NOT NULL,
  sample_data   BOOLEAN       NOT NULL,
  CONSTRAINT uq_property_credit_code UNIQUE (credit_code)
);

CREATE TABLE property_compound (
  code           VARCHAR(16)  NOT NULL PRIMARY KEY,      -- XQ0001
  name           VARCHAR(100) NOT NULL,
  community_code VARCHAR(32)  NOT NULL REFERENCES org_community (code),
  address        VARCHAR(200) NOT NULL,
  households     INTEGER      NOT NULL,
  company_code   VARCHAR(16)  REFERENCES property_company (code),
  served_since   DATE,
  sample_data    BOOLEAN      NOT NULL
);
CREATE INDEX ix_property_compound_company ON property_compound (company_code);
CREATE INDEX ix_property_compound_community ON property_compound (community_code);
