// csv-parse streams a large CSV (written here: 60,000 rows, quoted fields, embedded commas and
// newlines) from out/csv/big.csv and aggregates it; the synchronous API parses a small one.
const fs = require('fs');
const { parse } = require('csv-parse');
const { parse: parseSync } = require('csv-parse/sync');

fs.mkdirSync('out/csv', { recursive: true });
const rows = ['id,city,amount,note'];
const cities = ['Lyon', 'Oslo', 'Kyoto', 'Lima'];
for (let i = 0; i < 60000; i++) rows.push(`${i},${cities[i % 4]},${((i * 37) % 1000) / 10},"note ${i % 7 === 0 ? 'with, comma' : i % 11 === 0 ? 'with\nnewline' : 'plain'}"`);
fs.writeFileSync('out/csv/big.csv', rows.join('\n') + '\n');

const totals = {};
let count = 0;
let multiline = 0;
fs.createReadStream('out/csv/big.csv')
  .pipe(parse({ columns: true, cast: (value, ctx) => (ctx.column === 'amount' || ctx.column === 'id' ? Number(value) : value) }))
  .on('data', (row) => {
    count++;
    totals[row.city] = Math.round(((totals[row.city] ?? 0) + row.amount) * 10) / 10;
    if (row.note.includes('\n')) multiline++;
  })
  .on('end', () => {
    console.log('rows', count, 'multiline', multiline);
    console.log(JSON.stringify(totals));
    console.log(JSON.stringify(parseSync('a,b\n1,"x ""q"""\n', { columns: true })));
  })
  .on('error', (e) => console.log('error', e.code, e.message));
