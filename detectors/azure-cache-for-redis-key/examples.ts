import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `acme-sessions.redis.cache.windows.net:6380,password=${k},ssl=True,abortConnect=False\n`,
  (k) => `REDIS_HOST=acme-sessions.redis.cache.windows.net\nREDIS_PASSWORD=${k}\n`,
  (k) => `redis-cli -h acme-sessions.redis.cache.windows.net -p 6380 --tls -a '${k}'\n`,
  (k) => `spring:\n  redis:\n    host: acme-sessions.redis.cache.windows.net\n    password: "${k}"\n`,
]);
