-- Monitoring queries as DBAs write them for Oracle 19c, run unchanged on the demo Oracle by DemoOracleCorpusTest.
-- Each query starts with "-- name:" and ends with ";". What a query must give:
--   rows: MIN..MAX or MIN..      how many rows
--   range: COLUMN LOW HIGH       every non-null value of the column lies in [LOW, HIGH]
--   equals: COLUMN TEXT          every row has this text in the column
--   changes: COLUMN              the column's values differ between two reads 20 workload seconds apart

-- name: sessions by status
-- rows: 1..2
-- range: SESSIONS 1 1000
SELECT status, COUNT(*) AS sessions
  FROM v$session
 WHERE type = 'USER'
 GROUP BY status
 ORDER BY status;

-- name: resource limits in use
-- rows: 4..
-- range: PCT_USED 0 100
SELECT resource_name, current_utilization, max_utilization, TRIM(limit_value) AS limit_value,
       ROUND(100 * current_utilization / TO_NUMBER(TRIM(limit_value)), 1) AS pct_used
  FROM v$resource_limit
 WHERE TRIM(limit_value) NOT IN ('UNLIMITED', '0')
 ORDER BY pct_used DESC;

-- name: tablespaces with free space
-- rows: 6..
-- range: USED_PCT 0 100
-- range: SIZE_MB 500 30000
SELECT d.tablespace_name,
       ROUND(SUM(d.bytes) / 1024 / 1024) AS size_mb,
       ROUND(NVL(f.free_bytes, 0) / 1024 / 1024) AS free_mb,
       ROUND(100 * (1 - NVL(f.free_bytes, 0) / SUM(d.bytes)), 2) AS used_pct
  FROM dba_data_files d,
       (SELECT tablespace_name, SUM(bytes) AS free_bytes FROM dba_free_space GROUP BY tablespace_name) f
 WHERE d.tablespace_name = f.tablespace_name(+)
 GROUP BY d.tablespace_name, f.free_bytes
 ORDER BY used_pct DESC;

-- name: tablespace usage including temp, outer joined
-- rows: 7..
-- range: USED_PCT 0 100
SELECT t.tablespace_name, t.contents, NVL(m.used_percent, 0) AS used_pct
  FROM dba_tablespaces t, dba_tablespace_usage_metrics m
 WHERE t.tablespace_name = m.tablespace_name(+)
 ORDER BY used_pct DESC;

-- name: waits by class
-- rows: 5..
-- range: PCT 0 100
SELECT wait_class, total_waits, ROUND(time_waited / 100) AS seconds_waited,
       ROUND(100 * RATIO_TO_REPORT(time_waited) OVER (), 1) AS pct
  FROM v$system_wait_class
 WHERE wait_class <> 'Idle'
 ORDER BY time_waited DESC;

-- name: top wait events
-- rows: 10..10
-- range: AVG_MS 0 1000
SELECT *
  FROM (SELECT event, wait_class, total_waits, ROUND(time_waited_micro / 1000000) AS seconds,
               ROUND(time_waited_micro / NULLIF(total_waits, 0) / 1000, 2) AS avg_ms
          FROM v$system_event
         WHERE wait_class <> 'Idle'
         ORDER BY time_waited_micro DESC)
 WHERE ROWNUM <= 10;

-- name: top SQL by elapsed time
-- rows: 5..5
-- range: MS_PER_EXEC 0 100000
SELECT *
  FROM (SELECT sql_id, executions, ROUND(elapsed_time / 1000000, 2) AS elapsed_s,
               ROUND(elapsed_time / DECODE(executions, 0, 1, executions) / 1000, 3) AS ms_per_exec,
               SUBSTR(sql_text, 1, 60) AS sql_text
          FROM v$sqlstats
         ORDER BY elapsed_time DESC)
 WHERE ROWNUM <= 5;

-- name: sysmetric ratios
-- rows: 5..5
-- range: VALUE 0 100
SELECT metric_name, ROUND(value, 2) AS value, metric_unit
  FROM v$sysmetric
 WHERE group_id = 2
   AND metric_name IN ('Buffer Cache Hit Ratio', 'Database CPU Time Ratio', 'Database Wait Time Ratio',
                       'Host CPU Utilization (%)', 'Memory Sorts Ratio');

