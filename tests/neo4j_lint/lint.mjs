// Lint Cypher with Neo4j's own linter, offline (no database, default Cypher 5).
// stdin:  [{"name": str, "cypher": str}, ...]
// stdout: [{"name": str, "diagnostics": [{"severity", "message", "line", "column"}]}, ...]
// line and column are 1-based, as in Neo4j's own error messages.
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

let input = '';
for await (const chunk of process.stdin) input += chunk;

const out = JSON.parse(input).map(({ name, cypher }) => ({
  name,
  diagnostics: lintCypherQuery(cypher, {}, { consoleCommandsEnabled: false }).diagnostics
    // With no database schema every $parameter is "not defined": drop those, as Neo4j's tools do when disconnected.
    .filter(isNotParamError)
    .map((d) => ({
      severity: SEVERITY[d.severity] ?? String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
}));
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
