# Cloud Control (hashicorp/awscc) resources only: the task is awscc_datasync_task.
resource "awscc_s3_bucket" "origin" {
  bucket_name = "example-weekly-origin-bucket"
}

resource "awscc_s3_bucket" "replica" {
  bucket_name = "example-weekly-replica-bucket"
}

resource "awscc_iam_role" "mover" {
  role_name = "example-weekly-mover"
  assume_role_policy_document = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "awscc_datasync_location_s3" "origin" {
  s3_bucket_arn = join("", ["arn:aws:s3:::", awscc_s3_bucket.origin.bucket_name])
  s3_config = {
    bucket_access_role_arn = awscc_iam_role.mover.arn
  }
}

resource "awscc_datasync_location_s3" "replica" {
  s3_bucket_arn = join("", ["arn:aws:s3:::", awscc_s3_bucket.replica.bucket_name])
  s3_config = {
    bucket_access_role_arn = awscc_iam_role.mover.arn
  }
}

resource "awscc_logs_log_group" "weekly" {
  log_group_name    = "/example/datasync/weekly"
  retention_in_days = 7
}

resource "awscc_datasync_task" "weekly" {
  name                     = "weekly-bucket-copy"
  source_location_arn      = awscc_datasync_location_s3.origin.location_arn
  destination_location_arn = awscc_datasync_location_s3.replica.location_arn
  cloudwatch_log_group_arn = awscc_logs_log_group.weekly.arn

  options = {
    verify_mode            = "ONLY_FILES_TRANSFERRED"
    overwrite_mode         = "ALWAYS"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    uid                    = "NONE"
    gid                    = "NONE"
    preserve_deleted_files = "REMOVE"
    preserve_devices       = "NONE"
    posix_permissions      = "NONE"
    bytes_per_second       = 8388608
  }

  schedule = {
    schedule_expression = "cron(0 12 ? * SUN *)"
  }

  tags = [{
    key   = "ManagedBy"
    value = "example-awscc"
  }]
}
