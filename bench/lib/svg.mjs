/**
 * A dependency-free SVG chart: throughput (MB/s) against file size, both axes logarithmic, one
 * panel per operation, one line per implementation.
 */

export const COLORS = { raw: '#1f77b4', legacy: '#d62728', floor: '#2ca02c', synckit: '#ff7f0e' };
const DASH = { floor: '6 4' };
const PANEL = { w: 430, h: 290, left: 62, right: 28, top: 30, bottom: 44 };

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export function sizeLabel(bytes) {
  if (bytes >= 1024 * 1024) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}

function panel(op, rows, impls, x0, y0, yRange) {
  const { w, h, left, right, top, bottom } = PANEL;
  const pw = w - left - right;
  const ph = h - top - bottom;
  const sizes = [...new Set(rows.map((r) => r.bytes))].sort((a, b) => a - b);
  const lx = (b) => Math.log2(b);
  const [xmin, xmax] = [lx(sizes[0] ?? 16), lx(sizes[sizes.length - 1] ?? 1024)];
  const [ymin, ymax] = yRange;
  const X = (b) => x0 + left + ((lx(b) - xmin) / Math.max(1e-9, xmax - xmin)) * pw;
  const Y = (v) => y0 + top + ph - ((Math.log10(v) - ymin) / (ymax - ymin)) * ph;
  const out = [];
  out.push(`<text x="${x0 + left + pw / 2}" y="${y0 + 18}" text-anchor="middle" font-size="14" font-weight="bold">${esc(op)}</text>`);
  out.push(`<rect x="${x0 + left}" y="${y0 + top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  for (let e = Math.ceil(ymin); e <= Math.floor(ymax); e++) {
    const y = Y(10 ** e);
    out.push(`<line x1="${x0 + left}" x2="${x0 + left + pw}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x0 + left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${10 ** e >= 1 ? (10 ** e).toLocaleString('en-US') : (10 ** e).toPrecision(1)}</text>`);
  }
  let lastX = -Infinity;
  let row = 0;
  for (const b of sizes) {
    const x = X(b);
    // Labels closer than 48 px take turns on two rows (16 MiB and 64 MiB are two octaves apart).
    row = x - lastX < 48 ? 1 - row : 0;
    lastX = x;
    out.push(`<line x1="${x}" x2="${x}" y1="${y0 + top}" y2="${y0 + top + ph}" stroke="#f0f0f0"/>`);
    out.push(`<text x="${x}" y="${y0 + top + ph + 14 + row * 11}" text-anchor="middle" font-size="11">${esc(sizeLabel(b))}</text>`);
  }
  out.push(`<text x="${x0 + left + pw / 2}" y="${y0 + h - 4}" text-anchor="middle" font-size="11">file size (log)</text>`);
  out.push(`<text transform="translate(${x0 + 14},${y0 + top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="11">MB/s (log)</text>`);
  for (const impl of impls) {
    const pts = rows.filter((r) => r.impl === impl && r.mbPerS > 0).sort((a, b) => a.bytes - b.bytes);
    if (pts.length === 0) continue;
    const d = pts.map((p, i) => `${i ? 'L' : 'M'}${X(p.bytes).toFixed(1)},${Y(p.mbPerS).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${COLORS[impl]}" stroke-width="2"${DASH[impl] ? ` stroke-dasharray="${DASH[impl]}"` : ''}/>`);
    for (const p of pts) out.push(`<circle cx="${X(p.bytes).toFixed(1)}" cy="${Y(p.mbPerS).toFixed(1)}" r="3" fill="${COLORS[impl]}"><title>${esc(`${impl} ${op} ${sizeLabel(p.bytes)}: ${p.mbPerS.toFixed(1)} MB/s, median ${p.medianUs} us`)}</title></circle>`);
  }
  return out.join('\n');
}

/**
 * The chart of `results` (JSON result rows) for `ops`, two panels per row, sizes above 0 B.
 * `title` and `subtitle` go on top (the machine and date belong there).
 */
export function throughputChart(results, { ops, impls, title, subtitle }) {
  const rows = results.filter((r) => r.bytes > 0 && typeof r.mbPerS === 'number' && r.mbPerS > 0);
  const values = rows.map((r) => Math.log10(r.mbPerS));
  const yRange = values.length ? [Math.floor(Math.min(...values)), Math.ceil(Math.max(...values))] : [0, 1];
  if (yRange[0] === yRange[1]) yRange[1] += 1;
  const cols = 2;
  const head = 64;
  const width = cols * PANEL.w;
  const height = head + Math.ceil(ops.length / cols) * PANEL.h;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`];
  parts.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  parts.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`);
  parts.push(`<text x="${width / 2}" y="38" text-anchor="middle" font-size="11" fill="#555">${esc(subtitle)}</text>`);
  let lx = width / 2 - (impls.length * 90) / 2;
  for (const impl of impls) {
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="54" y2="54" stroke="${COLORS[impl]}" stroke-width="3"${DASH[impl] ? ` stroke-dasharray="${DASH[impl]}"` : ''}/>`);
    parts.push(`<text x="${lx + 30}" y="58" font-size="12">${esc(impl)}</text>`);
    lx += 90;
  }
  ops.forEach((op, i) => {
    parts.push(panel(op, rows.filter((r) => r.op === op), impls, (i % cols) * PANEL.w, head + Math.floor(i / cols) * PANEL.h, yRange));
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
