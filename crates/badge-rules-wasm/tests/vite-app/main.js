import init, { check } from 'badge-rules';

await init();
const report = check({ kind: 'badgesQuery', request: { 'marketplace.id': 'allegro-pl', limit: 0 } });
document.getElementById('out').textContent = `${report.verdict} ${report.violations.map((v) => v.code).join(',')}`;