-- name: sysmetric rates of the last 15 seconds
-- rows: 7..7
-- range: VALUE 0 100000000
-- changes: VALUE
SELECT metric_name, value
  FROM v$sysmetric
 WHERE group_id = 3
   AND metric_name IN ('Average Active Sessions', 'Executions Per Sec', 'Physical Reads Per Sec',
                       'User Transaction Per Sec', 'Redo Generated Per Sec', 'SQL Service Response Time',
                       'Logical Reads Per Sec')
 ORDER BY metric_name;

-- name: logons and sessions from sysmetric
-- rows: 3..3
-- range: VALUE 0 1000
SELECT metric_name, value, metric_unit
  FROM v$sysmetric
 WHERE group_id = 2 AND metric_name IN ('Current Logons Count', 'Session Count', 'Logons Per Sec');

-- name: CPU and wait time ratios agree
-- rows: 1..1
-- range: TOTAL 99.9 100.1
SELECT SUM(value) AS total
  FROM v$sysmetric
 WHERE group_id = 2 AND metric_name IN ('Database CPU Time Ratio', 'Database Wait Time Ratio');

-- name: average active sessions over the last hour
-- rows: 1..
-- range: AAS 0 64
SELECT TO_CHAR(end_time, 'HH24:MI') AS minute, ROUND(value, 1) AS aas
  FROM v$sysmetric_history
 WHERE metric_name = 'Average Active Sessions' AND group_id = 2 AND end_time > SYSDATE - 1/24
 ORDER BY end_time;

-- name: wait classes as average active sessions
-- rows: 5..
-- range: PCT_DB_TIME 0 100
SELECT n.wait_class, ROUND(m.average_waiter_count, 3) AS aas, ROUND(m.dbtime_in_wait, 1) AS pct_db_time
  FROM v$waitclassmetric m, v$system_wait_class n
 WHERE m.wait_class_id = n.wait_class_id AND n.wait_class <> 'Idle'
 ORDER BY m.average_waiter_count DESC;

-- name: event latencies of the last minute
-- rows: 5..
-- range: AVG_MS 0 1000
SELECT e.event, m.wait_count, ROUND(10 * m.time_waited / NULLIF(m.wait_count, 0), 3) AS avg_ms, m.num_sess_waiting
  FROM v$eventmetric m, v$system_event e
 WHERE m.event_id = e.event_id AND e.wait_class <> 'Idle' AND m.wait_count > 0
 ORDER BY m.time_waited DESC;

-- name: sessions using the most CPU
-- rows: 5..5
-- range: LOGICAL_READ_PCT 0 100
SELECT *
  FROM (SELECT m.session_id, s.username, m.cpu, m.physical_reads, m.logical_read_pct
          FROM v$sessmetric m, v$session s
         WHERE m.session_id = s.sid AND m.session_serial_num = s.serial#
         ORDER BY m.cpu DESC)
 WHERE ROWNUM <= 5;

-- name: ASH activity of the last five minutes
-- rows: 2..
-- range: PCT 0 100
SELECT NVL(event, 'ON CPU') AS activity, COUNT(*) AS samples,
       ROUND(100 * RATIO_TO_REPORT(COUNT(*)) OVER (), 1) AS pct
  FROM v$active_session_history
 WHERE sample_time > SYSDATE - 5/1440
 GROUP BY NVL(event, 'ON CPU')
 ORDER BY samples DESC;

-- name: ASH top SQL
-- rows: 3..
-- range: ON_CPU 0 100000
SELECT sql_id, COUNT(*) AS samples, SUM(DECODE(session_state, 'ON CPU', 1, 0)) AS on_cpu
  FROM v$active_session_history
 WHERE sql_id IS NOT NULL
 GROUP BY sql_id
 ORDER BY samples DESC;

-- name: Data Guard lag
-- rows: 0..
SELECT name, value, unit, time_computed
  FROM v$dataguard_stats
 WHERE name IN ('transport lag', 'apply lag');

