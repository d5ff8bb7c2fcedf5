// Neo4j: delete everything in batches (auto-commit transaction).
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
