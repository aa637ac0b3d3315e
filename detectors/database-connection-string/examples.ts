import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, humanPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `<connectionStrings>\n  <add name="Billing" connectionString="Server=tcp:sql-billing.database.windows.net,1433;Initial Catalog=billing;Persist Security Info=False;User ID=billing_app;Password=${p};MultipleActiveResultSets=False;Encrypt=True;" providerName="System.Data.SqlClient" />\n</connectionStrings>\n`, randomPassword(t));
    add((p) => `  "ConnectionStrings": {\n    "Default": "Data Source=sql01.corp.acme.io,1433;Initial Catalog=Orders;User ID=orders_rw;Password=${p}"\n  }\n`, humanPassword(t));
    add((p) => `var cs = "Host=pg.corp.io;Port=5432;Database=inventory;Username=inv;Password=${p};SSL Mode=Require";\n`, alnumPassword(t));
    add((p) => `DSN=Reporting;Driver={ODBC Driver 18 for SQL Server};Server=rpt.corp.io;Uid=report;Pwd=${p};\n`, randomPassword(t));
    add((p) => `    adoConn.Open("Provider=SQLOLEDB.1;User ID=specialbill_user; Password =${p};Initial Catalog=SpecialBill_PROD;Data Source=uszdba01.corp.io;")\n`, alnumPassword(t));
    add((p) => `<add name="QA" connectionString="Server=hookupsqlqa1.corp.io\\gpkqa; Database=Trucks; User Id=kmwulfliq; password= ${p}" providerName="System.Data.SqlClient" />\n`, randomPassword(t));
    // Password first, server after.
    add((p) => `ConnectionString = "Password=${p};Persist Security Info=True;User ID=sa;Initial Catalog=crm;Data Source=crm-db.corp.io"\n`, randomPassword(t));
    // libpq keyword/value form, space separated
    add((p) => `conn = psycopg2.connect("host=pg.internal.acme.io dbname=orders user=svc_orders password=${p}")\n`, alnumPassword(t));
    add((p) => `$db = pg_connect("host=10.20.0.15 port=5432 dbname=shop user=shop password=${p}");\n`, alnumPassword(t));
    // MySQL Connector/NET, Oracle ODP.NET
    add((p) => `server=mysql.corp.io;port=3306;database=wiki;uid=wiki;pwd=${p};SslMode=Required\n`, randomPassword(t));
    add((p) => `Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora.corp.io)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCL)));User Id=hr;Password=${p};\n`, alnumPassword(t));
    // Local server with a random password: still reported (medium).
    add((p) => `Server=localhost;Database=dev;User Id=dev;Password=${p};\n`, randomPassword(t, 20));
    return out;
  },
  negatives: (t) => {
    const p = randomPassword(t);
    return [
      `Server=host;Port=5432;User Id=username;Password=secret;Database=databasename;`,
      `Data Source=190.190.200.100,1433;Network Library=DBMSSOCN;Initial Catalog=myDataBase;User ID=myUsername;Password=myPassword;`,
      `Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;`,
      `Provider=SQLNCLI;Server=myServerName,myPortNumber;Database=myDataBase;Uid=myUsername;Pwd=myPassword;`,
      `"driver={SQL Server};server=(#{datastore['DBHOST']});database=#{datastore['DBNAME']};uid=#{datastore['DBUID']};pwd=#{datastore['DBPASSWORD']}"`,
      `Server=db;Database=app;User Id=app;Password=\${DB_PASSWORD};`,
      `Server={0};Database={1};User Id={2};Password={3};`,
      `Server=%s;Database=%s;User Id=%s;Password=%s;`,
      `:authn_dbd_params => 'host=db_host port=3306 user=apache password=###### dbname=apache_auth',`,
      `Server=localhost;Database=test;User Id=sa;Password=sa;`,
      `Server=(localdb)\\mssqllocaldb;Database=App;Trusted_Connection=True;`,
      `Server=db;Database=app;Integrated Security=SSPI;`,
      // A lone password assignment is not a connection string.
      `password=${p}`,
      `login(user = '', password = '', domain = '')`,
      `text << "User=#{username}, "\ntext << "Password=#{password}, "`,
      `Server=sql.corp.io;Database=app;User Id=app;Password=;`,
    ];
  },
};
