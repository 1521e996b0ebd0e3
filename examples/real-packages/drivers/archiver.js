// archiver writes project/docs as out/archive/docs.zip and out/archive/docs.tar.gz. Entry dates are
// fixed so that the archives are the same bytes on every run.
const fs = require('fs');
const path = require('path');
const archiver = require('archiver');

const date = new Date('2026-01-01T00:00:00Z');
function files(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, base) : [path.relative(base, p)];
  }).sort();
}

function write(format, options, name) {
  return new Promise((resolve, reject) => {
    const output = fs.createWriteStream(`out/archive/${name}`);
    const archive = archiver(format, options);
    output.on('close', () => resolve(archive.pointer()));
    archive.on('error', reject);
    archive.pipe(output);
    for (const f of files('project/docs')) archive.append(fs.readFileSync(path.join('project/docs', f)), { name: f, date, mode: 0o644 });
    archive.finalize();
  });
}

(async () => {
  fs.mkdirSync('out/archive', { recursive: true });
  const zipBytes = await write('zip', { zlib: { level: 9 } }, 'docs.zip');
  const tarBytes = await write('tar', { gzip: true, gzipOptions: { level: 9 } }, 'docs.tar.gz');
  console.log('zip', zipBytes, fs.statSync('out/archive/docs.zip').size);
  console.log('tar.gz', tarBytes, fs.statSync('out/archive/docs.tar.gz').size);
  console.log('entries', files('project/docs').join(', '));
})();
