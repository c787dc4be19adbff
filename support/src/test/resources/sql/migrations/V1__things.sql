-- a table with a nullable column
CREATE TABLE thing (
    id INTEGER PRIMARY KEY,
    name VARCHAR(40) NOT NULL, -- a comment inside a statement
    weight BIGINT
);
INSERT INTO thing (id, name, weight) VALUES (1, 'one', NULL);
