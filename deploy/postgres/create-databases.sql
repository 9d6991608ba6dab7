-- One database per service (DESIGN §2). Run once by the PostgreSQL container on first start.
CREATE DATABASE notices;
CREATE DATABASE consents;
CREATE DATABASE agreements;
CREATE DATABASE keycloak;
