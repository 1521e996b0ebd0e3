// yaml parses project/data/services.yaml (two documents, anchors and merge keys), changes it and
// writes it back as out/yaml/services.yaml; then parses the result again.
const fs = require('fs');
const YAML = require('yaml');

const text = fs.readFileSync('project/data/services.yaml', 'utf8');
const docs = YAML.parseAllDocuments(text, { merge: true });
console.log('documents', docs.length, 'errors', docs.flatMap((d) => d.errors).length);
const [services, release] = docs.map((d) => d.toJS());
console.log(JSON.stringify(services.services));
console.log(JSON.stringify(release));
docs[0].setIn(['services', 'web', 'replicas'], 3);
docs[1].set('release', '2026.13');
fs.mkdirSync('out/yaml', { recursive: true });
fs.writeFileSync('out/yaml/services.yaml', docs.map((d) => d.toString()).join(''));
const again = YAML.parseAllDocuments(fs.readFileSync('out/yaml/services.yaml', 'utf8'), { merge: true }).map((d) => d.toJS());
console.log(again[0].services.web.replicas, again[1].release);
console.log(YAML.stringify({ list: [1, 'two', { three: 3 }], text: 'a: b' }));
