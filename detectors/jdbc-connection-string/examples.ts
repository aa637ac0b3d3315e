import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, humanPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `spring.datasource.url=jdbc:sqlserver://sql-prod-01.database.windows.net:1433;databaseName=billing;user=billing_app;password=${p};encrypt=true\n`, randomPassword(t));
    add((p) => `String url = "jdbc:oracle:thin:scott/${p}@db-ora.corp.acme.io:1521:ORCL";\n`, alnumPassword(t));
    add((p) => `<property name="url" value="jdbc:mysql://mysql.prod.acme.io:3306/shop?user=shop&amp;password=${p}&amp;useSSL=true"/>\n`.replace('&amp;password', '&password'), alnumPassword(t));
    add((p) => `db.url: "jdbc:postgresql://pg.corp.io:5432/app?user=app&password=${p}&ssl=true"\n`, randomPassword(t));
    add((p) => `jdbcUrl = jdbc:db2://db2.corp.io:50000/SAMPLE:user=db2inst1;password=${p};\n`, humanPassword(t));
    add((p) => `  url: jdbc:snowflake://acme.snowflakecomputing.com/?db=ANALYTICS&warehouse=WH&user=etl&password=${p}\n`, alnumPassword(t, 18));
    add((p) => `conn = DriverManager.getConnection("jdbc:oracle:thin:app_owner/${p}@//ora-scan.corp.io:1521/PDB1");\n`, randomPassword(t));
    add((p) => `JDBC_URL=jdbc:mariadb://localhost:3306/dev?user=dev&password=${p}\n`, randomPassword(t, 20));
    return out;
  },
  negatives: () => [
    `jdbc:postgresql://localhost:5432/test?user=test&password=test`,
    `String url = "jdbc:msf:sql://127.0.0.1:8080/sample";`,
    `jdbc:oracle:thin:@//db.acme.io:1521/ORCLPDB1`,
    `jdbc:oracle:thin:scott/tiger@localhost:1521:XE`,
    `jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=\${DB_PASSWORD}`,
    `jdbc:mysql://db:3306/app?user=app&password={{ .Values.db.password }}`,
    `jdbc:mysql://mysql.corp.io:3306/app?user=app&password=`,
    `jdbc:h2:mem:testdb;DB_CLOSE_DELAY=-1`,
    `jdbc:sqlserver://sql.corp.io:1433;databaseName=app;integratedSecurity=true`,
    `jdbc:postgresql://pg.corp.io/app?user=app&password=<password>`,
  ],
};
