-- DEVELOPMENT ONLY: creates one database and one user per service in the dev MySQL.
-- The passwords must match the secretGenerator in kustomization.yaml.
CREATE DATABASE IF NOT EXISTS policy CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS attendance CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS gateway CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE DATABASE IF NOT EXISTS relay CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;

CREATE USER IF NOT EXISTS 'policy'@'%' IDENTIFIED BY 'dev-policy-password';
CREATE USER IF NOT EXISTS 'attendance'@'%' IDENTIFIED BY 'dev-attendance-password';
CREATE USER IF NOT EXISTS 'gateway'@'%' IDENTIFIED BY 'dev-gateway-password';
CREATE USER IF NOT EXISTS 'relay'@'%' IDENTIFIED BY 'dev-relay-password';

GRANT ALL PRIVILEGES ON policy.* TO 'policy'@'%';
GRANT ALL PRIVILEGES ON attendance.* TO 'attendance'@'%';
GRANT ALL PRIVILEGES ON gateway.* TO 'gateway'@'%';
GRANT ALL PRIVILEGES ON relay.* TO 'relay'@'%';
FLUSH PRIVILEGES;
