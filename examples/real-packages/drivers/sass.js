// sass compiles project/sass/main.scss, whose @use rules load partials from the same directory,
// into out/sass/main.css (expanded and compressed).
const fs = require('fs');
const sass = require('sass');

fs.mkdirSync('out/sass', { recursive: true });
const expanded = sass.compile('project/sass/main.scss', { style: 'expanded' });
fs.writeFileSync('out/sass/main.css', expanded.css);
const compressed = sass.compile('project/sass/main.scss', { style: 'compressed' });
fs.writeFileSync('out/sass/main.min.css', compressed.css);
console.log(expanded.css);
console.log('loaded', expanded.loadedUrls.map((u) => u.pathname.split('/').pop()).sort().join(', '));
console.log('compressed bytes', compressed.css.length);
