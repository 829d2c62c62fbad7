-- The Glue table over the click events, as Athena DDL (the same definition as clicks_table.json, which is the
-- template's AWS::Glue::Table TableInput). Partition projection computes dt partitions from the date range:
-- no crawler, no MSCK REPAIR. Replace {{database}} and {{bucket}}; ${dt} is projection syntax and stays.
CREATE EXTERNAL TABLE IF NOT EXISTS {{database}}.clicks (
    v int,
    event_id string,
    code string,
    ts string,
    referrer_host string,
    user_agent string,
    country string,
    bot boolean,
    bot_reason string,
    visitor_id string,
    ip_prefix string,
    request_id string,
    cache_hit boolean
)
PARTITIONED BY (dt string)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
WITH SERDEPROPERTIES ('ignore.malformed.json' = 'true')
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION 's3://{{bucket}}/clicks/'
TBLPROPERTIES (
    'classification' = 'json',
    'compressionType' = 'gzip',
    'projection.enabled' = 'true',
    'projection.dt.type' = 'date',
    'projection.dt.format' = 'yyyy-MM-dd',
    'projection.dt.range' = '2026-01-01,NOW',
    'projection.dt.interval' = '1',
    'projection.dt.interval.unit' = 'DAYS',
    'storage.location.template' = 's3://{{bucket}}/clicks/dt=${dt}/'
)