-- name: passwords expiring within a month
-- rows: 2..
-- range: DAYS_LEFT 0 30
SELECT username, account_status, TO_CHAR(expiry_date, 'YYYY-MM-DD') AS expires,
       ROUND(expiry_date - SYSDATE, 1) AS days_left
  FROM dba_users
 WHERE expiry_date < SYSDATE + 30 AND account_status = 'OPEN'
 ORDER BY expiry_date;

-- name: account age
-- rows: 6..
-- range: AGE_DAYS 399 901
-- range: AGE_MONTHS 13 30
SELECT username, TRUNC(created) AS created_day, TRUNC(SYSDATE - created) AS age_days,
       TRUNC(MONTHS_BETWEEN(SYSDATE, created)) AS age_months
  FROM dba_users
 ORDER BY username;

-- name: session and process memory, outer joined
-- rows: 64..
-- range: PGA_MB 0 100
SELECT s.sid, s.username, s.program, ROUND(p.pga_alloc_mem / 1048576, 1) AS pga_mb
  FROM v$session s, v$process p
 WHERE s.paddr = p.addr(+) AND s.type = 'USER'
 ORDER BY pga_mb DESC NULLS LAST;

-- name: blocked sessions and their blockers
-- rows: 0..
SELECT w.sid AS waiter, w.blocking_session AS blocker, w.event, w.seconds_in_wait, b.username AS blocker_user
  FROM v$session w, v$session b
 WHERE w.blocking_session = b.sid(+) AND w.blocking_session IS NOT NULL;

-- name: sessions decoded
-- rows: 80..
SELECT sid,
       DECODE(status, 'ACTIVE', 'busy', 'INACTIVE', 'idle', 'other') AS state,
       NVL2(blocking_session, 'blocked', 'free') AS lock_state,
       NVL(username, 'background') AS who
  FROM v$session
 ORDER BY sid;

-- name: sessions per instance
-- rows: 1..1
-- range: INST_ID 1 1
-- range: SESSIONS 64 1000
SELECT inst_id, COUNT(*) AS sessions, SUM(DECODE(status, 'ACTIVE', 1, 0)) AS active
  FROM gv$session
 WHERE type = 'USER'
 GROUP BY inst_id
 ORDER BY inst_id;

-- name: global system statistics
-- rows: 1..1
-- range: INST_ID 1 1
SELECT inst_id, SUM(DECODE(name, 'user commits', value, 0)) AS commits, SUM(DECODE(name, 'execute count', value, 0)) AS executions
  FROM gv$sysstat
 GROUP BY inst_id;

-- name: where am I
-- rows: 1..1
-- equals: DB_NAME DEMO
-- equals: INSTANCE_NAME demo
-- equals: HOST demo-db01
-- equals: SESSION_USER VIGIL
-- equals: ISDBA FALSE
SELECT SYS_CONTEXT('USERENV', 'DB_NAME') AS db_name, SYS_CONTEXT('USERENV', 'INSTANCE_NAME') AS instance_name,
       SYS_CONTEXT('USERENV', 'SERVER_HOST') AS host, SYS_CONTEXT('USERENV', 'SESSION_USER') AS session_user,
       SYS_CONTEXT('USERENV', 'CON_NAME') AS con_name, SYS_CONTEXT('USERENV', 'CON_ID') AS con_id,
       SYS_CONTEXT('USERENV', 'DB_UNIQUE_NAME') AS db_unique_name, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS current_schema,
       SYS_CONTEXT('USERENV', 'SID') AS sid, SYS_CONTEXT('USERENV', 'ISDBA') AS isdba
  FROM dual;

-- name: instance uptime
-- rows: 1..1
-- range: UPTIME_HOURS 70 90
SELECT instance_name, host_name, version, TO_CHAR(startup_time, 'YYYY-MM-DD HH24:MI') AS started,
       ROUND((SYSDATE - startup_time) * 24, 1) AS uptime_hours, status
  FROM v$instance;

-- name: redo switches per hour
-- rows: 0..
SELECT TO_CHAR(TRUNC(first_time, 'HH24'), 'YYYY-MM-DD HH24') AS hour, COUNT(*) AS switches
  FROM v$log_history
 WHERE first_time > SYSDATE - 1
 GROUP BY TO_CHAR(TRUNC(first_time, 'HH24'), 'YYYY-MM-DD HH24')
 ORDER BY 1;

