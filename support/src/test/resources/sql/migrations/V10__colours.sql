CREATE TABLE colour (name VARCHAR(20) PRIMARY KEY);

INSERT INTO colour (name) VALUES ('red;blue');
