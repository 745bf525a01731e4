// Printed after `npm test`: the cluster suite (PostgreSQL + Redis) is a separate run, so a
// green `npm test` must not be mistaken for a tested cluster.
const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.log(
    `\nCluster suite (PostgreSQL + Redis) not run: it needs DATABASE_URL and REDIS_URL ` +
      `(${missing.join(' and ')} not set). With both set: npm run test:cluster`,
  );
} else {
  console.log('\nCluster suite (PostgreSQL + Redis) is a separate run: npm run test:cluster');
}
