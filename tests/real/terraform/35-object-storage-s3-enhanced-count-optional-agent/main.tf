# a public bucket in Google Cloud Storage copied to S3 every hour, without an agent unless one is given
resource "aws_datasync_location_object_storage" "public_gcs" {
  count      = var.sync_enabled ? 1 : 0
  agent_arns = var.agent_arn != null ? [var.agent_arn] : []

  server_hostname = "storage.googleapis.com"
  server_protocol = "HTTPS"
  server_port     = 443
  bucket_name     = var.gcs_bucket
}

resource "aws_datasync_location_s3" "mirror" {
  count         = var.sync_enabled ? 1 : 0
  s3_bucket_arn = aws_s3_bucket.mirror.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.sync[0].arn
  }
}

# Enhanced mode tasks log to /aws/datasync: use the existing group, or make it
data "aws_cloudwatch_log_group" "datasync" {
  count = var.sync_enabled && !var.make_log_group ? 1 : 0
  name  = "/aws/datasync"
}

resource "aws_cloudwatch_log_group" "datasync" {
  count             = var.sync_enabled && var.make_log_group ? 1 : 0
  name              = "/aws/datasync"
  retention_in_days = 7
}

resource "aws_datasync_task" "mirror" {
  count                    = var.sync_enabled ? 1 : 0
  name                     = "public-gcs-mirror"
  source_location_arn      = aws_datasync_location_object_storage.public_gcs[0].arn
  destination_location_arn = aws_datasync_location_s3.mirror[0].arn
  task_mode                = "ENHANCED"
  cloudwatch_log_group_arn = var.make_log_group ? aws_cloudwatch_log_group.datasync[0].arn : data.aws_cloudwatch_log_group.datasync[0].arn

  schedule {
    schedule_expression = var.schedule
  }

  options {
    verify_mode                    = "ONLY_FILES_TRANSFERRED"
    overwrite_mode                 = "ALWAYS"
    atime                          = "BEST_EFFORT"
    mtime                          = "PRESERVE"
    uid                            = "NONE"
    gid                            = "NONE"
    preserve_deleted_files         = "REMOVE"
    preserve_devices               = "NONE"
    posix_permissions              = "NONE"
    bytes_per_second               = -1
    task_queueing                  = "ENABLED"
    log_level                      = "TRANSFER"
    transfer_mode                  = "CHANGED"
    security_descriptor_copy_flags = "NONE"
    object_tags                    = "NONE"
  }

  tags = var.tags
}
