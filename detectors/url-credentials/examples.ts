import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, base62, humanPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `DATABASE_URL=postgres://app_user:${p}@orders-db.c0qsadyxbf4k.eu-west-1.rds.amazonaws.com:5432/orders\n`, alnumPassword(t));
    add((p) => `spring:\n  data:\n    mongodb:\n      uri: "mongodb+srv://servicelogin:${p}@prince.x7k2m.mongodb.net/?retryWrites=true&w=majority"\n`, alnumPassword(t, 16));
    add((p) => `REDIS_URL=rediss://default:${p}@eu1-relaxed-gnat-31337.upstash.io:6379\n`, base62(t, 32));
    add((p) => `CELERY_BROKER_URL = "amqps://worker:${p}@b-1234abcd.mq.us-east-1.amazonaws.com:5671/prod"\n`, randomPassword(t));
    add((p) => `  "REDSHIFT": "postgres://spot_app:${p}@calling-mr-bones.c0qsadyxbf4k.us-east-1.redshift.amazonaws.com:5439/lake",\n`, humanPassword(t));
    add((p) => `const conn = mysql.createConnection('mysql://shop:${p}@mysql-prod.corp.acme.io:3306/shop');\n`, randomPassword(t));
    add((p) => `mongoose.connect("mongodb://admin:${p}@mongo1.corp.io:27017,mongo2.corp.io:27017/app?replicaSet=rs0")\n`, alnumPassword(t));
    // Unencoded `@` inside the password: the last `@` before the host ends it.
    add((p) => `mongodb+srv://hpapp:${p}@briaserver.7xsu17j.mongodb.net/test\n`, `${alnumPassword(t, 8)}@${randomPassword(t, 8)}`);
    // Multi-host PostgreSQL URIs repeat the credentials.
    add((p) => `postgresql://report:${p}@pg-a.corp.io:5432,report:${p}@pg-b.corp.io:5432/db?target_session_attrs=any\n`, alnumPassword(t));
    // ~/.git-credentials lines and tokens in remotes
    add((p) => `https://jdoe:${p}@github.com\nhttps://jdoe:${p}x@gitlab.com\n`, base62(t, 40));
    add((p) => `[remote "origin"]\n\turl = https://build-bot:${p}@bitbucket.org/acme/widgets.git\n`, base62(t, 24));
    add((p) => `git clone https://oauth2:${p}@gitlab.corp.io/platform/infra.git\n`, base62(t, 20));
    // HTTP(S) basic auth in URLs, proxies, registries, FTP
    add((p) => `export HTTPS_PROXY=http://proxyuser:${p}@proxy.corp.acme.io:3128\n`, randomPassword(t, 12));
    add((p) => `pip install --index-url https://deploy:${p}@nexus.corp.io/repository/pypi/simple pkg\n`, alnumPassword(t));
    add((p) => `curl -sSf https://admin:${p}@grafana.corp.io/api/dashboards/db -d @dash.json\n`, randomPassword(t));
    add((p) => `<url>ftp://upload:${p}@ftp.partner.co.uk/inbox/</url>\n`, alnumPassword(t));
    add((p) => `SENTRY_DSN=https://3f1c0a9e5b7d4e2f8a6c1b0d9e7f5a3c:${p}@sentry.corp.io/12\n`, base62(t, 32));
    add((p) => `registry: "https://ci:${p}@registry.npm.corp.io/"\n`, base62(t, 28));
    // Percent-encoded password
    add((p) => `SQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://etl:${p}@warehouse.corp.io/dw'\n`, `${alnumPassword(t, 8)}%40${alnumPassword(t, 6)}`);
    // Local or container hosts are still reported when the password is random.
    add((p) => `DATABASE_URL=postgres://app:${p}@db:5432/app\n`, randomPassword(t, 20));
    return out;
  },
  negatives: (t) => {
    return [
      `postgres://user:password@localhost:5432/db`,
      // A DSN's documentation names the parts.
      `CROWDIN_DSN=crowdin://PROJECT_ID:API_TOKEN@ORGANIZATION_DOMAIN.default`,
      `$dsn = new Dsn('phrase://PROJECT_ID:API_TOKEN@api.us.app.phrase.com:8080?userAgent=myProject');`,
      `postgresql://user:secret@localhost/otherdb?connect_timeout=10`,
      `mongodb://username:password@host:27017/db`,
      `mysql://root:\${MYSQL_ROOT_PASSWORD}@db:3306/app`,
      `DATABASE_URL=postgres://\${PGUSER}:\${PGPASSWORD}@\${PGHOST}/app`,
      `url = f"postgresql://{user}:{password}@{host}/{db}"`,
      "const url = `mongodb://${user}:${pass}@${host}`;",
      `"postgresql://%(user)s:%(password)s@%(host)s/%(db)s"`,
      `redis://:@localhost:6379/0`,
      `amqp://guest:guest@rabbitmq:5672/`,
      `postgres://postgres:postgres@localhost:5432/test`,
      `ftp://anonymous:anonymous@ftp.example.com/pub`,
      `https://user:pass@example.com/path`,
      `https://<user>:<password>@registry.corp.io`,
      `https://\${GITHUB_TOKEN}:x-oauth-basic@github.com/acme/repo.git`,
      `https://token:x-oauth-basic@github.com/acme/repo.git`,
      `http://admin:****@grafana.corp.io`,
      `https://user:REDACTED@api.corp.io`,
      `scheme://[user[:password]@]host[:port][/path]`,
      `http://www.apache.org/licenses/LICENSE-2.0`,
      `git@github.com:acme/widgets.git`,
      `ssh://git@github.com:22/acme/widgets.git`,
      `https://github.com/acme/widgets/blob/main/README.md#user:notes@top`,
      `mongodb://myDatabaseUser:D1fficultP%40ssw0rd@mongodb0.example.com:27017/?authSource=admin`,
      `postgresql://user:secret@[2001:db8::1234]/database`,
      `postgres://app:app@localhost/app`,
      `jdbc:mysql://localhost:3306/db?user=root&password=`,
      `  cvs://:pserver:anoncvs@sources.redhat.com:/cvs/src`,
      `pip install --index-url https://user:he%2F%2Fo@pypi.company.com/simple`,
    ];
  },
};
