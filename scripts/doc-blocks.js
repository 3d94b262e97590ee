// Reads the fenced code blocks of a Markdown file (docs/api.md) with their `<!-- key: value -->`
// directives; a json block right after a graphql block is that block's documented answer.
// Used by the docs test (test/devx/api-docs.e2e-spec.ts) and by npm run codegen.
const { readFileSync } = require('node:fs');

function readDocBlocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks = [];
  let directives = {};
  for (let i = 0; i < lines.length; i++) {
    const directive = /^<!--\s*([a-z-]+):\s*(.+?)\s*-->$/.exec(lines[i]);
    if (directive) directives[directive[1]] = directive[2];
    const fence = /^```(\w+)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]);
    const block = { lang: fence[1], code: body.join('\n'), line: start + 1, directives };
    directives = {};
    const previous = blocks[blocks.length - 1];
    if (block.lang === 'json' && previous?.lang === 'graphql' && previous.expected === undefined) {
      previous.expected = JSON.parse(block.code);
    } else {
      blocks.push(block);
    }
  }
  return blocks;
}

module.exports = { readDocBlocks };
