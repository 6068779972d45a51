region           = "eu-central-1"
bucket_prefix    = "shared-files-archive"
archive_schedule = "cron(29 22 * * ? *)" # every night, UTC