-- name: recovery area
-- rows: 1..1
-- range: PCT_FULL 0 100
SELECT name, ROUND(space_limit / 1073741824) AS limit_gb, ROUND(space_used / 1073741824, 1) AS used_gb,
       ROUND(100 * (space_used - space_reclaimable) / space_limit, 1) AS pct_full
  FROM v$recovery_file_dest;

-- name: buffer cache hit ratio from sysstat
-- rows: 1..1
-- range: HIT_RATIO 80 100
SELECT ROUND(100 * (1 - phy.value / (cur.value + con.value)), 2) AS hit_ratio
  FROM v$sysstat cur, v$sysstat con, v$sysstat phy
 WHERE cur.name = 'db block gets' AND con.name = 'consistent gets' AND phy.name = 'physical reads';

-- name: host CPU and memory
-- rows: 1..1
-- range: CPUS 8 8
-- range: BUSY_PCT 0 100
-- range: MEMORY_GB 64 64
SELECT MAX(DECODE(stat_name, 'NUM_CPUS', value)) AS cpus, MAX(DECODE(stat_name, 'LOAD', value)) AS os_load,
       ROUND(100 * MAX(DECODE(stat_name, 'BUSY_TIME', value))
             / (MAX(DECODE(stat_name, 'BUSY_TIME', value)) + MAX(DECODE(stat_name, 'IDLE_TIME', value))), 1) AS busy_pct,
       ROUND(MAX(DECODE(stat_name, 'PHYSICAL_MEMORY_BYTES', value)) / 1073741824) AS memory_gb
  FROM v$osstat;

-- name: DB time and CPU from sysstat
-- rows: 1..1
-- range: CPU_PCT 0 100
SELECT ROUND(100 * MAX(DECODE(name, 'CPU used by this session', value)) / MAX(DECODE(name, 'DB time', value)), 1) AS cpu_pct
  FROM v$sysstat
 WHERE name IN ('DB time', 'CPU used by this session');

-- name: commit latency
-- rows: 1..1
-- range: AVG_MS 0 100
SELECT event, total_waits, ROUND(time_waited_micro / total_waits / 1000, 2) AS avg_ms
  FROM v$system_event
 WHERE event = 'log file sync';

-- name: instance parameters
-- rows: 19..19
SELECT name, value, display_value, isdefault, type
  FROM v$parameter
 WHERE name IN ('processes', 'sessions', 'db_files', 'sga_target', 'pga_aggregate_target', 'db_block_size',
                'undo_retention', 'db_recovery_file_dest', 'db_recovery_file_dest_size', 'log_archive_dest_1',
                'compatible', 'cpu_count', 'open_cursors', 'memory_target', 'control_files', 'db_name',
                'instance_name', 'service_names', 'enable_pluggable_database')
 ORDER BY name;

-- name: sessions against the sessions parameter
-- rows: 1..1
-- range: PCT 0 100
SELECT p.value AS max_sessions, (SELECT COUNT(*) FROM v$session) AS sessions,
       ROUND(100 * (SELECT COUNT(*) FROM v$session) / TO_NUMBER(p.value), 1) AS pct
  FROM v$parameter p
 WHERE p.name = 'sessions';

-- name: recent logons
-- rows: 1..1
-- range: RECENT_LOGONS 0 64
SELECT COUNT(*) AS recent_logons
  FROM v$session
 WHERE logon_time > SYSDATE - 1/24 AND type = 'USER';

-- name: statement heads in bytes
-- rows: 3..3
-- range: BYTES 10 1000
-- range: FIRST_BLANK 2 20
SELECT SUBSTRB(sql_text, 1, 20) AS head, LENGTHB(sql_text) AS bytes, INSTRB(sql_text, ' ') AS first_blank
  FROM v$sql
 WHERE ROWNUM <= 3;

-- name: recent alert log lines
-- rows: 1..10
SELECT TO_CHAR(originating_timestamp, 'YYYY-MM-DD HH24:MI:SS') AS at, SUBSTR(message_text, 1, 80) AS text
  FROM v$diag_alert_ext
 WHERE originating_timestamp > SYSTIMESTAMP - INTERVAL '1' DAY
 ORDER BY originating_timestamp DESC
 FETCH FIRST 10 ROWS ONLY;
