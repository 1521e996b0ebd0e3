/** Module bench case: nothing to load; the cost of a run itself (a process for node, a sandbox for raw and legacy). */
console.log('ok', Object.keys(require.cache).length);
