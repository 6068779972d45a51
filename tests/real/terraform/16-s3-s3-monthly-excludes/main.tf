resource "aws_cloudwatch_log_group" "sync" {
  name              = "/aws/datasync/historic-data-monthly-sync"
  retention_in_days = 14
}

resource "aws_datasync_location_s3" "derived" {
  s3_bucket_arn = module.derived_bucket.bucket.arn
  subdirectory  = "/staging/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.sync.arn
  }
}

resource "aws_datasync_location_s3" "backup" {
  s3_bucket_arn = module.backup_bucket.bucket.arn
  subdirectory  = "/staging/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.sync.arn
  }
}

resource "aws_datasync_task" "monthly" {
  name                     = "historic-data-monthly-sync"
  source_location_arn      = aws_datasync_location_s3.derived.arn
  destination_location_arn = aws_datasync_location_s3.backup.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.sync.arn

  schedule {
    schedule_expression = "cron(0 0 20 * ? *)"
  }

  excludes {
    filter_type = "SIMPLE_PATTERN"
    value       = "/allied_mdss_pipeline/*|/serco_fms_pipeline/*"
  }

  options {
    preserve_deleted_files = "REMOVE"
    transfer_mode          = "CHANGED"
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    log_level              = "TRANSFER"
    posix_permissions      = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
  }
}
